/**
 * `provider.json`: settings an admin bakes into an installer (see README, "Preconfigure for your
 * organisation"). They are the defaults; user settings win unless the file locks a setting.
 */
import { readFileSync } from 'node:fs';
import { SETTING_KEYS, type SettingsInput } from '../core/settings.ts';
import type { InstallerSettings } from './app-controller.ts';
import { SETTINGS_FIELDS, type SettingsDto } from '../../preload/contract.ts';

/** Parses provider.json; unknown keys are ignored, a secret is never accepted. */
export function parseInstallerSettings(text: string): InstallerSettings {
  const raw = JSON.parse(text) as { settings?: Record<string, unknown>; locked?: unknown } & Record<
    string,
    unknown
  >;
  const source = raw.settings ?? raw;
  const values: SettingsInput = {};
  for (const key of SETTING_KEYS) {
    const value = source[key];
    if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
  }
  const locked = Array.isArray(raw.locked)
    ? raw.locked.filter(
        (k): k is keyof SettingsDto =>
          SETTINGS_FIELDS.includes(k as keyof SettingsDto) && values[k as keyof SettingsDto] !== undefined,
      )
    : [];
  return { values, locked };
}

/** Reads provider.json at `path`; undefined when there is none (an installer without presets). */
export function loadInstallerSettings(path: string): InstallerSettings | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseInstallerSettings(text);
}
