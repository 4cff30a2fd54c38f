/**
 * A corporate network, with real parts: a forward proxy from Debian's packages (tinyproxy), with
 * and without a password, whose own access log shows what went through it; a provider on an
 * invented host name (`idp.test`) that only the proxy can resolve, serving HTTPS with a certificate
 * from a CA made for this run (what a TLS-inspecting proxy presents). The CLI runs as separate
 * processes with the real keychain; Chromium is the system browser (told where idp.test is, and to
 * accept the test CA: the browser is not under test).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND, readBrowserVisits } from '../support/system-browser-log.ts';
import { clearKeychainService, testEndpoints } from '../support/real-parts.ts';
import { makeTestCa, type TestCa } from '../support/test-ca.ts';
import { forwardProxyUnavailable, startForwardProxy, type ForwardProxy } from '../support/forward-proxy.ts';
import { EXIT_CODES } from '../../main/cli.ts';
import { nodeNetworkFetch } from '../../main/adapters/node-network.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { createAuthService } from '../../main/app/compose.ts';
import { electronNetwork, type NetworkSession } from '../../main/shell/electron-network.ts';
import { launchChromium } from '../support/chromium.ts';
import { PlaywrightBrowser } from '../support/playwright-browser.ts';

const ENDPOINTS = testEndpoints(47625, 'corporate');
const PROXY_PORT = 47626;
const PASSWORD_PROXY_PORT = 47627;
/** Nothing listens here: a proxy that is down. */
const DEAD_PROXY_PORT = 47628;
const HOST = 'idp.test';
const CREDENTIALS = { user: 'alice', password: 'proxy-s3cret' };

const unavailable = forwardProxyUnavailable();
if (unavailable) console.warn(`NOT CHECKED: corporate network tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('behind a corporate proxy that inspects TLS', () => {
  let ca: TestCa;
  let emulator: CognitoEmulator;
  let proxy: ForwardProxy;
  let passwordProxy: ForwardProxy;
  let configDir: string;

  beforeAll(async () => {
    ca = makeTestCa([HOST]);
    emulator = await startCognitoEmulator({
      clients: defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri),
      tls: { hostname: HOST, key: ca.key, cert: ca.cert },
      // Due for refresh a second after sign-in: `token` then refreshes through the proxy.
      lifetimes: { accessToken: 61, idToken: 61 },
    });
    proxy = await startForwardProxy({ port: PROXY_PORT, hosts: [HOST] });
    passwordProxy = await startForwardProxy({
      port: PASSWORD_PROXY_PORT,
      hosts: [HOST],
      credentials: CREDENTIALS,
    });
  });
  afterAll(async () => {
    await proxy?.stop();
    await passwordProxy?.stop();
    await emulator?.stop();
    await clearKeychainService(ENDPOINTS.keychainService);
  });
  beforeEach(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-corporate-'));
    await clearKeychainService(ENDPOINTS.keychainService);
  });

  const cli = (args: string[], env: Record<string, string>): Promise<CliRun> =>
    runCliProcess(args, {
      COGNITO_DESKTOP_CONFIG_DIR: configDir,
      COGNITO_DISCOVERY_URL: emulator.issuer,
      COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
      COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
      COGNITO_DESKTOP_KEYCHAIN_SERVICE: ENDPOINTS.keychainService,
      // The proxy variables of this machine, if any, are not the test's.
      HTTP_PROXY: '',
      HTTPS_PROXY: '',
      ALL_PROXY: '',
      NO_PROXY: '',
      http_proxy: '',
      https_proxy: '',
      all_proxy: '',
      no_proxy: '',
      BROWSER: SYSTEM_BROWSER_COMMAND,
      SYSTEM_BROWSER_LOG: join(configDir, 'browser.log'),
      SYSTEM_BROWSER_ARGS: JSON.stringify([
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
        '--ignore-certificate-errors',
      ]),
      ...env,
    });

  const issuerOrigin = (): string => new URL(emulator.issuer).host;
  const domainOrigin = (): string => new URL(emulator.domain).host;

  it('signs in, refreshes and signs out through the proxy, trusting the CA named by caFile', async () => {
    const env = { HTTPS_PROXY: proxy.url, COGNITO_CA_FILE: ca.caFile };
    const tunnelsBefore = proxy.tunnels().length;

    const check = await cli(['config', 'check'], env);
    expect(check.stdout).toContain(`https://${issuerOrigin()} through ${proxy.url} (from HTTPS_PROXY)`);
    expect(check.stdout).toContain('TLS certificates are trusted.');

    const login = await cli(['login', '--timeout', '60'], env);
    expect(login.stdout, login.stderr).toContain('Signed in as alice@example.com');
    // The browser logs its visit once it is done with the page, after the CLI has finished.
    const visits = (): ReturnType<typeof readBrowserVisits> =>
      readBrowserVisits(join(configDir, 'browser.log'));
    for (let i = 0; i < 100 && visits().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(visits()[0]?.title).toContain('Signed in');
    // Discovery and JWKS on the issuer's origin, the token on the domain's: both through the proxy.
    const tunnels = proxy.tunnels().slice(tunnelsBefore);
    expect(tunnels).toEqual(expect.arrayContaining([issuerOrigin(), domainOrigin()]));
    // The loopback redirect never goes through the proxy.
    expect(proxy.log()).not.toContain('127.0.0.1:47625');

    await new Promise((r) => setTimeout(r, 1500));
    const refreshes = emulator.countRequests('/oauth2/token', 'refresh_token');
    const beforeRefresh = proxy.tunnels().length;
    expect((await cli(['token'], env)).code).toBe(EXIT_CODES.ok);
    expect(emulator.countRequests('/oauth2/token', 'refresh_token')).toBe(refreshes + 1);
    expect(proxy.tunnels().slice(beforeRefresh)).toContain(domainOrigin());

    const beforeLogout = proxy.tunnels().length;
    const revocations = emulator.countRequests('/oauth2/revoke');
    const logout = await cli(['logout', '--no-browser'], env);
    expect(logout.code, logout.stderr).toBe(EXIT_CODES.ok);
    expect(emulator.countRequests('/oauth2/revoke')).toBe(revocations + 1);
    expect(proxy.tunnels().slice(beforeLogout)).toContain(domainOrigin());
  });

  it('the app’s core signs in, refreshes and signs out through the network Electron gives it', async () => {
    // Electron's session.fetch is Chromium's network stack; here it follows the "system" proxy
    // (this test's tinyproxy) and trusts the test CA, as an OS configured by IT would.
    const chromiumStandIn = nodeNetworkFetch({ proxySetting: proxy.url, caFile: ca.caFile, env: {} });
    const proxyConfigs: unknown[] = [];
    const session = {
      fetch: (url: string, init?: RequestInit) => chromiumStandIn(url, init),
      setProxy: (config: unknown) => {
        proxyConfigs.push(config);
        return Promise.resolve();
      },
      resolveProxy: () => Promise.resolve(`PROXY 127.0.0.1:${PROXY_PORT}`),
      setCertificateVerifyProc: () => undefined,
    } as unknown as NetworkSession;
    const chromium = await launchChromium([
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      '--ignore-certificate-errors',
    ]);
    try {
      const browser = new PlaywrightBrowser(chromium);
      browser.next = { kind: 'sign-in', credentials: { username: 'alice', password: 'Passw0rd!alice' } };
      const service = createAuthService({
        configDir,
        settingsStore: new JsonFileSettingsStore(configDir),
        secretStore: new KeytarSecretStore(),
        browser,
        env: {
          COGNITO_DISCOVERY_URL: emulator.issuer,
          COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
          COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
          COGNITO_DESKTOP_KEYCHAIN_SERVICE: ENDPOINTS.keychainService,
        },
        networkFor: electronNetwork(session),
      });
      const tunnelsBefore = proxy.tunnels().length;
      await expect(service.signIn({ timeoutMs: 30_000 })).resolves.toMatchObject({
        username: 'alice@example.com',
      });
      expect(proxy.tunnels().slice(tunnelsBefore)).toEqual(
        expect.arrayContaining([issuerOrigin(), domainOrigin()]),
      );
      // No proxy setting: the app follows the system's.
      expect(proxyConfigs).toEqual([{ mode: 'system' }]);

      await new Promise((r) => setTimeout(r, 1500));
      const refreshes = emulator.countRequests('/oauth2/token', 'refresh_token');
      await service.getAccessToken();
      expect(emulator.countRequests('/oauth2/token', 'refresh_token')).toBe(refreshes + 1);
      const result = await service.signOut({ openBrowser: false });
      expect(result.revoked).toBe(true);
      await browser.idle();
      service.dispose();
    } finally {
      await chromium.close();
    }
  });

  it('names the untrusted certificate’s issuer and how to trust it; then trusts it through caFile', async () => {
    const untrusted = await cli(['login', '--no-browser', '--timeout', '5'], { HTTPS_PROXY: proxy.url });
    expect(untrusted.code).toBe(EXIT_CODES.tls_untrusted);
    expect(untrusted.stderr).toContain(`The connection to ${issuerOrigin()} is not trusted`);
    expect(untrusted.stderr).toContain(`issued by "${ca.rootName}, Example Corp"`);
    expect(untrusted.stderr).toContain('COGNITO_CA_FILE');
    expect(untrusted.stderr).not.toMatch(/internet connection/i);

    const check = await cli(['config', 'check'], { HTTPS_PROXY: proxy.url, COGNITO_CA_FILE: ca.caFile });
    expect(check.stdout).toMatch(/^✓ Discovery document/m);
  });

  it('says a proxy needs credentials, or refused them, and works with the right ones', async () => {
    const bare = `http://127.0.0.1:${PASSWORD_PROXY_PORT}`;
    const wrong = `http://${CREDENTIALS.user}:nope@127.0.0.1:${PASSWORD_PROXY_PORT}`;
    const withCa = { COGNITO_CA_FILE: ca.caFile };

    const none = await cli(['config', 'check'], { ...withCa, HTTPS_PROXY: bare });
    expect(none.stdout).toContain(`The proxy ${bare} requires a user name and password.`);
    const refused = await cli(['login', '--no-browser', '--timeout', '5'], { ...withCa, HTTPS_PROXY: wrong });
    expect(refused.code, refused.stderr).toBe(EXIT_CODES.proxy_auth);
    expect(refused.stderr).toContain(
      `The proxy http://${CREDENTIALS.user}:***@127.0.0.1:${PASSWORD_PROXY_PORT} refused`,
    );
    expect(refused.stderr).not.toContain('nope');

    const right = await cli(['config', 'check'], { ...withCa, HTTPS_PROXY: passwordProxy.url });
    expect(right.stdout).toMatch(/^✓ Discovery document/m);
    expect(passwordProxy.tunnels()).toContain(issuerOrigin());
  });

  it('says the proxy cannot be reached, naming it and where it was set', async () => {
    const dead = `http://127.0.0.1:${DEAD_PROXY_PORT}`;
    const run = await cli(['login', '--no-browser', '--timeout', '5'], {
      COGNITO_CA_FILE: ca.caFile,
      COGNITO_PROXY: dead,
    });
    expect(run.code).toBe(EXIT_CODES.proxy_unreachable);
    expect(run.stderr).toContain(
      `Could not reach the proxy ${dead} (from proxy setting): the connection was refused.`,
    );
  });
});

describe.skipIf(unavailable !== undefined)('a provider on this computer', () => {
  let emulator: CognitoEmulator;
  let proxy: ForwardProxy;
  const PORT = 47629;
  beforeAll(async () => {
    emulator = await startCognitoEmulator({
      clients: defaultClients(ENDPOINTS.redirectUri, ENDPOINTS.logoutUri),
    });
    proxy = await startForwardProxy({ port: PORT, hosts: [] });
  });
  afterAll(async () => {
    await proxy?.stop();
    await emulator?.stop();
  });

  it('is reached directly, whatever the proxy variables say', async () => {
    const run = await runCliProcess(['config', 'check'], {
      COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cognito-desktop-loopback-')),
      COGNITO_DISCOVERY_URL: emulator.issuer,
      COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
      COGNITO_REDIRECT_URI: ENDPOINTS.redirectUri,
      COGNITO_DESKTOP_KEYCHAIN_SERVICE: ENDPOINTS.keychainService,
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      ALL_PROXY: proxy.url,
    });
    expect(run.stdout).toMatch(/^✓ Discovery document/m);
    expect(run.stdout).toContain('direct (this computer: never through a proxy)');
    expect(proxy.log()).not.toMatch(/Request/);
  });
});
