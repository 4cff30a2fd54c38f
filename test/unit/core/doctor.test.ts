/**
 * "Check configuration": each check's verdict, what it says and the fix it offers, against the
 * emulator in this process (a real discovery document) and an in-memory keychain.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor, type DoctorReport } from '../../../main/core/doctor.ts';
import { parsePolicy } from '../../../main/core/settings/policy.ts';
import { KeychainLockedError } from '../../../main/core/ports.ts';
import { clientSecretAccount } from '../../../main/core/session/token-vault.ts';
import { startCognitoEmulator, type CognitoEmulator } from '../../idp/emulator.ts';
import { PUBLIC_CLIENT_ID } from '../../idp/directory.ts';
import { MemorySecretStore } from '../../fakes/memory-secret-store.ts';
import { freePort } from '../../support/http.ts';
import { withoutEndpoints } from '../../support/discovery.ts';

let emulator: CognitoEmulator;
let port: number;
beforeAll(async () => {
  emulator = await startCognitoEmulator();
  port = await freePort();
});
afterAll(() => emulator.stop());

const input = () => ({
  discoveryUrl: emulator.issuer,
  clientId: PUBLIC_CLIENT_ID,
  redirectUri: `http://127.0.0.1:${port}/callback`,
  keychainService: 'doctor-test',
});

const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

/** The checks for the emulator's settings, an empty keychain unless given another, real fetch unless given. */
const diagnose = (deps: Partial<Parameters<typeof runDoctor>[0]> = {}): Promise<DoctorReport> =>
  runDoctor({ input: input(), secretStore: new MemorySecretStore(), ...deps });

/** A keychain that holds `secret` as the client secret for the emulator's public client. */
async function storeHoldingSecret(secret: string): Promise<MemorySecretStore> {
  const store = new MemorySecretStore();
  await store.set(
    'doctor-test',
    clientSecretAccount(emulator.issuer, PUBLIC_CLIENT_ID),
    JSON.stringify({ v: 1, data: secret }),
  );
  return store;
}

describe('runDoctor', () => {
  it('passes every check of a good public-client setup, and names what it found', async () => {
    const report = await diagnose();
    expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
      ['settings', true],
      ['discovery', true],
      ['endpoints', true],
      ['logout', true],
      ['port', true],
      ['keychain', true],
      ['secret', true],
    ]);
    expect(report.ok).toBe(true);
    expect(report.checks.every((c) => c.fix === undefined && c.warning === undefined)).toBe(true);
    expect(check(report, 'settings')?.detail).toBe('All settings are valid.');
    expect(check(report, 'discovery')?.detail).toBe(`Issuer ${emulator.issuer}.`);
    expect(check(report, 'endpoints')?.detail).toContain(`token_endpoint on ${emulator.domain}`);
    expect(check(report, 'endpoints')?.detail).toContain(`jwks_uri on ${new URL(emulator.issuer).origin}`);
    expect(check(report, 'logout')?.detail).toBe(`Sign-out opens ${emulator.domain}/logout.`);
    expect(check(report, 'port')).toMatchObject({
      label: `Redirect port ${port} is free`,
      detail: `The app can listen on 127.0.0.1:${port}.`,
    });
    expect(check(report, 'keychain')?.detail).toBe('Entries are kept under the service name "doctor-test".');
    expect(check(report, 'secret')?.detail).toMatch(
      /^No client secret stored: the app signs in as a public client/,
    );
    expect(report.callbackUrl).toBe(`http://127.0.0.1:${port}/callback`);
    expect(report.signOutUrl).toBe(`http://127.0.0.1:${port}/signed-out`);
  });

  it('says a client secret is stored, never what it is', async () => {
    const secretStore = await storeHoldingSecret('the-secret-value');
    const report = await diagnose({ secretStore });
    expect(check(report, 'secret')?.detail).toBe(
      'A client secret is stored in the keychain (sent as client_secret_basic).',
    );
    expect(JSON.stringify(report)).not.toContain('the-secret-value');
  });

  it('stops after the settings when they are wrong, still giving the URLs to register', async () => {
    const report = await diagnose({
      input: { ...input(), clientId: '', redirectUri: '' },
    });
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      {
        id: 'settings',
        label: 'Settings are complete and valid',
        ok: false,
        detail: 'Client ID is required: copy it from the app client.',
        fix: 'Correct the settings named above.',
      },
    ]);
    expect(report.callbackUrl).toBe('http://127.0.0.1:47621/callback');
    expect(report.signOutUrl).toBe('http://127.0.0.1:47621/signed-out');
  });

  it('explains an unreachable discovery document and goes on with the local checks', async () => {
    const report = await diagnose({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect(report.checks.map((c) => [c.id, c.ok])).toEqual([
      ['settings', true],
      ['discovery', false],
      ['port', true],
      ['keychain', true],
      ['secret', true],
    ]);
    expect(check(report, 'discovery')?.detail).toContain('Could not reach the provider');
  });

  it('names the endpoints a provider does not publish', async () => {
    const report = await diagnose({
      fetch: withoutEndpoints('jwks_uri', 'end_session_endpoint'),
    });
    expect(check(report, 'endpoints')).toMatchObject({
      ok: false,
      fix: 'The provider publishes no jwks_uri.',
    });
    expect(check(report, 'endpoints')?.detail).not.toContain('jwks_uri');
    expect(check(report, 'logout')).toMatchObject({
      ok: true,
      warning: true,
      detail:
        'None published: sign-out ends the app’s session, but not the provider’s (the next sign-in may not ask for a password).',
      fix: 'Ask the provider’s admin to enable RP-initiated logout (an end_session_endpoint in discovery).',
    });
    expect(report.ok).toBe(false);
  });

  it('passes a provider without an end-session endpoint, with a warning', async () => {
    const report = await diagnose({
      fetch: withoutEndpoints('end_session_endpoint'),
    });
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.warning).map((c) => c.id)).toEqual(['logout']);
  });

  it('phrases its advice for the provider at hand', async () => {
    const offline = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    const standard = await diagnose({
      fetch: offline,
    });
    expect(check(standard, 'discovery')?.fix).toBe(
      'Use the provider’s issuer URL: its discovery document is at <issuer>/.well-known/openid-configuration.',
    );
    const cognito = await diagnose({
      input: { ...input(), discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123' },
      fetch: offline,
    });
    expect(check(cognito, 'discovery')?.fix).toBe(
      'Use the user pool’s issuer: https://cognito-idp.<region>.amazonaws.com/<poolId> (no trailing slash).',
    );
  });

  it('chooses its advice by cause: the URL only when the URL may be wrong', async () => {
    const fixFor = async (fetch: () => Promise<Response>) => {
      const report = await diagnose({ fetch });
      return { detail: check(report, 'discovery')?.detail, fix: check(report, 'discovery')?.fix };
    };
    const trouble = await fixFor(() =>
      Promise.resolve(
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    expect(trouble).toEqual({
      detail: 'The provider is having trouble (HTTP 502). Try again in a few minutes.',
      fix: undefined,
    });
    const timedOut = await fixFor(() => Promise.reject(new DOMException('late', 'TimeoutError')));
    expect(timedOut.fix).toBeUndefined();
    const refused = await fixFor(() =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    );
    expect(refused.fix).toContain('its discovery document is at');
    const notDiscovery = await fixFor(() => Promise.resolve(new Response('nope', { status: 404 })));
    expect(notDiscovery.fix).toContain('its discovery document is at');
    const { AuthError } = await import('../../../main/core/errors.ts');
    const proxy = await fixFor(() =>
      Promise.reject(new AuthError('proxy_unreachable', 'The proxy is down.')),
    );
    expect(proxy).toEqual({ detail: 'The proxy is down.', fix: 'See the network check above.' });
  });

  it('reports a redirect port in use, with the fix', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const report = await diagnose();
      expect(check(report, 'port')).toMatchObject({
        ok: false,
        detail: expect.stringContaining(`Port ${port} on this computer is in use`) as string,
        fix: 'Close the program using the port, or pick another port in both Cognito and Settings.',
      });
    } finally {
      blocker.close();
    }
  });

  it('tells a locked keychain from a missing one', async () => {
    const missing = new MemorySecretStore();
    missing.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const none = await diagnose({ secretStore: missing });
    expect(check(none, 'keychain')).toMatchObject({
      ok: false,
      fix: 'Without a keychain, sign-in lasts only until the app quits.',
    });
    expect(check(none, 'secret')).toBeUndefined();
    const locked = new MemorySecretStore();
    locked.unavailable = new KeychainLockedError('The keychain collection is locked.');
    const report = await diagnose({ secretStore: locked });
    expect(check(report, 'keychain')).toMatchObject({
      ok: false,
      fix: 'Unlock the keychain: until then the app can neither read nor store your session or the client secret.',
    });
  });
});

describe('the report’s wording', () => {
  it('labels each check the same way every time', async () => {
    const report = await diagnose();
    expect(report.checks.map((c) => c.label)).toEqual([
      'Settings are complete and valid',
      'Discovery document is reachable and well-formed',
      'Endpoints needed for sign-in are published',
      'Provider sign-out page (end_session_endpoint)',
      `Redirect port ${port} is free`,
      'OS keychain is reachable and unlocked',
      'Client secret',
    ]);
    expect(check(report, 'endpoints')?.detail.split('; ')).toHaveLength(6);
  });

  it('names every missing endpoint, and the failing discovery check has the same label', async () => {
    const report = await diagnose({
      fetch: withoutEndpoints('token_endpoint', 'jwks_uri'),
    });
    expect(check(report, 'endpoints')?.fix).toBe('The provider publishes no token_endpoint, jwks_uri.');
    const offline = await diagnose({
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    expect(check(offline, 'discovery')?.label).toBe('Discovery document is reachable and well-formed');
  });

  it('takes only a Cognito user pool’s own host for Cognito', async () => {
    const offline = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }));
    for (const host of [
      'xcognito-idp.eu-west-1.amazonaws.com',
      'cognito-idp.eu-west-1.amazonaws.com.example',
    ]) {
      const report = await diagnose({
        input: { ...input(), discoveryUrl: `https://${host}/pool` },
        fetch: offline,
      });
      expect(check(report, 'discovery')?.fix).toMatch(/^Use the provider’s issuer URL/);
    }
  });

  it('counts an empty stored secret as none', async () => {
    const secretStore = await storeHoldingSecret('');
    const report = await diagnose({ secretStore });
    expect(check(report, 'secret')?.detail).toMatch(/^No client secret stored/);
  });
});

describe('the network check', () => {
  const routes: string[] = [];
  const network = (fetch: typeof globalThis.fetch) => () => ({
    fetch: (url: string, init?: RequestInit) => fetch(url, init),
    routeOf: (url: URL) => {
      routes.push(url.origin);
      return Promise.resolve(`through http://proxy:3128 (from HTTPS_PROXY)`);
    },
  });

  it('says how each of the provider’s origins is reached, second after the settings', async () => {
    routes.length = 0;
    const report = await diagnose({ networkFor: network(fetch) });
    expect(report.checks.map((c) => c.id).slice(0, 3)).toEqual(['settings', 'network', 'discovery']);
    const issuerOrigin = new URL(emulator.issuer).origin;
    expect(check(report, 'network')).toEqual({
      id: 'network',
      label: 'Network route to the provider (proxy and TLS)',
      ok: true,
      detail: `${issuerOrigin} through http://proxy:3128 (from HTTPS_PROXY); ${emulator.domain} through http://proxy:3128 (from HTTPS_PROXY).`,
    });
    expect(routes).toEqual([issuerOrigin, emulator.domain]);
  });

  it('fails on a proxy or certificate problem with its advice, and not on a provider that is down', async () => {
    const { untrustedCertificate } = await import('../../../main/core/network/network-errors.ts');
    const refused = untrustedCertificate('idp:443', 'untrusted', 'Corp Root', null);
    const report = await diagnose({ networkFor: network(() => Promise.reject(refused)) });
    expect(check(report, 'network')).toMatchObject({ ok: false, fix: refused.message });
    expect(check(report, 'discovery')?.ok).toBe(false);
    const down = await diagnose({
      networkFor: network(() => Promise.reject(new TypeError('fetch failed'))),
    });
    expect(check(down, 'network')?.ok).toBe(true);
    expect(check(down, 'network')?.detail).not.toContain('TLS');
  });
});

describe('the organisation’s policy', () => {
  it('says what it manages, warns of what it ignores without failing the report, and is silent without one', async () => {
    const managed = await diagnose({
      input: { discoveryUrl: 'http://127.0.0.1:1', clientId: 'x' },
      policy: parsePolicy('/etc/p.json', { clientId: 'x', profiles: { prod: { scopes: 'openid' } } }),
    });
    expect(check(managed, 'policy')).toMatchObject({
      ok: true,
      detail: '2 settings are managed by your organization (/etc/p.json).',
    });
    expect(check(managed, 'policy')).not.toHaveProperty('warning');
    const broken = await diagnose({
      input: { discoveryUrl: 'http://127.0.0.1:1', clientId: 'x' },
      policy: parsePolicy('/etc/p.json', { proxy: 'ftp://x', profiles: { prod: { scopes: 'email' } } }),
    });
    expect(check(broken, 'policy')).toMatchObject({ ok: true, warning: true });
    expect(check(broken, 'policy')?.detail).toMatch(
      /^The policy value of proxy is ignored: .* \[prod\] The policy value of scopes/,
    );
    expect(check(broken, 'policy')?.fix).toContain('/etc/p.json');
    expect(
      check(
        await diagnose({
          input: { discoveryUrl: 'http://127.0.0.1:1', clientId: 'x' },
          policy: parsePolicy('x', undefined),
        }),
        'policy',
      ),
    ).toBeUndefined();
  });
});
