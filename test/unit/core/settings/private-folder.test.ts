/**
 * The settings folder's strict modes, on real folders: made private, tightened from an earlier
 * version's modes, and refused when another user owns it or could write to it or above it.
 */
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_SUBFOLDERS, securePrivateFolder } from '../../../../main/core/settings/private-folder.ts';

const modeOf = (path: string): number => statSync(path).mode & 0o7777;
const scratch = (): string => mkdtempSync(join(tmpdir(), 'cognito-desktop-folder-'));
const isRoot = process.getuid?.() === 0;

describe.skipIf(process.platform === 'win32')('securePrivateFolder', () => {
  it('makes a missing folder, its parents and its subfolders readable by the user only', () => {
    const folder = join(scratch(), 'parent', 'cognito-desktop');
    securePrivateFolder(folder, SETTINGS_SUBFOLDERS);
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(join(folder, '..'))).toBe(0o700);
    for (const sub of SETTINGS_SUBFOLDERS) expect(modeOf(join(folder, sub))).toBe(0o700);
  });

  it('tightens an earlier version’s folder (0755, files 0644) and what is in it', () => {
    const folder = join(scratch(), 'settings');
    mkdirSync(join(folder, 'discovery'), { recursive: true, mode: 0o755 });
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'config.json'), '{}', { mode: 0o644 });
    writeFileSync(join(folder, 'discovery', 'x.json'), '{}', { mode: 0o644 });
    securePrivateFolder(folder, SETTINGS_SUBFOLDERS);
    expect(modeOf(folder)).toBe(0o700);
    expect(modeOf(join(folder, 'config.json'))).toBe(0o600);
    expect(modeOf(join(folder, 'discovery'))).toBe(0o700);
    expect(modeOf(join(folder, 'discovery', 'x.json'))).toBe(0o600);
  });

  it.each([
    ['writable by everyone', 0o777],
    ['writable by its group', 0o770],
  ])('refuses a folder %s, naming it and the fix, and changes nothing', (_name, mode) => {
    const folder = join(scratch(), 'shared');
    mkdirSync(folder);
    chmodSync(folder, mode);
    expect(() => securePrivateFolder(folder)).toThrow(
      expect.objectContaining({
        code: 'invalid_settings',
        setting: 'configDir',
        message: expect.stringContaining(`${folder} belongs to user`) as string,
      }) as Error,
    );
    expect(() => securePrivateFolder(folder)).toThrow(`chmod go-w "${folder}"`);
    expect(modeOf(folder)).toBe(mode);
  });

  it('refuses a subfolder others could write to', () => {
    const folder = scratch();
    mkdirSync(join(folder, 'sync'));
    chmodSync(join(folder, 'sync'), 0o777);
    expect(() => securePrivateFolder(folder, SETTINGS_SUBFOLDERS)).toThrow(join(folder, 'sync'));
  });

  it('refuses a folder below one others can write to (they could move it away), but not below a sticky one', () => {
    const open = scratch();
    chmodSync(open, 0o777);
    expect(() => securePrivateFolder(join(open, 'settings'))).toThrow(`${open} belongs to user`);
    chmodSync(open, 0o1777);
    expect(() => securePrivateFolder(join(open, 'settings'))).not.toThrow();
  });

  it('refuses a folder that is not a folder', () => {
    const file = join(scratch(), 'settings');
    writeFileSync(file, '');
    expect(() => securePrivateFolder(file)).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }) as Error,
    );
  });

  // Making a folder another user's takes root; CI runs as root, and so does this machine.
  it.skipIf(!isRoot)('refuses a folder another user owns, whatever its mode', () => {
    const folder = join(scratch(), 'theirs');
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, 65534, 65534);
    expect(() => securePrivateFolder(folder)).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /belongs to user 65534 .* Remove it, or choose another settings folder/,
        ) as string,
      }) as Error,
    );
  });
});

// A user other than root, played by chowning the test's folders (this takes root, as CI runs):
// root-owned parents (/, /tmp) are then someone else's, as on a user's machine.
describe.skipIf(process.platform === 'win32' || !isRoot)(
  'securePrivateFolder for a user who is not root',
  () => {
    const USER = 12_345;
    const OTHER = 54_321;
    const ownedBy = (uid: number, path: string): string => (chownSync(path, uid, uid), path);

    it('takes root’s parents (/, /tmp) as safe, and makes nothing it was not asked for', () => {
      const folder = ownedBy(USER, scratch());
      securePrivateFolder(folder, [], USER);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('refuses a parent another user owns, saying to choose a folder in the home folder', () => {
      const parent = ownedBy(OTHER, scratch());
      chmodSync(parent, 0o755);
      const folder = join(parent, 'settings');
      mkdirSync(folder, { mode: 0o700 });
      chownSync(folder, USER, USER);
      expect(() => securePrivateFolder(folder, [], USER)).toThrow(
        `${parent} belongs to user ${OTHER} with mode 0755, so another user could change what this app trusts. Choose a settings folder inside your home folder`,
      );
    });

    it('looks at every parent, not only the nearest', () => {
      const grandparent = scratch();
      chmodSync(grandparent, 0o777);
      const parent = join(grandparent, 'parent');
      mkdirSync(parent, { mode: 0o700 });
      const folder = join(parent, 'settings');
      mkdirSync(folder, { mode: 0o700 });
      for (const path of [parent, folder]) chownSync(path, USER, USER);
      expect(() => securePrivateFolder(folder, [], USER)).toThrow(
        `${grandparent} belongs to user 0 with mode 0777`,
      );
    });
  },
);

describe.skipIf(process.platform === 'win32')('tightening an earlier version’s folder', () => {
  it('makes its folders 0700 and its files 0600, follows no link, and leaves a private folder alone', () => {
    const outside = join(scratch(), 'outside.txt');
    writeFileSync(outside, '', { mode: 0o644 });
    const folder = join(scratch(), 'settings');
    mkdirSync(join(folder, 'logs'), { recursive: true, mode: 0o755 });
    chmodSync(folder, 0o755);
    symlinkSync(outside, join(folder, 'link'));
    securePrivateFolder(folder);
    expect(modeOf(join(folder, 'logs'))).toBe(0o700);
    expect(modeOf(outside)).toBe(0o644);
    // Private already: what is in it is the user's own business, not touched at every start.
    writeFileSync(join(folder, 'notes.txt'), '', { mode: 0o644 });
    securePrivateFolder(folder);
    expect(modeOf(join(folder, 'notes.txt'))).toBe(0o644);
  });
});
