/**
 * The auth core against real parts: the Cognito emulator (oidc-provider), the OS keychain through
 * keytar, and Chromium as the system browser.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import keytar from 'keytar';
import type { Browser as Chromium } from 'playwright-core';
import type { AuthService, SessionChange } from '../../main/core/session/auth-service.ts';
import type { Fetch } from '../../main/core/network/network.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { AuthError } from '../../main/core/errors.ts';
import type { VaultLayout } from '../../main/core/session/token-vault.ts';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { useRealParts } from '../support/real-parts.ts';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  PUBLIC_CLIENT_ID,
  defaultClients,
} from '../idp/directory.ts';
import { PlaywrightBrowser } from '../support/playwright-browser.ts';
import { rawRequest } from '../support/http.ts';
import { readStoredSession } from '../support/stored-session.ts';
import { keychainAccounts } from '../support/keychain-inspect.ts';
import { buildAuthService } from '../support/auth-service-harness.ts';

const PORT = 47611;
const REDIRECT_URI = `http://127.0.0.1:${PORT}/callback`;
const LOGOUT_URI = `http://127.0.0.1:${PORT}/signed-out`;
const SERVICE = `cognito-desktop-test-${process.pid}`;
const ALICE = { username: 'alice', password: 'Passw0rd!alice' };

let emulator: CognitoEmulator;
let chromium: Chromium;
let browser: PlaywrightBrowser;
let configDir: string;

const parts = useRealParts({ redirectUri: REDIRECT_URI, logoutUri: LOGOUT_URI, keychainService: SERVICE });
beforeAll(() => {
  emulator = parts.emulator;
  chromium = parts.chromium;
});

beforeEach(async () => {
  await browser?.reset();
  browser = new PlaywrightBrowser(chromium);
  browser.next = { kind: 'sign-in', credentials: ALICE };
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-config-'));
});

function newService(
  options: {
    clientId?: string;
    clock?: { now(): number };
    issuer?: string;
    keychainLayout?: VaultLayout;
    fetch?: Fetch;
  } = {},
): AuthService {
  return buildAuthService(
    { issuer: options.issuer ?? emulator.issuer, redirectUri: REDIRECT_URI, keychainService: SERVICE },
    {
      clientId: options.clientId ?? CONFIDENTIAL_CLIENT_ID,
      secretStore: new KeytarSecretStore(),
      browser,
      configDir,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.keychainLayout ? { keychainLayout: options.keychainLayout } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  );
}

async function signedInService(options: Parameters<typeof newService>[0] = {}): Promise<AuthService> {
  const service = newService(options);
  if ((options.clientId ?? CONFIDENTIAL_CLIENT_ID) === CONFIDENTIAL_CLIENT_ID)
    await service.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
  await service.signIn({ timeoutMs: 30_000 });
  await browser.idle();
  return service;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('sign-in', () => {
  it('signs in a confidential client through the browser; tokens only in the keychain', async () => {
    const service = await signedInService();
    const profile = service.profile()!;
    expect(profile).toMatchObject({
      username: 'alice@example.com',
      groups: ['admins'],
      email: 'alice@example.com',
      persisted: true,
    });
    expect(browser.opened[0]!.finalTitle).toContain('Signed in');
    const accounts = await keychainAccounts(SERVICE);
    expect(accounts.some((a) => a.startsWith(`session:${CONFIDENTIAL_CLIENT_ID}@`))).toBe(true);
    expect(accounts.some((a) => a.startsWith(`client-secret:${CONFIDENTIAL_CLIENT_ID}@`))).toBe(true);
    const token = await service.getAccessToken();
    for (const file of filesUnder(configDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(token.slice(-40));
      expect(text).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    }
  });

  it('signs in a public client without a secret', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    expect(service.profile()!.subject).toBe(emulator.users[0]!.sub);
    expect(await service.hasClientSecret()).toBe(false);
  });

  it('restores the session in a new instance with no network request, even with the provider down', async () => {
    await signedInService();
    await emulator.pause();
    try {
      // Counted where the core sends them: a paused emulator would record none either way.
      const attempted: string[] = [];
      const restored = newService({
        fetch: (url, init) => {
          attempted.push(url);
          return fetch(url, init);
        },
      });
      const profile = await restored.restore();
      expect(profile?.username).toBe('alice@example.com');
      expect(await restored.getAccessToken()).toMatch(/^ey/);
      expect(attempted).toEqual([]);
      // The control: the same service does send requests when asked for something that needs one.
      await restored.directory.metadata({ refresh: true }).catch(() => undefined);
      expect(attempted.length).toBeGreaterThan(0);
    } finally {
      await emulator.resume();
    }
  });

  it('opens the browser with no network request when discovery is cached', async () => {
    const warm = newService({ clientId: PUBLIC_CLIENT_ID });
    await warm.directory.metadata();
    const service = newService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'ignore' };
    const before = emulator.requests.length;
    let requestsAtOpen = -1;
    const attempt = service.signIn({
      timeoutMs: 2000,
      onStarted: () => (requestsAtOpen = emulator.requests.length),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'timeout' });
    expect(requestsAtOpen).toBe(before);
  });

  it('reports Cancel at the provider as cancelled', async () => {
    const service = newService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'cancel' };
    const error = await service.signIn({ timeoutMs: 30_000 }).catch((e: unknown) => e);
    await browser.idle();
    expect(error).toMatchObject({ code: 'cancelled', providerError: 'access_denied' });
    expect(browser.opened[0]!.finalTitle).toContain('did not complete');
    expect(service.profile()).toBeUndefined();
  });

  it('times out when the browser never comes back, and frees the port', async () => {
    const service = newService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'ignore' };
    await expect(service.signIn({ timeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
    await expect(rawRequest(PORT, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cancels a waiting sign-in', async () => {
    const service = newService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'ignore' };
    const attempt = service.signIn({
      timeoutMs: 30_000,
      onStarted: () => setTimeout(() => service.cancelSignIn(), 50),
    });
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    expect(service.currentAttempt()).toBeUndefined();
  });

  it('fails at once with port_in_use when the redirect port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(PORT, '127.0.0.1', r));
    try {
      const started = performance.now();
      const error = await newService({ clientId: PUBLIC_CLIENT_ID })
        .signIn({ timeoutMs: 30_000 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'port_in_use' });
      expect((error as AuthError).message).toContain(String(PORT));
      expect(performance.now() - started).toBeLessThan(5000);
      expect(browser.opened).toHaveLength(0);
    } finally {
      blocker.close();
    }
  });

  it('ignores forged callbacks; the real one still succeeds', async () => {
    const service = newService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'ignore' };
    const attempt = service.signIn({ timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 200));
    const url = service.currentAttempt()!.url;
    const forged = [
      await rawRequest(PORT, '/callback?code=forged&state=wrong'),
      await rawRequest(PORT, '/callback?code=forged'),
      await rawRequest(PORT, `/callback?code=forged&state=${new URL(url).searchParams.get('state')}`, {
        host: 'attacker.example',
      }),
      await rawRequest(PORT, '/elsewhere?code=forged'),
      await rawRequest(PORT, '/callback?code=forged&state=x', { method: 'POST' }),
    ];
    expect(forged.map((r) => r.status)).toEqual([400, 400, 400, 404, 405]);
    browser.next = { kind: 'sign-in', credentials: ALICE };
    await browser.open(url);
    const profile = await attempt;
    expect(profile.username).toBe('alice@example.com');
  });

  it('stores tokens over 2,560 bytes in entries under the Windows limit (chunked layout) and reads them back', async () => {
    browser.next = { kind: 'sign-in', credentials: { username: 'many.groups', password: 'Passw0rd!many' } };
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID, keychainLayout: 'chunked' });
    const token = await service.getAccessToken();
    const idToken = await service.getIdToken();
    expect(Buffer.byteLength(token) + Buffer.byteLength(idToken)).toBeGreaterThan(2560);
    const entries = await keytar.findCredentials(SERVICE);
    expect(entries.length).toBeGreaterThan(2);
    for (const entry of entries) expect(Buffer.byteLength(entry.password)).toBeLessThanOrEqual(2000);
    // Either layout reads the other's entries: a session stored in chunks loads in one entry's layout.
    const restored = newService({ clientId: PUBLIC_CLIENT_ID, keychainLayout: 'single-entry' });
    expect((await restored.restore())!.groups).toHaveLength(60);
    expect(await restored.getAccessToken()).toBe(token);
  });

  it('stores the session in one keychain entry where the keychain has no size limit', async () => {
    browser.next = { kind: 'sign-in', credentials: { username: 'many.groups', password: 'Passw0rd!many' } };
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID, keychainLayout: 'single-entry' });
    const token = await service.getAccessToken();
    expect(await keychainAccounts(SERVICE)).toEqual([`session:${PUBLIC_CLIENT_ID}@${emulator.issuer}`]);
    expect(await newService({ clientId: PUBLIC_CLIENT_ID }).getAccessToken()).toBe(token);
  });
});

describe('refresh', () => {
  const expiredClock = { now: () => Date.now() + 59.5 * 60_000 };

  it('refreshes an expired access token and keeps the refresh token (rotation off)', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    const first = await service.getAccessToken();
    const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
    const events: SessionChange[] = [];
    later.on('session-changed', (e) => events.push(e));
    const refreshed = await later.getAccessToken();
    expect(refreshed).not.toBe(first);
    expect(events.map((e) => e.type)).toEqual(['refreshed']);
    const stored = newService({ clientId: PUBLIC_CLIENT_ID });
    expect(await stored.getAccessToken()).toBe(refreshed);
    expect(emulator.countRequests('/oauth2/token', 'refresh_token')).toBeGreaterThan(0);
  });

  it.each(['grace', 'reuse-detection'] as const)(
    'with %s rotation, stores the new refresh token before using it',
    async (mode) => {
      emulator.refreshTokenRotation = mode;
      await signedInService({ clientId: PUBLIC_CLIENT_ID });
      const signedIn = await readStoredSession(SERVICE, emulator.issuer, PUBLIC_CLIENT_ID);
      const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
      await later.getAccessToken();
      const rotated = await readStoredSession(SERVICE, emulator.issuer, PUBLIC_CLIENT_ID);
      expect(rotated.refreshToken).not.toBe(signedIn.refreshToken);
      // The old refresh token is dead: a third instance, whose clock makes even the refreshed
      // access token look expired, can refresh only with the rotated one from the keychain.
      const evenLater = { now: () => Date.now() + 2 * 3600_000 };
      const before = emulator.countRequests('/oauth2/token', 'refresh_token');
      const third = newService({ clientId: PUBLIC_CLIENT_ID, clock: evenLater });
      await expect(third.getAccessToken()).resolves.toMatch(/^ey/);
      expect(emulator.countRequests('/oauth2/token', 'refresh_token') - before).toBe(1);
    },
  );

  it('makes exactly one refresh request for 100 concurrent callers', async () => {
    await signedInService({ clientId: PUBLIC_CLIENT_ID });
    const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
    await later.restore();
    emulator.faults.tokenDelayMs = 100;
    const before = emulator.countRequests('/oauth2/token', 'refresh_token');
    const tokens = await Promise.all(Array.from({ length: 100 }, () => later.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(emulator.countRequests('/oauth2/token', 'refresh_token') - before).toBe(1);
  });

  it('signs out cleanly on invalid_grant after the refresh token was revoked', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    const { refreshToken } = await readStoredSession(SERVICE, emulator.issuer, PUBLIC_CLIENT_ID);
    const config = await oidc.discovery(new URL(emulator.issuer), PUBLIC_CLIENT_ID, undefined, oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
    await oidc.tokenRevocation(config, refreshToken!);
    const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
    const events: SessionChange[] = [];
    later.on('session-changed', (e) => events.push(e));
    await expect(later.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(events).toEqual([{ type: 'signed-out', reason: 'revoked' }]);
    expect(await keytar.findCredentials(SERVICE)).toHaveLength(0);
    expect(service.profile()).toBeDefined();
  });

  it('stays signed in through provider errors and outages', async () => {
    await signedInService({ clientId: PUBLIC_CLIENT_ID });
    const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
    emulator.faults.tokenStatus = 503;
    await expect(later.getAccessToken()).rejects.toMatchObject({ code: 'network' });
    emulator.faults.tokenStatus = undefined;
    await emulator.pause();
    try {
      await expect(later.getAccessToken()).rejects.toMatchObject({ code: 'network' });
      expect(later.profile()).toBeDefined();
    } finally {
      await emulator.resume();
    }
    await expect(later.getAccessToken()).resolves.toMatch(/^ey/);
  });

  it('verifies ID tokens signed with a rotated key (JWKS fetched again)', async () => {
    await signedInService({ clientId: PUBLIC_CLIENT_ID });
    await emulator.rotateSigningKey();
    const later = newService({ clientId: PUBLIC_CLIENT_ID, clock: expiredClock });
    const before = emulator.countRequests(`/${emulator.poolId}/.well-known/jwks.json`);
    await expect(later.getAccessToken()).resolves.toMatch(/^ey/);
    expect(emulator.countRequests(`/${emulator.poolId}/.well-known/jwks.json`)).toBeGreaterThan(before);
  });
});

describe('refresh with a short access-token lifetime', () => {
  let shortLived: CognitoEmulator;
  beforeAll(async () => {
    shortLived = await startCognitoEmulator({
      clients: defaultClients(REDIRECT_URI, LOGOUT_URI),
      lifetimes: { accessToken: 2 },
    });
  });
  afterAll(() => shortLived.stop());

  it('refreshes once the access token has really expired, and the new one works', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID, issuer: shortLived.issuer });
    const expiresAt = service.profile()!.expiresAt;
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now()) + 500));
    const token = await service.getAccessToken();
    expect(shortLived.countRequests('/oauth2/token', 'refresh_token')).toBe(1);
    expect(service.profile()!.expiresAt).toBeGreaterThan(Date.now());
    expect(service.profile()!.refreshedAt).toBeDefined();
    await expect(service.fetchUserInfo()).resolves.toMatchObject({ username: 'alice' });
    expect(token).toMatch(/^ey/);
  });
});

describe('sign-out', () => {
  it('revokes, clears the keychain, opens the logout URL; the next sign-in asks for the password', async () => {
    const service = await signedInService();
    const events: SessionChange[] = [];
    service.on('session-changed', (e) => events.push(e));
    const revokesBefore = emulator.countRequests('/oauth2/revoke');
    browser.next = { kind: 'visit' };
    const result = await service.signOut({ signedOutPageTimeoutMs: 20_000 });
    await browser.idle();
    expect(result).toMatchObject({ revoked: true, browserOpened: true, signedOutPageServed: true });
    expect(emulator.countRequests('/oauth2/revoke')).toBe(revokesBefore + 1);
    const logout = new URL(browser.opened.at(-1)!.url);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${emulator.domain}/logout`);
    expect(logout.searchParams.get('client_id')).toBe(CONFIDENTIAL_CLIENT_ID);
    expect(logout.searchParams.get('logout_uri')).toBe(LOGOUT_URI);
    expect(browser.opened.at(-1)!.finalTitle).toContain('Signed out');
    expect(events).toEqual([{ type: 'signed-out', reason: 'user' }]);
    expect(service.profile()).toBeUndefined();
    expect((await keychainAccounts(SERVICE)).filter((a) => a.startsWith('session:'))).toEqual([]);
    expect(await service.hasClientSecret()).toBe(true);
    browser.next = { kind: 'sign-in', credentials: ALICE };
    await service.signIn({ timeoutMs: 30_000 });
    await browser.idle();
    expect(browser.opened.at(-1)!.sawPasswordForm).toBe(true);
  });

  it('without sign-out the provider session lets the next sign-in through without a password', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'visit' };
    await service.signIn({ timeoutMs: 30_000 });
    await browser.idle();
    expect(browser.opened.at(-1)!.sawPasswordForm).toBe(false);
  });

  it('a sign-in right after a sign-out takes over the port the signed-out page was served on', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'ignore' };
    const signingOut = service.signOut({ signedOutPageTimeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 300));
    browser.next = { kind: 'sign-in', credentials: ALICE };
    const started = performance.now();
    await expect(service.signIn({ timeoutMs: 30_000 })).resolves.toMatchObject({
      username: 'alice@example.com',
    });
    await expect(signingOut).resolves.toMatchObject({ signedOutPageServed: false });
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('signs out offline: local state cleared, provider steps skipped and said so', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    await emulator.pause();
    try {
      const result = await service.signOut({ openBrowser: false });
      expect(result.revoked).toBe(false);
      expect(result.notes.join(' ')).toMatch(/could not be revoked/);
      expect(service.profile()).toBeUndefined();
      expect(await keytar.findCredentials(SERVICE)).toHaveLength(0);
    } finally {
      await emulator.resume();
    }
  });

  it('signs in as someone else: sign-out, then a fresh sign-in with the password form', async () => {
    const service = await signedInService({ clientId: PUBLIC_CLIENT_ID });
    browser.next = { kind: 'visit' };
    const switching = service.signInAsSomeoneElse({ timeoutMs: 30_000 });
    // The logout page is visited; the sign-in that follows is done as bob.
    service.once('sign-in-started', () => {
      browser.next = { kind: 'sign-in', credentials: { username: 'bob', password: 'Passw0rd!bob' } };
    });
    const profile = await switching;
    await browser.idle();
    expect(profile.username).toBe('bob@example.com');
    expect(browser.opened.at(-1)!.sawPasswordForm).toBe(true);
  });
});

describe('secrets', () => {
  it('keys the client secret by client id: another client never gets it', async () => {
    const confidential = newService();
    await confidential.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    expect(await newService({ clientId: PUBLIC_CLIENT_ID }).hasClientSecret()).toBe(false);
    expect(await newService().hasClientSecret()).toBe(true);
  });

  it('rejects a wrong client secret with a message about the secret', async () => {
    const service = newService();
    await service.setClientSecret('wrong-secret');
    const error = await service.signIn({ timeoutMs: 30_000 }).catch((e: unknown) => e);
    await browser.idle();
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'provider_rejected', providerError: 'invalid_client' });
    expect((error as Error).message).not.toContain('wrong-secret');
  });
});
