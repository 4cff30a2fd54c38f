/** Start at login on Linux: the XDG autostart entry, written when on, removed when off, quoted safely. */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  autostartEntry,
  autostartFolder,
  desktopExecQuoted,
  setLinuxAutostart,
} from '../../../main/adapters/linux-autostart.ts';

describe('the Linux autostart entry', () => {
  it('goes in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartFolder({ XDG_CONFIG_HOME: '/x/conf' }, '/home/a')).toBe('/x/conf/autostart');
    expect(autostartFolder({ XDG_CONFIG_HOME: '' }, '/home/a')).toBe('/home/a/.config/autostart');
    expect(autostartFolder({}, '/home/a')).toBe('/home/a/.config/autostart');
  });

  it('runs the executable as itself, whatever its path holds', () => {
    expect(desktopExecQuoted('/opt/cognito-desktop/cognito-desktop')).toBe(
      '"/opt/cognito-desktop/cognito-desktop"',
    );
    expect(desktopExecQuoted('/home/a/My Apps/$x`y`"z\\.AppImage')).toBe(
      '"/home/a/My Apps/\\$x\\`y\\`\\"z\\\\.AppImage"',
    );
    expect(autostartEntry('/opt/c/app')).toContain('\nExec="/opt/c/app"\n');
    expect(autostartEntry('/opt/c/app')).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
  });

  it('is written when on (private to the user), left alone when unchanged, removed when off', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-autostart-')), 'autostart');
    const file = join(folder, AUTOSTART_FILE_NAME);
    setLinuxAutostart(folder, false, '/opt/c/app');
    expect(existsSync(file)).toBe(false);
    setLinuxAutostart(folder, true, '/opt/c/app');
    expect(readFileSync(file, 'utf8')).toBe(autostartEntry('/opt/c/app'));
    expect(statSync(file).mode & 0o077).toBe(0);
    const written = statSync(file).mtimeMs;
    setLinuxAutostart(folder, true, '/opt/c/app');
    expect(statSync(file).mtimeMs).toBe(written);
    setLinuxAutostart(folder, true, '/opt/c/other');
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/c/other"');
    setLinuxAutostart(folder, false, '/opt/c/other');
    expect(existsSync(file)).toBe(false);
  });
});
