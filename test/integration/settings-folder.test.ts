/**
 * The settings folder as the CLI keeps it, in real processes: every folder 0700 and every file
 * 0600 after a day's commands (settings, profiles, accounts, discovery cache, locks, change
 * markers), and a folder another user owns or could write to refused before anything in it is
 * read, with exit 2 and the fix.
 */
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { modesBelow, notPrivate } from '../support/file-modes.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';

const ENDPOINTS = testEndpoints(47638, 'folder');
const parts = useRealParts({ ...ENDPOINTS, chromium: false });

let configDir: string;
beforeEach(() => {
  configDir = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-folder-')), 'settings');
});

const cli = (args: string[]): Promise<CliRun> =>
  runCliProcess(args, {
    ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
    BROWSER: SYSTEM_BROWSER_COMMAND,
  });

describe('the settings folder the CLI keeps', () => {
  it('holds nothing another user can read: folders 0700, files 0600', async () => {
    for (const args of [
      ['login', '--timeout', '60'],
      ['token'],
      ['config', 'set', 'scopes', 'openid email profile'],
      ['profile', 'add', 'second'],
      ['account', 'list'],
      ['logout', '--no-browser'],
    ])
      expect((await cli(args)).code, args.join(' ')).toBe(0);
    const found = modesBelow(configDir);
    // What the commands above leave: the settings, the accounts, the discovery cache, the markers.
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(['config.json', 'accounts.json', 'discovery/', 'sync/']),
    );
    expect(Object.keys(found).some((path) => path.startsWith('discovery/') && path.endsWith('.json'))).toBe(
      true,
    );
    expect(Object.keys(found).some((path) => path.endsWith('.changed'))).toBe(true);
    expect(notPrivate(configDir)).toEqual([]);
    expect((lstatSync(configDir).mode & 0o777).toString(8)).toBe('700');
  });

  it('refuses a folder others can write to, before reading anything in it (exit 2)', async () => {
    mkdirSync(configDir);
    chmodSync(configDir, 0o777);
    // Planted: a settings file that would send the sign-in elsewhere.
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ discoveryUrl: 'https://evil.example' }));
    const status = await cli(['status']);
    expect(status.code).toBe(2);
    expect(status.stdout).toBe('');
    expect(status.stderr).toContain(`The settings folder is not safe: ${configDir} belongs to user`);
    expect(status.stderr).toContain(`chmod go-w "${configDir}"`);
    expect(status.stderr).not.toContain('evil.example');
  });

  // Making a folder another user's takes root; CI runs as root, and so does this machine.
  it.skipIf(process.getuid?.() !== 0)('refuses a folder another user owns (exit 2)', async () => {
    mkdirSync(configDir, { mode: 0o700 });
    chownSync(configDir, 65534, 65534);
    const status = await cli(['token']);
    expect(status.code).toBe(2);
    expect(status.stdout).toBe('');
    expect(status.stderr).toMatch(/belongs to user 65534 .*choose another settings folder/);
  });
});
