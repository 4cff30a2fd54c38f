/**
 * Tokens that live apart: Cognito sets the ID token's and the access token's lifetimes
 * independently. With ID tokens of 3 s and access tokens of an hour, every command that hands out
 * the ID token (`token --id`, `token --format exec-credential`) refreshes it first, once, and never
 * prints an expired one. An ID token already past its `exp` (a provider clock hours behind) is
 * refused at sign-in and at refresh, and nothing is printed or stored. Real CLI processes, the
 * real keychain and the emulator.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';
import { keychainAccounts } from '../support/keychain-inspect.ts';

const ENDPOINTS = testEndpoints(47637, 'lifetimes');
const parts = useRealParts({ ...ENDPOINTS, chromium: false, lifetimes: { idToken: 3, accessToken: 3600 } });

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-lifetimes-'));
});

const cli = (args: string[]): Promise<CliRun> =>
  runCliProcess(args, {
    ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
    BROWSER: SYSTEM_BROWSER_COMMAND,
  });

const refreshes = (): number => parts.emulator.countRequests('/oauth2/token', 'refresh_token');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('an ID token that expires before the access token', () => {
  it('is refreshed before `token --id` and `--format exec-credential` hand it out, once each', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    await sleep(5000);
    const before = refreshes();
    const id = await cli(['token', '--id', '--json']);
    expect(id.code).toBe(0);
    const printed = JSON.parse(id.stdout) as { token: string; expiresAt: number };
    expect(refreshes()).toBe(before + 1);
    const exp = decodeJwt(printed.token).exp!;
    expect(exp * 1000).toBeGreaterThan(Date.now() - 1000);
    // The expiry printed is the ID token's own, not the access token's hour.
    expect(printed.expiresAt).toBe(exp * 1000);

    // The ID token just printed lives 3 s: within the refresh margin already, so refreshed again.
    const exec = await cli(['token', '--format', 'exec-credential']);
    expect(exec.code).toBe(0);
    expect(refreshes()).toBe(before + 2);
    const credential = JSON.parse(exec.stdout) as { status: { expirationTimestamp: string } };
    expect(Date.parse(credential.status.expirationTimestamp)).toBeGreaterThan(Date.now() - 1000);
  });

  it('is refused at sign-in when already past its exp: nothing is stored', async () => {
    parts.emulator.faults.clockOffsetSeconds = -7200;
    const login = await cli(['login', '--timeout', '60']);
    expect(login.code).not.toBe(0);
    expect(login.stdout).toBe('');
    expect(
      (await keychainAccounts(ENDPOINTS.keychainService)).filter((a) => a.startsWith('session:')),
    ).toEqual([]);
  });

  it('is refused at refresh when already past its exp: nothing is printed', async () => {
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    parts.emulator.faults.clockOffsetSeconds = -7200;
    // The ID token (3 s) is within the refresh margin at once: this `token` refreshes it.
    const id = await cli(['token', '--id']);
    expect(id.code).not.toBe(0);
    expect(id.stdout).toBe('');
    expect(id.stderr).not.toMatch(/eyJ/);
  });
});
