/**
 * Profiles and accounts as people use them: two user pools (two emulators, a Cognito-like one and
 * a standard OpenID provider), a profile for each, two people signed in to each through the CLI
 * with Chromium as the system browser; then switching, a restart (every CLI call is a new
 * process; the app's controller is built again), one account signed out, a profile removed —
 * with the keychain listed after each step, as a user would with `secret-tool`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import keytar from 'keytar';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../idp/directory.ts';
import { clearKeychainService, testEndpoints } from '../support/real-parts.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { keychainAccounts } from '../support/keychain-inspect.ts';
import { AppController } from '../../main/app/app-controller.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import type { AppStatus } from '../../main/app/app-status.ts';
import { TokenVault, sessionAccount } from '../../main/core/session/token-vault.ts';
import type { StoredSession } from '../../main/core/session/session.ts';
import { MemorySecretStore } from '../fakes/memory-secret-store.ts';
import { FormPostBrowser } from '../support/form-post-browser.ts';
import { buildAuthService } from '../support/auth-service-harness.ts';

const ENDPOINTS = testEndpoints(47634, 'profiles');
const { keychainService: SERVICE } = ENDPOINTS;

let work: CognitoEmulator;
let prod: CognitoEmulator;
let configDir: string;

// One story across the tests of this file: the keychain is emptied before and after it, not between steps.
beforeAll(async () => {
  await clearKeychainService(SERVICE);
  work = await startCognitoEmulator({ clients: defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri) });
  prod = await startCognitoEmulator({
    flavour: 'standard',
    clients: defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri),
  });
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-profiles-'));
});
afterAll(async () => {
  await Promise.all([work?.stop(), prod?.stop()]);
  await clearKeychainService(SERVICE);
});

/** `cognito-desktop ARGS` as `user` would finish signing in, in this test's settings folder. */
function cli(args: string[], user = 'alice'): Promise<CliRun> {
  return runCliProcess(args, {
    COGNITO_DESKTOP_CONFIG_DIR: configDir,
    COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
    BROWSER: SYSTEM_BROWSER_COMMAND,
    SYSTEM_BROWSER_USER: user,
  });
}

async function ok(args: string[], user?: string): Promise<CliRun> {
  const run = await cli(args, user);
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

interface Listed {
  profile: string;
  id: string;
  name?: string;
  active: boolean;
  signedIn: boolean;
}

async function listAll(): Promise<Listed[]> {
  const run = await cli(['status', '--all', '--json']);
  return (JSON.parse(run.stdout) as { accounts: Listed[] }).accounts;
}

/** Who a profile's token belongs to: the pool that issued it and the user name in it. */
async function tokenOwner(args: string[]): Promise<{ issuer: string; user: string }> {
  const claims = decodeJwt((await ok(['token', ...args])).stdout.trim());
  return { issuer: String(claims.iss), user: typeof claims.username === 'string' ? claims.username : '' };
}

function appController(): { app: AppController; states: AppStatus[] } {
  const states: AppStatus[] = [];
  const app = new AppController({
    configDir,
    settingsStore: new JsonFileSettingsStore(configDir),
    secretStore: new KeytarSecretStore(),
    browser: { open: () => Promise.reject(new Error('no browser in this test')) },
    clipboard: { writeText: () => Promise.resolve() },
    env: { COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri, COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE },
    onStateChanged: (state) => states.push(state),
  });
  return { app, states };
}

async function until(check: () => boolean, ms = 2000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

describe('two profiles × two accounts', () => {
  it('signs two people in to each of two pools, keeps all four, and switches without the network', async () => {
    await ok(['config', 'set', 'discoveryUrl', work.issuer]);
    await ok(['config', 'set', 'clientId', PUBLIC_CLIENT_ID]);
    await ok(['profile', 'add', 'prod']);
    await ok(['--profile', 'prod', 'config', 'set', 'discoveryUrl', prod.issuer]);
    await ok(['config', 'set', '--profile', 'prod', 'clientId', PUBLIC_CLIENT_ID]);

    await ok(['login'], 'alice');
    await ok(['login', '--add'], 'bob');
    await ok(['--profile', 'prod', 'login'], 'alice');
    await ok(['--profile', 'prod', 'login', '--add'], 'bob');

    const listed = await listAll();
    expect(listed.map((a) => [a.profile, a.name, a.active, a.signedIn])).toEqual([
      ['default', 'alice@example.com', false, true],
      ['default', 'bob@example.com', true, true],
      ['prod', 'alice@example.com', false, true],
      ['prod', 'bob@example.com', true, true],
    ]);
    // The first account of the default profile keeps the name every earlier version used.
    const keys = await keychainAccounts(SERVICE);
    expect(keys).toContain(`session:${PUBLIC_CLIENT_ID}@${work.issuer}`);
    expect(keys.filter((k) => k.startsWith('session:')).sort()).toHaveLength(4);
    expect(keys.filter((k) => k.includes(' profile=prod'))).toHaveLength(2);

    expect(await tokenOwner([])).toEqual({ issuer: work.issuer, user: 'bob' });
    expect(await tokenOwner(['--profile', 'prod', '--account', 'alice@example.com'])).toEqual({
      issuer: prod.issuer,
      user: 'alice',
    });

    const requests = work.requests.length + prod.requests.length;
    await ok(['account', 'use', 'alice@example.com']);
    expect(await tokenOwner([])).toEqual({ issuer: work.issuer, user: 'alice' });
    await ok(['profile', 'use', 'prod']);
    expect(await tokenOwner([])).toEqual({ issuer: prod.issuer, user: 'bob' });
    expect(work.requests.length + prod.requests.length, 'switching needs no request').toBe(requests);
  });

  it('shows the same after a restart: the app lists every account and shows the active one', async () => {
    const { app, states } = appController();
    await app.init();
    try {
      const state = states.at(-1)!;
      expect(state.status).toBe('signed-in');
      expect(state.switcher?.profile).toBe('prod');
      expect(state.switcher?.accounts.filter((a) => a.signedIn)).toHaveLength(4);
      if (state.status === 'signed-in') expect(state.profile.username).toBe('bob@example.com');
      // Switching in the app: no request, and the CLI sees the same active account.
      const requests = work.requests.length + prod.requests.length;
      await app.useAccount({ profile: 'default', id: '' });
      expect(app.state()).toMatchObject({ status: 'signed-in', profile: { username: 'alice@example.com' } });
      expect(work.requests.length + prod.requests.length).toBe(requests);
      expect(await tokenOwner([])).toEqual({ issuer: work.issuer, user: 'alice' });
      // The CLI switches: the app follows within 2 s.
      await ok(['account', 'use', 'bob@example.com']);
      const followed = await until(
        () =>
          app.state().status === 'signed-in' &&
          (app.state() as { profile: { username: string } }).profile.username === 'bob@example.com',
      );
      expect(followed).toBeLessThan(2000);
    } finally {
      app.dispose();
    }
  });

  it('keeps the sharing rules per account: 8 processes on an expired second account refresh once, others untouched', async () => {
    const bob = (await listAll()).find((a) => a.profile === 'prod' && a.name === 'bob@example.com')!;
    expect(bob.id).not.toBe('');
    const vault = new TokenVault(new KeytarSecretStore(), SERVICE);
    const account = sessionAccount(prod.issuer, PUBLIC_CLIENT_ID, { profile: 'prod', account: bob.id });
    const session = (await vault.read<StoredSession>(account))!;
    await vault.write(account, { ...session, expiresAt: Date.now() - 1000 });
    const refreshes = {
      prod: prod.countRequests('/oauth2/token', 'refresh_token'),
      work: work.countRequests('/oauth2/token', 'refresh_token'),
    };
    const runs = await Promise.all(
      Array.from({ length: 8 }, () => cli(['--profile', 'prod', '--account', 'bob@example.com', 'token'])),
    );
    expect(runs.map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(prod.countRequests('/oauth2/token', 'refresh_token') - refreshes.prod).toBe(1);
    expect(work.countRequests('/oauth2/token', 'refresh_token')).toBe(refreshes.work);
    expect(new Set(runs.map((r) => r.stdout)).size).toBe(1);
    expect((await vault.read<StoredSession>(account))!.expiresAt).toBeGreaterThan(Date.now());
    // The profile's other account was not touched.
    expect(await tokenOwner(['--profile', 'prod', '--account', 'alice@example.com'])).toEqual({
      issuer: prod.issuer,
      user: 'alice',
    });
  });

  it('signs one account out; the others stay, and nothing of it is left in the keychain', async () => {
    const before = await keychainAccounts(SERVICE);
    const bob = (await listAll()).find((a) => a.profile === 'default' && a.name === 'bob@example.com')!;
    const { app } = appController();
    await app.init();
    try {
      await ok(['account', 'remove', 'bob@example.com']);
      // The app showed bob: it follows to the profile's remaining account.
      await until(
        () => (app.state() as { profile?: { username: string } }).profile?.username === 'alice@example.com',
      );
    } finally {
      app.dispose();
    }
    const left = await listAll();
    expect(left.map((a) => `${a.profile}/${a.name}`)).toEqual([
      'default/alice@example.com',
      'prod/alice@example.com',
      'prod/bob@example.com',
    ]);
    expect(left.every((a) => a.signedIn)).toBe(true);
    const after = await keychainAccounts(SERVICE);
    expect(bob.id).not.toBe('');
    expect(before.filter((k) => !after.includes(k))).toEqual([
      `session:${PUBLIC_CLIENT_ID}@${work.issuer} account=${bob.id}`,
    ]);
    expect(after.filter((k) => !before.includes(k))).toEqual([]);
    expect(await tokenOwner(['--profile', 'default'])).toEqual({ issuer: work.issuer, user: 'alice' });
  });

  it('removes a profile: its sessions and secret leave the keychain, the other profile stays signed in', async () => {
    const secret = await runCliProcess(
      ['--profile', 'prod', 'config', 'set-secret'],
      { COGNITO_DESKTOP_CONFIG_DIR: configDir, COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE },
      'prod-client-secret',
    );
    expect(secret.code, secret.stderr).toBe(0);
    expect(await keychainAccounts(SERVICE)).toContain(
      `client-secret:${PUBLIC_CLIENT_ID}@${prod.issuer} profile=prod`,
    );
    await ok(['profile', 'remove', 'prod']);
    expect(
      (await keychainAccounts(SERVICE)).filter((k) => k.includes('profile=prod')),
      'nothing of prod is left',
    ).toEqual([]);
    expect((await listAll()).map((a) => `${a.profile}/${a.name}`)).toEqual(['default/alice@example.com']);
    expect(JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'))).not.toHaveProperty('profiles');
    const gone = await cli(['--profile', 'prod', 'token']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('There is no profile "prod". Profiles: default.');
    expect(await tokenOwner([])).toEqual({ issuer: work.issuer, user: 'alice' });
  });
});

describe('the upgrade from a version without profiles', () => {
  const service = `${SERVICE}-upgrade`;
  const fixture = (name: string): string => readFileSync(join('test/fixtures/before-profiles', name), 'utf8');
  const fill = (text: string): string =>
    text
      .replaceAll('__ISSUER__', work.issuer)
      .replaceAll('__CLIENT_ID__', PUBLIC_CLIENT_ID)
      .replaceAll('__REDIRECT_URI__', ENDPOINTS.redirectUri);
  afterAll(() => clearKeychainService(service));

  it('keeps the settings and the signed-in session as profile default, with nothing to redo', async () => {
    configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-upgrade-'));
    writeFileSync(join(configDir, 'config.json'), fill(fixture('config.json')));
    // A session as the earlier version stored it: its entry name and value format, from the fixture.
    const memory = new MemorySecretStore();
    const browser = new FormPostBrowser(work.domain, ENDPOINTS.redirectUri);
    const scratch = buildAuthService(
      { issuer: work.issuer, redirectUri: ENDPOINTS.redirectUri },
      { secretStore: memory, browser },
    );
    await scratch.signIn({ timeoutMs: 30_000 });
    await browser.settle();
    const [stored] = [...memory.entries.values()];
    const session = JSON.stringify((JSON.parse(stored!) as { data: unknown }).data);
    const entry = JSON.parse(fixture('keychain.json')) as { session: { account: string; value: string } };
    const legacyAccount = fill(entry.session.account);
    await keytar.setPassword(service, legacyAccount, entry.session.value.replace('__SESSION__', session));

    const env = { COGNITO_DESKTOP_KEYCHAIN_SERVICE: service };
    const requests = work.requests.length;
    const status = await runCliProcess(['status', '--json'], {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      ...env,
    });
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ profile: { username: 'alice@example.com' } });
    const listed = await runCliProcess(['account', 'list', '--json'], {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      ...env,
    });
    expect(JSON.parse(listed.stdout)).toMatchObject({
      accounts: [{ profile: 'default', id: '', name: 'alice@example.com', active: true, signedIn: true }],
    });
    const profiles = await runCliProcess(['profile', 'list', '--json'], {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      ...env,
    });
    expect(JSON.parse(profiles.stdout)).toMatchObject({
      profiles: [{ name: 'default', selected: true, configured: true }],
    });
    expect(work.requests.length, 'no request: the stored session is used as it is').toBe(requests);
    // Nothing was rewritten: the settings file and the keychain entry are as the earlier version left them.
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).toBe(fill(fixture('config.json')));
    expect(await keychainAccounts(service)).toEqual([legacyAccount]);
  });
});
