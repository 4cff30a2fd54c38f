/**
 * Settings in `<settings folder>/config.json`: the file electron-store writes for the app, read
 * and written here in the same format for the CLI (plain Node, no Electron).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/files.ts';
import { SETTINGS_FILE_NAME, SETTING_KEYS, type SettingsInput } from '../core/settings.ts';
import type { SettingsStore } from '../core/ports.ts';

/** Keeps only known, non-secret settings: nothing else is ever written to the file. */
export function pickSettings(input: Record<string, unknown>): SettingsInput {
  const picked: SettingsInput = {};
  for (const key of SETTING_KEYS) if (input[key] !== undefined) picked[key] = input[key];
  return picked;
}

/** {@link SettingsStore} on a JSON file, written atomically. */
export class JsonFileSettingsStore implements SettingsStore {
  readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, SETTINGS_FILE_NAME);
  }

  read(): SettingsInput {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null
        ? pickSettings(parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  write(settings: SettingsInput): void {
    writeFileAtomically(this.file, `${JSON.stringify(pickSettings(settings), null, '\t')}\n`);
  }
}
