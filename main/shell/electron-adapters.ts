/**
 * The ports, as Electron provides them: the system browser (shell.openExternal), the clipboard,
 * and settings in electron-store (the same config.json, same keys as the CLI's file).
 */
import { clipboard, shell } from 'electron';
import Store from 'electron-store';
import type { Browser, Clipboard } from '../core/ports.ts';
import type { SettingsStore } from '../core/settings/profiles.ts';
import { pickDocument, type SettingsDocument } from '../core/settings/profiles.ts';

export class ShellBrowser implements Browser {
  open(url: string): Promise<void> {
    return shell.openExternal(url);
  }
}

export class ElectronClipboard implements Clipboard {
  writeText(text: string): Promise<void> {
    return clipboard.writeText(text);
  }
}

/** {@link SettingsStore} on electron-store, in the settings folder (`cwd`), file config.json. */
export class ElectronSettingsStore implements SettingsStore {
  private readonly store: Store<Record<string, unknown>>;

  constructor(configDir: string) {
    this.store = new Store<Record<string, unknown>>({
      cwd: configDir,
      name: 'config',
      clearInvalidConfig: false,
      // Readable by the user only, as everything the app keeps in its folder.
      configFileMode: 0o600,
    });
  }

  read(): SettingsDocument {
    return pickDocument(this.store.store);
  }

  write(document: SettingsDocument): Promise<void> {
    this.store.store = { ...pickDocument(document) };
    return Promise.resolve();
  }
}
