/**
 * The log file and Copy Diagnostics after a whole day's journey in the app — sign-in, a refresh,
 * an API call, sign-out, a sign-in again and a refresh the provider refuses — at the debug level,
 * which logs every step and every provider request. Every secret the journey saw on the wire (the
 * code, the PKCE verifier, each token, the client secret, the Basic header) is then looked for in
 * both: none may be there.
 */
import { statSync, mkdtempSync, readFileSync } from 'node:fs';
import { notPrivate } from '../support/file-modes.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppController } from '../../main/app/app-controller.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { FileSessionSignal } from '../../main/adapters/file-session-signal.ts';
import { openLogFile } from '../../main/adapters/log-file.ts';
import type { Fetch } from '../../main/core/network/network.ts';
import type { StoredSession } from '../../main/core/session/session.ts';
import { TokenVault, sessionAccount } from '../../main/core/session/token-vault.ts';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, defaultClients } from '../idp/directory.ts';
import { clearKeychainService, testEndpoints } from '../support/real-parts.ts';
import { FormPostBrowser } from '../support/form-post-browser.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { storeExpiredSession } from '../support/stored-session.ts';

const ENDPOINTS = testEndpoints(47635, 'diagnostics');
const SERVICE = ENDPOINTS.keychainService;
let emulator: CognitoEmulator;

beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri),
  });
});
afterAll(async () => {
  await emulator?.stop();
  await clearKeychainService(SERVICE);
});

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('diagnostics', () => {
  it('after a whole journey, neither the log file nor Copy Diagnostics holds a token, code, verifier or secret', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-diagnostics-'));
    const log = openLogFile(mkdtempSync(join(tmpdir(), 'cognito-desktop-logs-')), 'debug');
    // Every secret value that crossed the wire, collected as a provider would see them.
    const secrets = new Set<string>([CONFIDENTIAL_CLIENT_SECRET]);
    const recordingFetch: Fetch = async (url, init) => {
      const body = new URLSearchParams(
        init?.body instanceof URLSearchParams ? init.body : typeof init?.body === 'string' ? init.body : '',
      );
      for (const name of ['code', 'code_verifier', 'refresh_token', 'client_secret', 'token'])
        if (body.get(name)) secrets.add(body.get(name)!);
      const authorization = new Headers(init?.headers).get('authorization');
      if (authorization) secrets.add(authorization.replace(/^\w+\s+/, ''));
      const response = await fetch(url, init);
      if (String(url).endsWith('/oauth2/token')) {
        const answer = (await response.clone().json()) as Record<string, unknown>;
        for (const name of ['access_token', 'id_token', 'refresh_token'])
          if (typeof answer[name] === 'string') secrets.add(answer[name]);
      }
      return response;
    };
    const browser = new FormPostBrowser(emulator.domain, ENDPOINTS.redirectUri);
    const clipboard: string[] = [];
    const app = new AppController({
      configDir,
      settingsStore: new JsonFileSettingsStore(configDir),
      secretStore: new KeytarSecretStore(),
      browser,
      clipboard: { writeText: (text) => Promise.resolve(void clipboard.push(text)) },
      env: {
        COGNITO_DISCOVERY_URL: emulator.issuer,
        COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID,
        COGNITO_CLIENT_SECRET: CONFIDENTIAL_CLIENT_SECRET,
        COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
        COGNITO_LOGOUT_URI: ENDPOINTS.logoutUri,
        COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
      },
      fetch: recordingFetch,
      logger: log,
      onStateChanged: () => undefined,
    });
    const account = sessionAccount(emulator.issuer, CONFIDENTIAL_CLIENT_ID);
    const vault = new TokenVault(new KeytarSecretStore(), SERVICE);
    /** What another process would do: mark the stored session expired and announce it. */
    const expireStoredSession = async (): Promise<void> => {
      const session = (await vault.read<StoredSession>(account))!;
      await vault.write(account, { ...session, expiresAt: Date.now() - 1000 });
      new FileSessionSignal(join(configDir, 'sync')).announce(account);
    };
    await app.init();
    try {
      await app.signIns.signIn();
      await until(() => app.state().status === 'signed-in', 'signed in');
      await browser.settle();
      const refreshes = emulator.countRequests('/oauth2/token', 'refresh_token');
      await expireStoredSession();
      await until(() => emulator.countRequests('/oauth2/token', 'refresh_token') > refreshes, 'refreshed');
      await until(() => log.lastLines(50).some((l) => l.includes('Refreshed')), 'refresh logged');
      await app.callUserInfo();
      await app.signOut();
      await browser.settle();
      await app.signIns.signIn();
      await until(() => app.state().status === 'signed-in', 'signed in again');
      await browser.settle();
      emulator.faults.tokenInvalidGrant = true;
      await expireStoredSession();
      await until(() => app.state().status === 'signed-out', 'signed out by the refused refresh');
      const copied = await app.copyDiagnostics({
        versions: { app: '0.1.0', node: process.versions.node },
        os: { platform: process.platform, release: 'test', arch: process.arch },
        logLines: log.lastLines(200),
      });
      expect(clipboard).toEqual([copied]);

      const written = readFileSync(log.file, 'utf8');
      // The journey is in the log, step by step (so the grep below looks at real lines).
      for (const step of [
        'Sign-in started: ',
        'Sign-in answer received: http://127.0.0.1:47635/callback?code=[redacted]',
        `POST ${emulator.domain}/oauth2/token redirect_uri=`,
        '(authorization: [redacted])',
        'Refreshed; the access token is valid until',
        'Signed out here; the provider',
        'Refresh failed: provider_rejected',
      ])
        expect(written).toContain(step);
      expect(copied).toContain(`discoveryUrl       ${emulator.issuer}  [env COGNITO_DISCOVERY_URL]`);
      expect(copied).toContain('clientSecret       stored in the keychain');
      expect(copied).toContain('Configuration check:');
      expect(copied).toContain('Sign-in answer received');
      expect(secrets.size).toBeGreaterThanOrEqual(10);
      for (const secret of secrets) {
        // The whole value, and its last 16 characters (a part of a token is a leak too).
        expect(written, 'log file').not.toContain(secret);
        expect(written, 'log file').not.toContain(secret.slice(-16));
        expect(copied, 'diagnostics').not.toContain(secret.slice(-16));
      }
      // What the app wrote is for the user alone: the log, the settings folder's files and folders.
      expect(statSync(log.file).mode & 0o777).toBe(0o600);
      expect(notPrivate(configDir)).toEqual([]);
    } finally {
      emulator.faults.tokenInvalidGrant = false;
      app.dispose();
    }
  });

  it('cognito-desktop --verbose prints each provider request on stderr, with nothing secret in it', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-verbose-'));
    const env = {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      COGNITO_DISCOVERY_URL: emulator.issuer,
      COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID,
      COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
      COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
    };
    const secret = await runCliProcess(['config', 'set-secret'], env, CONFIDENTIAL_CLIENT_SECRET);
    expect(secret.code, secret.stderr).toBe(0);
    const session = await storeExpiredSession({
      configDir,
      env,
      provider: emulator,
      endpoints: { redirectUri: ENDPOINTS.redirectUri, keychainService: SERVICE },
      clientId: CONFIDENTIAL_CLIENT_ID,
    });
    const account = sessionAccount(emulator.issuer, CONFIDENTIAL_CLIENT_ID);
    const vault = new TokenVault(new KeytarSecretStore(), SERVICE);
    const run = await runCliProcess(['token', '--verbose'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'refresh_token=[redacted]&grant_type=refresh_token (authorization: [redacted]) → 200',
    );
    const refreshed = (await vault.read<StoredSession>(account))!;
    for (const value of [
      session.refreshToken!,
      refreshed.accessToken,
      refreshed.idToken,
      CONFIDENTIAL_CLIENT_SECRET,
    ])
      expect(run.stderr).not.toContain(value.slice(-16));
    expect(run.stdout.trim()).toBe(refreshed.accessToken);
    const quiet = await runCliProcess(['token'], env);
    expect(quiet.stderr).toBe('');
  });
});
