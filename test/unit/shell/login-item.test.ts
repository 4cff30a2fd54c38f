/**
 * Start at login, with Electron mocked: an installed app registers itself with the OS (login
 * items on macOS and Windows, the autostart entry on Linux) only when the setting changes; a
 * development build never does.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  isPackaged: true,
  loginItemCalls: [] as { openAtLogin: boolean }[],
}));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return electron.isPackaged;
    },
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => electron.loginItemCalls.push(settings),
  },
}));
const { setupLoginItem } = await import('../../../main/shell/login-item.ts');

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
const setPlatform = (value: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value });
let configHome: string;
beforeEach(() => {
  electron.isPackaged = true;
  electron.loginItemCalls.length = 0;
  configHome = mkdtempSync(join(tmpdir(), 'cognito-desktop-login-item-'));
  vi.stubEnv('XDG_CONFIG_HOME', configHome);
  vi.stubEnv('APPIMAGE', '/home/a/cognito-desktop.AppImage');
});
afterEach(() => {
  Object.defineProperty(process, 'platform', platform);
  vi.unstubAllEnvs();
});

describe('start at login', () => {
  it('uses the OS’s login items on macOS and Windows, once per change', () => {
    for (const os of ['darwin', 'win32'] as const) {
      setPlatform(os);
      electron.loginItemCalls.length = 0;
      const log: string[] = [];
      const item = setupLoginItem((m) => log.push(m));
      item.apply('off');
      item.apply('on');
      item.apply('on');
      item.apply('off');
      expect(electron.loginItemCalls).toEqual([
        { openAtLogin: false },
        { openAtLogin: true },
        { openAtLogin: false },
      ]);
      expect(log).toContain('Start at login: on.');
    }
  });

  it('writes the autostart entry for the AppImage on Linux, and removes it', () => {
    setPlatform('linux');
    const item = setupLoginItem(() => undefined);
    const entry = join(configHome, 'autostart', 'cognito-desktop.desktop');
    item.apply('on');
    expect(readFileSync(entry, 'utf8')).toContain('Exec="/home/a/cognito-desktop.AppImage"');
    item.apply('off');
    expect(existsSync(entry)).toBe(false);
    expect(electron.loginItemCalls).toEqual([]);
  });

  it('registers nothing from a development build, and says so', () => {
    electron.isPackaged = false;
    setPlatform('darwin');
    const log: string[] = [];
    setupLoginItem((m) => log.push(m)).apply('on');
    expect(electron.loginItemCalls).toEqual([]);
    expect(log).toEqual(['Start at login is on, but a development build does not register itself.']);
  });
});
