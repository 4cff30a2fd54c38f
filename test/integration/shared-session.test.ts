/**
 * One session, many processes: the app's auth service and any number of `cognito-desktop` CLI
 * processes share the keychain session, against a provider in each refresh-token rotation mode.
 * Real processes, the real keychain, the emulator; the session is marked expired in the keychain
 * (the provider would still accept the access token, but every process sees it must refresh).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthService } from '../../main/app/compose.ts';
import type { AuthService, SessionChange } from '../../main/core/session/auth-service.ts';
import type { StoredSession } from '../../main/core/session/session.ts';
import { TokenVault, sessionAccount } from '../../main/core/session/token-vault.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { FileSessionLock } from '../../main/adapters/file-session-lock.ts';
import type { CognitoEmulator, RotationMode } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { FormPostBrowser } from '../support/form-post-browser.ts';
import { TSX, TS_NODE, runCliProcess, type CliRun } from '../support/cli-process.ts';

const ENDPOINTS = testEndpoints(47617, 'shared');
const { redirectUri: REDIRECT_URI, keychainService: SERVICE } = ENDPOINTS;
const PROCESSES = 8;
const MODES: RotationMode[] = ['off', 'grace', 'reuse-detection'];

let emulator: CognitoEmulator;
let configDir: string;

const parts = useProviderAndKeychain(ENDPOINTS);
beforeAll(() => {
  emulator = parts.emulator;
});
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-shared-'));
});

function settingsEnv(): Record<string, string> {
  return cliEnvironment(emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID);
}

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliProcess(args, { ...settingsEnv(), ...env });
}

/** The app's auth service, wired as the app wires it (same settings folder, lock and signal). */
function appService(): { service: AuthService; browser: FormPostBrowser } {
  const browser = new FormPostBrowser(emulator.domain, REDIRECT_URI);
  const service = createAuthService({
    configDir,
    env: settingsEnv(),
    settingsStore: new JsonFileSettingsStore(configDir),
    secretStore: new KeytarSecretStore(),
    browser,
  });
  return { service, browser };
}

async function signIn(): Promise<void> {
  const { service, browser } = appService();
  await service.signIn({ timeoutMs: 30_000 });
  await browser.settle();
  service.dispose();
}

const vault = (): TokenVault => new TokenVault(new KeytarSecretStore(), SERVICE);
const account = (): string => sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID);

/** Marks the stored access token expired, as an hour later would. */
async function expireStoredSession(): Promise<StoredSession> {
  const session = (await vault().read<StoredSession>(account()))!;
  const expired = { ...session, expiresAt: Date.now() - 1000 };
  await vault().write(account(), expired);
  return expired;
}

const refreshRequests = (): number => emulator.countRequests('/oauth2/token', 'refresh_token');
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/;

function waitFor(
  service: AuthService,
  accept: (change: SessionChange) => boolean,
  timeoutMs: number,
): Promise<SessionChange> {
  return new Promise((resolveChange, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no matching session change in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const listener = (change: SessionChange): void => {
      if (!accept(change)) return;
      clearTimeout(timer);
      service.off('session-changed', listener);
      resolveChange(change);
    };
    service.on('session-changed', listener);
  });
}

describe.each(MODES)('refresh-token rotation %s', (mode) => {
  beforeEach(() => {
    emulator.refreshTokenRotation = mode;
  });

  it(`${PROCESSES} concurrent token processes on an expired session: all get a token, one refresh`, async () => {
    await signIn();
    const expired = await expireStoredSession();
    const before = refreshRequests();
    const runs = await Promise.all(Array.from({ length: PROCESSES }, () => cli(['token'])));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toMatch(JWT);
    }
    expect(refreshRequests() - before).toBe(1);
    expect(new Set(runs.map((r) => r.stdout.trim())).size).toBe(1);
    expect(runs[0]!.stdout.trim()).not.toBe(expired.accessToken);
    // The session still works: the next refresh (with the stored, possibly rotated token) succeeds.
    await expireStoredSession();
    const again = await cli(['token']);
    expect(again.code).toBe(0);
    expect(refreshRequests() - before).toBe(2);
    expect((await cli(['status'])).code).toBe(0);
  });

  it('the app and CLI processes refreshing at once all keep working', async () => {
    await signIn();
    await expireStoredSession();
    const { service } = appService();
    await service.restore();
    const before = refreshRequests();
    const [fromApp, ...runs] = await Promise.all([
      service.getAccessToken(),
      ...Array.from({ length: 3 }, () => cli(['token'])),
    ]);
    expect(fromApp).toMatch(JWT);
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(refreshRequests() - before).toBe(1);
    // The app refreshes again later with what the CLI stored, and so does the CLI after the app.
    await expireStoredSession();
    const { service: later } = appService();
    await later.restore();
    await expect(later.getAccessToken()).resolves.toMatch(JWT);
    await expireStoredSession();
    expect((await cli(['token'])).code).toBe(0);
    expect(refreshRequests() - before).toBe(3);
    service.dispose();
    later.dispose();
  });
});

describe('the running app follows the CLI', () => {
  it('a CLI sign-out shows as signed out in the app within 2 s', async () => {
    await signIn();
    const { service } = appService();
    await service.restore();
    service.followSharedSession();
    const signedOut = waitFor(service, (c) => c.type === 'signed-out', 5000);
    const logout = await cli(['logout', '--no-browser']);
    const exitedAt = performance.now();
    expect(logout.code).toBe(0);
    expect(await signedOut).toEqual({ type: 'signed-out', reason: 'elsewhere' });
    const lag = performance.now() - exitedAt;
    expect(lag).toBeLessThan(2000);
    expect(service.profile()).toBeUndefined();
    service.dispose();
  });

  it('a CLI refresh and a CLI sign-in show in the app, which then uses the stored session', async () => {
    await signIn();
    const { service } = appService();
    await service.restore();
    service.followSharedSession();
    await expireStoredSession();
    // The app learns of the expiry marking only through its next read; the CLI refresh announces.
    const synced = waitFor(service, (c) => c.type === 'synced', 5000);
    const token = await cli(['token']);
    await synced;
    expect(await service.getAccessToken()).toBe(token.stdout.trim());

    const signedOut = waitFor(service, (c) => c.type === 'signed-out', 5000);
    await cli(['logout', '--no-browser']);
    await signedOut;
    // Waiting from before the login starts: the browser's part (Chromium starting, the sign-in
    // form) counts too, so the limit is the login's own, not the app's.
    const signedIn = waitFor(service, (c) => c.type === 'synced', 60_000);
    const login = await cli(['login', '--timeout', '60'], {
      BROWSER: `${TSX} ${resolve('test/support/system-browser.ts')}`,
    });
    expect(login.code).toBe(0);
    const change = await signedIn;
    expect(change).toMatchObject({ type: 'synced', profile: { username: 'alice@example.com' } });
    service.dispose();
  });
});

describe('the cross-process lock', () => {
  it('takes over a lock left by a killed process within a few seconds', async () => {
    const dir = join(configDir, 'sync');
    // A process that took the lock and was killed: its lock stays behind.
    const [node, ...nodeArgs] = TS_NODE;
    const child = spawn(node!, [...nodeArgs, resolve('test/support/hold-lock.ts'), dir, 's'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolveHeld) => child.stdout.on('data', () => resolveHeld()));
    child.kill('SIGKILL');
    const started = performance.now();
    await new FileSessionLock(dir).run('s', () => Promise.resolve());
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(1000);
    expect(waited).toBeLessThan(8000);
  });

  it('ends a wait for a lock that stays held with session_busy, not a hang', async () => {
    const dir = join(configDir, 'sync');
    const lock = new FileSessionLock(dir, 500);
    let release: () => void = () => undefined;
    const held = lock.run('s', () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    await expect(new FileSessionLock(dir, 500).run('s', () => Promise.resolve())).rejects.toMatchObject({
      code: 'session_busy',
    });
    release();
    await held;
  });
});
