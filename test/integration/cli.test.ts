/**
 * The `cognito-desktop` CLI as a user runs it: a separate process, the real keychain, and Chromium
 * as the system browser through the `BROWSER` variable (test/support/system-browser.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keychainValue } from '../support/keychain-inspect.ts';
import { readStoredSession } from '../support/stored-session.ts';
import type { CognitoEmulator } from '../idp/emulator.ts';
import { useRealParts } from '../support/real-parts.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import {
  SYSTEM_BROWSER_COMMAND,
  readBrowserVisits,
  type BrowserVisit,
} from '../support/system-browser-log.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID } from '../idp/directory.ts';

const PORT = 47612;
const REDIRECT_URI = `http://127.0.0.1:${PORT}/callback`;
const SERVICE = `cognito-desktop-cli-test-${process.pid}`;

let emulator: CognitoEmulator;
let configDir: string;
let browserLog: string;

function cli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> {
  return runCliProcess(
    args,
    {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      COGNITO_DISCOVERY_URL: emulator.issuer,
      COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
      COGNITO_REDIRECT_URI: REDIRECT_URI,
      COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
      BROWSER: SYSTEM_BROWSER_COMMAND,
      SYSTEM_BROWSER_LOG: browserLog,
      ...env,
    },
    stdin,
  );
}

const browserVisits = (): BrowserVisit[] => readBrowserVisits(browserLog);

const parts = useRealParts({
  redirectUri: REDIRECT_URI,
  logoutUri: `http://127.0.0.1:${PORT}/signed-out`,
  keychainService: SERVICE,
  chromium: false,
  identityProviders: [{ name: 'Google' }, { name: 'AcmeOIDC', identifiers: ['acme.example'] }],
});
beforeAll(() => {
  emulator = parts.emulator;
});

beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-cli-'));
  browserLog = join(configDir, '..', `browser-${Date.now()}.log`);
});

describe('cognito-desktop CLI', () => {
  it('login → status → token → userinfo → logout → status', async () => {
    const login = await cli(['login', '--timeout', '60']);
    expect(login.stderr).toContain('Waiting for you to finish in your browser');
    expect(login.stderr).toContain(`${emulator.domain}/oauth2/authorize?`);
    expect(login.stdout).toContain('Signed in as alice@example.com');
    expect(login.code).toBe(0);

    // status needs no network while the token is valid: it works with the provider down.
    await emulator.pause();
    const status = await cli(['status', '--json']).finally(() => emulator.resume());
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { ok: boolean; profile: { username: string } };
    expect(parsed.profile.username).toBe('alice@example.com');
    expect(status.stdout).not.toMatch(/eyJ/);

    const token = await cli(['token']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    // Only `token` prints a token: nothing else the CLI said carries one, nor the refresh token.
    const stored = await readStoredSession(SERVICE, emulator.issuer, PUBLIC_CLIENT_ID);
    const refreshToken = stored.refreshToken;
    const statusText = await cli(['status']);
    expect(statusText.stdout).toContain('Signed in as alice@example.com');
    for (const output of [
      login.stdout,
      login.stderr,
      status.stdout,
      status.stderr,
      statusText.stdout,
      statusText.stderr,
      token.stderr,
    ]) {
      expect(output).not.toContain(stored.idToken.slice(-24));
      expect(output).not.toContain(token.stdout.trim().slice(-24));
      expect(output).not.toContain(refreshToken!.slice(-16));
    }
    const idToken = await cli(['token', '--id', '--json']);
    expect((JSON.parse(idToken.stdout) as { token: string }).token).not.toBe(token.stdout.trim());

    const userinfo = await cli(['userinfo', '--json']);
    expect(JSON.parse(userinfo.stdout)).toMatchObject({
      ok: true,
      userinfo: { email: 'alice@example.com', username: 'alice' },
    });

    const logout = await cli(['logout']);
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain('Signed out');
    // The browser writes its log after the page loaded: a moment after the CLI saw the request.
    for (let i = 0; i < 100 && browserVisits().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const visits = browserVisits();
    expect(visits.map((v) => v.opened)).toEqual([
      `${emulator.domain}/oauth2/authorize`,
      `${emulator.domain}/logout`,
    ]);
    // Cognito's /logout ignores id_token_hint: the ID token is not sent there.
    expect(visits[1]!.params).not.toContain('id_token_hint');
    expect(visits[1]!.params).toEqual(expect.arrayContaining(['client_id', 'logout_uri', 'state']));
    expect(visits[1]!.title).toContain('Signed out');

    const after = await cli(['status']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('Not signed in');
  });

  it('keeps the settings file free of tokens and secrets', async () => {
    expect((await cli(['config', 'set', 'scopes', 'openid email profile'])).code).toBe(0);
    const setSecret = await cli(
      ['config', 'set-secret'],
      { COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID },
      `${CONFIDENTIAL_CLIENT_SECRET}\n`,
    );
    expect(setSecret.code).toBe(0);
    const login = await cli(['login', '--json'], { COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID });
    expect(login.code).toBe(0);
    expect(login.stdout.trim().split('\n')).toHaveLength(1);
    const token = (await cli(['token'], { COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID })).stdout.trim();
    for (const file of readdirSync(configDir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const text = readFileSync(join(file.parentPath, file.name), 'utf8');
      expect(text).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
      expect(text).not.toContain(token.slice(-30));
    }
    const secret = await keychainValue(SERVICE, `client-secret:${CONFIDENTIAL_CLIENT_ID}@${emulator.issuer}`);
    expect(secret).toContain('"v":1');
    const show = await cli(['config', 'show', '--json'], { COGNITO_CLIENT_ID: CONFIDENTIAL_CLIENT_ID });
    expect(show.stdout).toContain('stored in the keychain');
    expect(show.stdout).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
  });

  it('exits 6 when the browser does not come back in time', async () => {
    const run = await cli(['login', '--no-browser', '--timeout', '1']);
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('Open this link in a browser, on any device, to sign in');
    expect(run.stderr).toContain('did not come back');
  });

  it.each(['3000000', '0', '-5', 'soon', '86401'])(
    'exits 2 for --timeout %s (1 s to 24 h)',
    async (value) => {
      const run = await cli(['login', '--no-browser', '--timeout', value]);
      expect(run.code).toBe(2);
      // "-5" reads as an option to the parser, which says so; every other value gets the range.
      expect(run.stderr).toContain(
        value === '-5'
          ? "Option '--timeout' argument is ambiguous"
          : '--timeout takes seconds from 1 to 86400',
      );
      expect(run.stderr).not.toContain('TimeoutOverflowWarning');
    },
  );

  it('says the time limit in seconds when it is under a minute', async () => {
    const run = await cli(['login', '--no-browser', '--timeout', '1']);
    expect(run.stderr).toContain('gives up after 1 s');
  });

  it('starts the browser without the client secret or anything named like a secret in its environment', async () => {
    const recorded = join(configDir, 'browser-env.json');
    const run = await cli(['login', '--timeout', '2'], {
      BROWSER: `${process.execPath} ${resolve('test/support/env-recording-browser.mjs')}`,
      RECORD_ENV_TO: recorded,
      COGNITO_CLIENT_SECRET: 'the-client-secret-value',
      AWS_SESSION_TOKEN: 'aws-session-token-value',
      GITHUB_TOKEN: 'github-token-value',
      MY_API_KEY: 'api-key-value',
      DB_PASSWORD: 'db-password-value',
      KEEP_ME: 'kept',
    });
    expect(run.code).toBe(6);
    const env = JSON.parse(readFileSync(recorded, 'utf8')) as Record<string, string>;
    expect(env.KEEP_ME).toBe('kept');
    expect(env.PATH).toBe(process.env.PATH);
    expect(Object.keys(env).filter((k) => /^COGNITO_|TOKEN|SECRET|PASSWORD|API_KEY/.test(k))).toEqual([]);
    expect(JSON.stringify(env)).not.toMatch(/client-secret-value|token-value|api-key-value|password-value/);
  });

  it('login --provider goes straight to Google; --idp-identifier to the provider mapped to an email domain', async () => {
    const providers = { COGNITO_IDENTITY_PROVIDERS: 'Google, AcmeOIDC=Acme staff' };
    const gina = emulator.identityProvider('Google')!.users[0]!;
    const google = await cli(['login', '--provider', 'Google', '--timeout', '60'], {
      ...providers,
      SYSTEM_BROWSER_USER: gina.username,
    });
    expect(google.stdout).toContain(`Signed in as ${gina.email} through Google`);
    expect(google.stdout).toContain(`groups: ${emulator.poolId}_Google`);
    expect(google.code).toBe(0);
    // The browser writes its log when it closes, which may be after the CLI has finished.
    await expect.poll(() => browserVisits().length, { timeout: 15_000 }).toBe(1);
    expect(browserVisits()[0]!.params).toContain('identity_provider');

    const acmeUser = emulator.identityProvider('AcmeOIDC')!.users[0]!;
    const acme = await cli(['login', '--idp-identifier', 'carol@acme.example', '--json'], {
      ...providers,
      SYSTEM_BROWSER_USER: acmeUser.username,
    });
    expect(acme.code).toBe(0);
    expect(JSON.parse(acme.stdout)).toMatchObject({
      profile: { signedInWith: { providerName: 'AcmeOIDC', providerType: 'OIDC' } },
    });
    await expect.poll(() => browserVisits().length, { timeout: 15_000 }).toBe(2);
    expect(browserVisits()[1]!.params).toEqual(expect.arrayContaining(['idp_identifier', 'login_hint']));
  });

  it('login --provider with a name the settings do not list exits 2 with the configured ones, before any browser', async () => {
    const run = await cli(['login', '--provider', 'Okta'], {
      COGNITO_IDENTITY_PROVIDERS: 'Google, AcmeOIDC',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No identity provider named "Okta" is configured');
    expect(run.stderr).toContain('Configured: Google, AcmeOIDC.');
    expect(browserVisits()).toEqual([]);
    const both = await cli(['login', '--provider', 'Google', '--idp-identifier', 'acme.example']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give one of them');
  });

  it('exits 6 when the user presses Cancel at the provider', async () => {
    const run = await cli(['login'], { SYSTEM_BROWSER_ACTION: 'cancel' });
    expect(run.code).toBe(6);
    expect(run.stderr).toContain('cancelled');
  });

  it("shows an installed app's presets as their source and refuses to change a locked one", async () => {
    const installerFile = join(configDir, 'provider.json');
    writeFileSync(
      installerFile,
      JSON.stringify({
        settings: { scopes: 'openid email', usernameClaim: 'name' },
        locked: ['usernameClaim'],
      }),
    );
    const env = { COGNITO_DESKTOP_INSTALLER_SETTINGS: installerFile, COGNITO_USERNAME_CLAIM: 'email' };
    const show = await cli(['config', 'show', '--json'], env);
    const rows = (JSON.parse(show.stdout) as { settings: { key: string; value: string; source: string }[] })
      .settings;
    expect(rows.find((r) => r.key === 'scopes')).toMatchObject({
      value: 'openid email',
      source: 'installer preset',
    });
    // Locked wins over the environment, as in the app.
    expect(rows.find((r) => r.key === 'usernameClaim')).toMatchObject({
      value: 'name',
      source: 'installer (locked)',
    });
    const locked = await cli(['config', 'set', 'usernameClaim', 'email'], env);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain("Username claim is set by your organisation's installer");
    expect(existsSync(join(configDir, 'config.json'))).toBe(false);
  });

  it('exits 2 naming the setting for bad settings and for usage errors', async () => {
    const bad = await cli(['config', 'set', 'redirectUri', 'https://example.com/cb']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Redirect URI');
    const badEnv = await cli(['status'], { COGNITO_DISCOVERY_URL: 'http://cognito.example.com/pool' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('Discovery URL must use https');
    const usage = await cli(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: cognito-desktop');
  });

  it('exits 4 when the provider is unreachable', async () => {
    const run = await cli(['login', '--no-browser', '--json'], {
      COGNITO_DISCOVERY_URL: 'http://127.0.0.1:9/us-east-1_Nowhere',
    });
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('without a Secret Service: signs in for the run only, says so, exits 5', async () => {
    const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const login = await cli(['login'], noKeychain);
    expect(login.stdout).toContain('Signed in as alice@example.com');
    expect(login.stderr).toContain('will not be remembered');
    expect(login.stderr).toMatch(/GNOME Keyring or KWallet/);
    expect(login.code).toBe(5);
    const status = await cli(['status'], noKeychain);
    expect(status.code).toBe(5);
    expect(status.stderr).toContain('keychain is not available');
    expect(readdirSync(configDir, { recursive: true }).join(' ')).not.toMatch(/session|token/);
  });

  it('config check prints the URLs to register', async () => {
    const run = await cli(['config', 'check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Allowed callback URL:  ${REDIRECT_URI}`);
    expect(run.stdout).toContain(`Allowed sign-out URL:  http://127.0.0.1:${PORT}/signed-out`);
    expect(run.stdout).toContain(`end_session_endpoint on ${emulator.domain}`);
  });
});
