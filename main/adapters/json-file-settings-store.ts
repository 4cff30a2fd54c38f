/**
 * Settings in `<settings folder>/config.json`, the file electron-store keeps for the app, for the
 * CLI in plain Node. Reading is plain JSON (what every command needs, at no cost); writing goes
 * through `conf`, electron-store's own plain-Node base: the same serializer and atomic write with a
 * unique temporary file, and the same mode (0600) as the app's store sets. They differ on a file
 * that is not JSON: the CLI replaces it with what it writes, while the app's store throws on it
 * (`clearInvalidConfig` off) rather than drop the user's file without a word. conf
 * is loaded only to write: it costs more to load than most commands take.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_FILE_NAME } from '../core/settings/settings.ts';
import { pickDocument, type SettingsDocument } from '../core/settings/profiles.ts';
import type { SettingsStore } from '../core/settings/profiles.ts';

/** {@link SettingsStore} on the JSON settings file. */
export class JsonFileSettingsStore implements SettingsStore {
  readonly file: string;

  constructor(private readonly configDir: string) {
    this.file = join(configDir, SETTINGS_FILE_NAME);
  }

  read(): SettingsDocument {
    try {
      // Only known settings, profiles and the selection: nothing else is kept or written back.
      return pickDocument(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return {};
    }
  }

  async write(document: SettingsDocument): Promise<void> {
    const { default: Conf } = await import('conf');
    const store = new Conf<Record<string, unknown>>({
      cwd: this.configDir,
      configName: SETTINGS_FILE_NAME.replace(/\.json$/, ''),
      // An unreadable file is replaced, not an error: the user is writing new settings.
      clearInvalidConfig: true,
      // Readable by the user only, as everything the app keeps in its folder.
      configFileMode: 0o600,
    });
    store.store = { ...pickDocument(document) };
  }
}
