/**
 * A locked keychain is not an empty one. A real GNOME Keyring with a password-protected login
 * collection holds a session and a client secret; locked, with no prompt anyone can answer, every
 * command says so (exit 5, unlock advice), nothing hangs, nothing crashes, nothing falls back to a
 * public client, and once unlocked the session is still there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CognitoEmulator } from '../idp/emulator.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { TSX, runCliProcess, type CliRun } from '../support/cli-process.ts';
import { PrivateKeyring } from '../support/private-keyring.ts';

const ENDPOINTS = testEndpoints(47619, 'locked');

let emulator: CognitoEmulator;
let keyring: PrivateKeyring;
const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-locked-'));

const parts = useProviderAndKeychain(ENDPOINTS);
beforeAll(async () => {
  emulator = parts.emulator;
  keyring = await PrivateKeyring.start();
});
afterAll(() => keyring?.stop());

function cli(args: string[], stdin?: string): Promise<CliRun> {
  return runCliProcess(
    args,
    {
      ...keyring.env,
      ...cliEnvironment(emulator, configDir, ENDPOINTS, CONFIDENTIAL_CLIENT_ID),
      BROWSER: `${TSX} ${resolve('test/support/system-browser.ts')}`,
    },
    stdin,
  );
}

function expectLockedAdvice(run: CliRun): void {
  expect(run.code).toBe(5);
  expect(run.stderr).toMatch(/keychain is locked/i);
  expect(run.stderr).toMatch(/[Uu]nlock/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('a locked keychain', () => {
  it('is reported as locked by every command, and the session survives until it is unlocked', async () => {
    expect((await cli(['config', 'set-secret'], `${CONFIDENTIAL_CLIENT_SECRET}\n`)).code).toBe(0);
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    expect((await cli(['status'])).code).toBe(0);
    await keyring.lock();
    expect(await keyring.isLocked()).toBe(true);

    const status = await cli(['status']);
    expectLockedAdvice(status);
    expect(status.stderr).not.toContain('Not signed in');
    expectLockedAdvice(await cli(['token']));

    // Login must not read "no secret" as a public client, nor hang, nor claim a sign-in.
    const login = await cli(['login', '--no-browser', '--timeout', '30']);
    expectLockedAdvice(login);
    expect(login.ms).toBeLessThan(15_000);
    expect(login.stderr).not.toMatch(/invalid_client|will not be remembered|Signed in/);

    // Logout must not crash in libsecret nor say "signed out" while the session stays stored.
    const logout = await cli(['logout', '--no-browser']);
    expectLockedAdvice(logout);
    expect(logout.stderr).toContain('still signed in');
    expect(logout.stdout).not.toContain('Signed out');

    const check = await cli(['config', 'check']);
    expect(check.code).toBe(5);
    expect(check.stdout).toMatch(/✗ OS keychain is reachable and unlocked: The OS keychain is locked/);

    await keyring.unlock();
    const after = await cli(['status']);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Signed in as alice@example.com');
    expect((await cli(['token'])).code).toBe(0);
  });
});

describe('an unencrypted keyring nothing has unlocked yet', () => {
  it('is not taken for a locked one: it reports Locked, yet opens without a prompt', async () => {
    const fresh = await PrivateKeyring.start(null);
    try {
      expect(await fresh.isLocked()).toBe(true);
      const freshConfig = mkdtempSync(join(tmpdir(), 'cognito-desktop-fresh-'));
      const status = await runCliProcess(['status'], {
        ...fresh.env,
        ...cliEnvironment(emulator, freshConfig, ENDPOINTS, CONFIDENTIAL_CLIENT_ID),
      });
      expect(status.stderr).toContain('Not signed in');
      expect(status.code).toBe(1);
    } finally {
      fresh.stop();
    }
  });
});
