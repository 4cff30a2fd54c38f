/**
 * Managed by IT, on Linux, with real files and processes: a root-owned policy file sets the pool
 * and locks the proxy; the CLI (a new process per command) shows `policy` and refuses to change a
 * locked setting with exit 2 naming the policy; an invalid policy value is reported and ignored;
 * a file others could write is refused. The app's controller shows the fields managed and, when
 * the file changes while it runs, moves to the new pool within 5 s — the person signed out of the
 * old one (refresh token revoked, tokens gone from the keychain) and told why.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../idp/directory.ts';
import { clearKeychainService, testEndpoints } from '../support/real-parts.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { keychainAccounts } from '../support/keychain-inspect.ts';
import { FormPostBrowser } from '../support/form-post-browser.ts';
import { AppController } from '../../main/app/app-controller.ts';
import { followPolicy } from '../../main/app/follow-policy.ts';
import type { AppStatus } from '../../main/app/app-status.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import {
  POLICY_FILE_ENV,
  policyPollInterval,
  systemPolicyReader,
} from '../../main/adapters/policy/system-policy.ts';
import { sessionAccount } from '../../main/core/session/token-vault.ts';
import { toAppState } from '../../main/ipc/wire.ts';

const ENDPOINTS = testEndpoints(47646, 'policy');
const { keychainService: SERVICE } = ENDPOINTS;
const AS_ROOT = process.getuid?.() === 0;
if (!AS_ROOT)
  console.warn(
    'managed-by-policy: skipped — a policy file must be root’s, so these tests run as root (as CI does).',
  );

let oldPool: CognitoEmulator;
let newPool: CognitoEmulator;
let configDir: string;
let policyFile: string;

beforeAll(async () => {
  await clearKeychainService(SERVICE);
  const clients = defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri);
  [oldPool, newPool] = await Promise.all([
    startCognitoEmulator({ clients }),
    startCognitoEmulator({ clients }),
  ]);
});
afterAll(async () => {
  await Promise.all([oldPool?.stop(), newPool?.stop()]);
  await clearKeychainService(SERVICE);
});
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-policy-'));
  // mkdtemp makes the folder 0700, root's when the tests run as root: a folder only root can write.
  policyFile = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-etc-')), 'policy.json');
});

function writePolicy(policy: object): void {
  writeFileSync(policyFile, JSON.stringify(policy), { mode: 0o644 });
}

function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCliProcess(args, {
    COGNITO_DESKTOP_CONFIG_DIR: configDir,
    COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
    [POLICY_FILE_ENV]: policyFile,
    ...env,
  });
}

interface Row {
  key: string;
  value: string | null;
  source: string;
}

async function settingsShown(env?: Record<string, string>): Promise<Record<string, Row>> {
  const run = await cli(['config', 'show', '--json'], env);
  expect(run.code, run.stderr).toBe(0);
  const rows = (JSON.parse(run.stdout) as { settings: Row[] }).settings;
  return Object.fromEntries(rows.map((row) => [row.key, row]));
}

describe.skipIf(!AS_ROOT)('the CLI under a policy file', () => {
  it('takes the pool and the proxy from the policy, over the file and the environment', async () => {
    await cli(['config', 'set', 'proxy', 'http://proxy.user.example:3128']);
    writePolicy({ discoveryUrl: oldPool.issuer, clientId: PUBLIC_CLIENT_ID, proxy: 'direct' });
    const rows = await settingsShown({ COGNITO_PROXY: 'http://proxy.env.example:3128' });
    expect(rows.discoveryUrl).toMatchObject({ value: oldPool.issuer, source: 'policy' });
    expect(rows.clientId).toMatchObject({ value: PUBLIC_CLIENT_ID, source: 'policy' });
    expect(rows.proxy).toMatchObject({ value: 'direct', source: 'policy' });
    expect(rows.scopes?.source).toBe('default');
  });

  it('refuses to change or unset a setting the policy sets: exit 2, naming the policy', async () => {
    writePolicy({ discoveryUrl: oldPool.issuer, proxy: 'direct' });
    for (const args of [
      ['config', 'set', 'proxy', 'http://proxy.example:3128'],
      ['config', 'unset', 'discoveryUrl'],
    ]) {
      const run = await cli(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toContain(`managed by your organization's policy (${policyFile})`);
    }
    // What the policy does not set stays the user's.
    expect((await cli(['config', 'set', 'scopes', 'openid email'])).code).toBe(0);
  });

  it('reports an invalid policy value and ignores that key only', async () => {
    writePolicy({ discoveryUrl: oldPool.issuer, clientId: PUBLIC_CLIENT_ID, scopes: 'email', apiUrl: 42 });
    await cli(['config', 'set', 'scopes', 'openid profile']);
    const run = await cli(['config', 'show', '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('The policy value of scopes is ignored: Scopes must include openid.');
    expect(run.stderr).toContain('The policy value of apiUrl is ignored');
    const rows = Object.fromEntries(
      (JSON.parse(run.stdout) as { settings: Row[] }).settings.map((row) => [row.key, row]),
    );
    expect(rows.scopes).toMatchObject({ value: 'openid profile', source: 'file' });
    expect(rows.discoveryUrl?.source).toBe('policy');
    const doctor = await cli(['config', 'check', '--json']);
    const checks = (JSON.parse(doctor.stdout) as { report: { checks: { id: string; detail: string }[] } })
      .report.checks;
    expect(checks.find((c) => c.id === 'policy')?.detail).toContain('scopes is ignored');
  });

  it('refuses a policy file others could write, says so, and applies none of it', async () => {
    writePolicy({ discoveryUrl: oldPool.issuer });
    chmodSync(policyFile, 0o666);
    const run = await cli(['config', 'show', '--json']);
    expect(run.stderr).toContain(`The policy file ${policyFile} is not used`);
    expect(run.stderr).toContain('others can write it');
    const rows = Object.fromEntries(
      (JSON.parse(run.stdout) as { settings: Row[] }).settings.map((row) => [row.key, row]),
    );
    expect(rows.discoveryUrl?.source).toBe('default');
  });
});

describe.skipIf(!AS_ROOT)('the app under a policy file that changes while it runs', () => {
  it('shows the fields managed, then moves to the new pool within 5 s and signs out of the old', async () => {
    writePolicy({ discoveryUrl: oldPool.issuer, clientId: PUBLIC_CLIENT_ID, proxy: 'direct' });
    const states: AppStatus[] = [];
    const app = new AppController({
      configDir,
      settingsStore: new JsonFileSettingsStore(configDir),
      secretStore: new KeytarSecretStore(),
      browser: new FormPostBrowser(oldPool.domain, ENDPOINTS.redirectUri),
      clipboard: { writeText: () => Promise.resolve() },
      env: { COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri, COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE },
      onStateChanged: (state) => states.push(state),
    });
    const { stop } = await followPolicy(
      app,
      systemPolicyReader('linux', policyFile),
      policyPollInterval('linux'),
    );
    try {
      await app.init();
      const view = await app.settings.settingsView();
      expect(view.managed).toEqual(expect.arrayContaining(['discoveryUrl', 'clientId', 'proxy']));
      expect(view.locked).toEqual(expect.arrayContaining(view.managed));
      expect(view.values.discoveryUrl).toBe(oldPool.issuer);

      await app.signIns.signIn();
      await until(() => app.state().status === 'signed-in', 20_000);
      const oldSession = sessionAccount(oldPool.issuer, PUBLIC_CLIENT_ID);
      expect(await keychainAccounts(SERVICE)).toContain(oldSession);

      const changed = Date.now();
      writePolicy({ discoveryUrl: newPool.issuer, clientId: PUBLIC_CLIENT_ID, proxy: 'direct' });
      await until(() => {
        const state = app.state();
        return state.status === 'signed-out' && state.provider.issuer === newPool.issuer && !!state.notice;
      }, 5_000);
      const took = Date.now() - changed;
      console.log(`policy change applied in ${took} ms`);
      expect(took).toBeLessThan(5_000);
      const state = app.state();
      expect(state.status === 'signed-out' ? state.notice : '').toContain(
        'Your organization changed the sign-in settings',
      );
      expect(await keychainAccounts(SERVICE)).not.toContain(oldSession);
      expect(oldPool.requests.some((r) => r.path === '/oauth2/revoke')).toBe(true);
      // The window learns the settings changed (an open Settings screen reloads), and they read new.
      expect(toAppState(state).settingsRevision).toBe(1);
      expect((await app.settings.settingsView()).values.discoveryUrl).toBe(newPool.issuer);

      // Copy Diagnostics names the policy as the source, and what it manages.
      const copied = await app.copyDiagnostics({
        versions: { app: 'test', node: process.versions.node },
        os: { platform: process.platform, release: 'test', arch: process.arch },
        logLines: [],
      });
      expect(copied).toContain(`discoveryUrl       ${newPool.issuer}  [policy]`);
      expect(copied).toMatch(/Organization policy.*3 settings are managed by your organization/);
    } finally {
      stop();
      app.dispose();
    }
  });
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
