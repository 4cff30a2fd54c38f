/**
 * "Start at login": the OS's own login items on macOS and Windows (`app.setLoginItemSettings`),
 * an XDG autostart entry on Linux. Only an installed app registers itself: a development build
 * would register a bare Electron.
 */
import { app } from 'electron';
import { homedir } from 'node:os';
import { autostartFolder, setLinuxAutostart } from '../adapters/linux-autostart.ts';

export interface LoginItem {
  /** Makes the OS start the app at login (or not); repeated calls with the same value do nothing. */
  apply(setting: 'on' | 'off'): void;
}

export function setupLoginItem(log: (message: string) => void): LoginItem {
  let applied: 'on' | 'off' | undefined;
  return {
    apply(setting) {
      if (setting === applied) return;
      applied = setting;
      if (!app.isPackaged) {
        if (setting === 'on') log('Start at login is on, but a development build does not register itself.');
        return;
      }
      const on = setting === 'on';
      try {
        if (process.platform === 'linux')
          setLinuxAutostart(
            autostartFolder(process.env, homedir()),
            on,
            process.env.APPIMAGE ?? process.execPath,
          );
        else app.setLoginItemSettings({ openAtLogin: on });
        log(`Start at login: ${setting}.`);
      } catch (error) {
        applied = undefined;
        log(`Could not change start at login: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
