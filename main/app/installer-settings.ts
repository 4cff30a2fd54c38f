/**
 * `provider.json`: settings an admin bakes into an installer (see README, "Preconfigure for your
 * organisation"). They are the defaults; user settings win unless the file locks a setting. The
 * app reads the file next to its resources; the CLI reads it where
 * `COGNITO_DESKTOP_INSTALLER_SETTINGS` points (an installed app's copy), so both see the same
 * settings and sources.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SETTING_KEYS, type SettingsInput } from '../core/settings.ts';
import { SETTINGS_FIELDS, type SettingsDto } from '../../preload/contract.ts';

/** Settings an installer ships: defaults, some of them locked. */
export interface InstallerSettings {
  values: SettingsInput;
  locked: (keyof SettingsDto)[];
}

/** The environment variable that points the CLI at an installed app's provider.json. */
export const INSTALLER_SETTINGS_ENV = 'COGNITO_DESKTOP_INSTALLER_SETTINGS';

/**
 * Where the CLI finds provider.json: `COGNITO_DESKTOP_INSTALLER_SETTINGS` when set; else, when it
 * is the installed command (the executable `resources/cli/cognito-desktop` of an installed app),
 * the app's own `resources/provider.json`; else none.
 */
export function installerSettingsFile(
  env: NodeJS.ProcessEnv,
  executable: string = process.execPath,
): string | undefined {
  if (env[INSTALLER_SETTINGS_ENV]) return env[INSTALLER_SETTINGS_ENV];
  if (!/^cognito-desktop(\.exe)?$/i.test(basename(executable))) return undefined;
  return join(dirname(executable), '..', 'provider.json');
}

/** Parses provider.json; unknown keys are ignored, a secret is never accepted. */
export function parseInstallerSettings(text: string): InstallerSettings {
  const raw = JSON.parse(text) as { settings?: Record<string, unknown>; locked?: unknown } & Record<
    string,
    unknown
  >;
  const source = raw.settings ?? raw;
  const values: SettingsInput = {};
  for (const key of SETTING_KEYS) {
    const value = key === 'identityProviders' ? identityProvidersText(source[key]) : source[key];
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

/**
 * The identity providers as the setting's text: provider.json may give the text, or a list of
 * `{ "name": "Google", "label": "Google" }` (what an admin would write by hand).
 */
function identityProvidersText(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value
    .map((entry: unknown) => {
      const { name, label } = (entry ?? {}) as { name?: unknown; label?: unknown };
      if (typeof name !== 'string') return '';
      return typeof label === 'string' && label.trim() !== '' ? `${name}=${label}` : name;
    })
    .filter((text) => text !== '')
    .join(', ');
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

/** The installer's locked settings: they win over anything typed, the environment included. */
export function lockedInstallerSettings(installer: InstallerSettings | undefined): SettingsInput {
  const locked: SettingsInput = {};
  for (const key of installer?.locked ?? []) locked[key] = installer?.values[key];
  return locked;
}

/** The two layers an installer adds to the settings resolver (compose.ts). */
export function installerLayers(installer: InstallerSettings | undefined): {
  defaults?: SettingsInput;
  overrides?: SettingsInput;
} {
  if (!installer) return {};
  return { defaults: installer.values, overrides: lockedInstallerSettings(installer) };
}
