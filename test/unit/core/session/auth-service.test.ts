/**
 * The auth service's decisions, fast: the Cognito emulator in this process (a real OpenID
 * provider), an in-memory keychain and a browser that signs in with form posts. What it must do
 * with each answer — store, refresh once, adopt, sign out, keep the session — is judged here; the
 * integration tests repeat the main paths with the OS keychain, Chromium and several processes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthService, type SessionChange } from '../../../../main/core/session/auth-service.ts';
import { validateSettings } from '../../../../main/core/settings/settings.ts';
import { sessionAccount } from '../../../../main/core/session/token-vault.ts';
import {
  KeychainLockedError,
  type Browser,
  type Clock,
  type Logger,
  type SessionLock,
  type SessionSignal,
} from '../../../../main/core/ports.ts';
import { startCognitoEmulator, type CognitoEmulator } from '../../../idp/emulator.ts';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  PUBLIC_CLIENT_ID,
  defaultClients,
} from '../../../idp/directory.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';
import { FormPostBrowser, followLaunch } from '../../../support/form-post-browser.ts';
import { freePort } from '../../../support/http.ts';
import { withDiscoveryExtras, withoutEndpoints } from '../../../support/discovery.ts';

const SERVICE = 'cognito-desktop-unit';
let emulator: CognitoEmulator;
let redirectUri: string;
let logoutUri: string;
let store: MemorySecretStore;
let browser: FormPostBrowser;
const services: AuthService[] = [];

beforeAll(async () => {
  const port = await freePort();
  redirectUri = `http://127.0.0.1:${port}/callback`;
  logoutUri = `http://127.0.0.1:${port}/signed-out`;
  emulator = await startCognitoEmulator({ clients: defaultClients(redirectUri, logoutUri) });
});
afterAll(() => emulator.stop());

beforeEach(() => {
  store = new MemorySecretStore();
  browser = new FormPostBrowser(emulator.domain, redirectUri);
  emulator.resetFaults();
});
afterEach(() => {
  for (const service of services.splice(0)) service.dispose();
});

/** A clock that can be moved forward: the access token expires without waiting an hour. */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
}

function newService(
  options: {
    clientId?: string;
    clock?: Clock;
    browser?: Browser;
    fetch?: typeof fetch;
    scopes?: string;
    logger?: Logger;
    signal?: SessionSignal;
    lock?: SessionLock;
  } = {},
): AuthService {
  const service = new AuthService({
    settings: validateSettings({
      discoveryUrl: emulator.issuer,
      clientId: options.clientId ?? PUBLIC_CLIENT_ID,
      redirectUri,
      logoutUri,
      keychainService: SERVICE,
      ...(options.scopes ? { scopes: options.scopes } : {}),
    }),
    secretStore: store,
    browser: options.browser ?? browser,
    configDir: mkdtempSync(join(tmpdir(), 'cognito-desktop-auth-unit-')),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.lock ? { lock: options.lock } : {}),
  });
  services.push(service);
  return service;
}

function changes(service: AuthService): SessionChange[] {
  const seen: SessionChange[] = [];
  service.on('session-changed', (change) => seen.push(change));
  return seen;
}

async function signedIn(options: Parameters<typeof newService>[0] = {}): Promise<AuthService> {
  const service = newService(options);
  await service.signIn({ timeoutMs: 10_000 });
  await browser.settle();
  return service;
}

const storedSession = (clientId = PUBLIC_CLIENT_ID): string | undefined =>
  store.entries.get(`${SERVICE}\u0000${sessionAccount(emulator.issuer, clientId)}`);

const EXPIRED = 59.5 * 60_000;
const DISCOVERY_PATH = (): string => `/${emulator.poolId}/.well-known/openid-configuration`;
const ACCOUNT = (): string => `${SERVICE}\u0000${sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID)}`;

/** A logger that keeps what it is told. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

describe('sign-in', () => {
  it('takes the cross-process lock only after the token request has gone out, not in its way', async () => {
    const order: string[] = [];
    const lock: SessionLock = {
      run: (_name, task) => {
        order.push('lock');
        return task();
      },
    };
    const watched: typeof fetch = (url, init) => {
      if (new Request(url).url.endsWith('/oauth2/token')) order.push('token request');
      return fetch(url, init);
    };
    await signedIn({ lock, fetch: watched });
    expect(order).toEqual(['token request', 'lock']);
    expect(storedSession()).toBeDefined();
  });

  it('asks for a code with PKCE S256, state, nonce and the scopes; stores the session; says so in order', async () => {
    const service = newService({ scopes: 'openid email' });
    const events: string[] = [];
    service.on('sign-in-started', () => events.push('started'));
    service.on('session-changed', (c) => events.push(c.type));
    service.on('sign-in-ended', () => events.push('ended'));
    let attemptUrl = '';
    const profile = await service.signIn({
      timeoutMs: 10_000,
      onStarted: (attempt) => {
        attemptUrl = attempt.url;
        expect(service.currentAttempt()?.url).toBe(attempt.url);
        expect(attempt.expiresAt - attempt.startedAt).toBe(10_000);
      },
    });
    await browser.settle();
    const url = new URL(attemptUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: PUBLIC_CLIENT_ID,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    for (const param of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(param)?.length).toBeGreaterThanOrEqual(22);
    expect(url.searchParams.get('state')).not.toBe(url.searchParams.get('nonce'));
    expect(events).toEqual(['started', 'signed-in', 'ended']);
    expect(browser.resultStatus).toBe(200);
    expect(profile).toMatchObject({ username: 'alice@example.com', persisted: true });
    expect(service.profile()).toEqual(profile);
    expect(service.currentAttempt()).toBeUndefined();
    const stored = storedSession();
    expect(stored).toContain('"refreshToken"');
    expect(await service.getAccessToken()).toMatch(/^eyJ/);
    expect(stored).toContain(await service.getAccessToken());
  });

  it('uses the stored client secret for a confidential client', async () => {
    const setup = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await setup.setClientSecret(` ${CONFIDENTIAL_CLIENT_SECRET} `);
    const service = await signedIn({ clientId: CONFIDENTIAL_CLIENT_ID });
    expect(await service.hasClientSecret()).toBe(true);
    expect(service.profile()?.username).toBe('alice@example.com');
  });

  it('refuses a confidential client without its secret, with the provider’s reason', async () => {
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({
      code: 'provider_rejected',
      providerError: 'invalid_client',
    });
    await browser.settle();
    expect(browser.resultStatus).toBe(400);
    expect(service.profile()).toBeUndefined();
    expect(storedSession(CONFIDENTIAL_CLIENT_ID)).toBeUndefined();
    // A refusal with a reason is an answer, not a sign the provider moved: discovery is not fetched again.
    const discoveries = emulator.countRequests(DISCOVERY_PATH());
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'provider_rejected' });
    await browser.settle();
    expect(emulator.countRequests(DISCOVERY_PATH())).toBe(discoveries);
  });

  it('keeps a secret set for this process out of the keychain; an empty one means a public client', async () => {
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    service.useClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    expect(await service.hasClientSecret()).toBe(true);
    expect([...store.entries.values()].join()).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    service.useClientSecret('  ');
    expect(await service.hasClientSecret()).toBe(false);
    await service.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(true);
    await service.setClientSecret('');
    expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(false);
    expect(store.entries.size).toBe(0);
    await service.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    await service.setClientSecret(undefined);
    expect(store.entries.size).toBe(0);
    expect(await service.hasClientSecret()).toBe(false);
  });

  it('takes an empty or malformed stored secret for none: a public client', async () => {
    const setup = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await setup.setClientSecret('placeholder');
    const [account] = [...store.entries.keys()];
    const entry = JSON.parse(store.entries.get(account!)!) as { data: unknown };
    for (const data of ['', 42, { secret: 'x' }]) {
      store.entries.set(account!, JSON.stringify({ ...entry, data }));
      expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(false);
    }
  });

  it('ends a waiting sign-in on cancel and on time-out, storing nothing', async () => {
    const idle: Browser = { open: () => Promise.resolve() };
    const service = newService({ browser: idle });
    const waiting = service.signIn({ timeoutMs: 10_000 });
    await new Promise((r) => service.once('sign-in-started', r));
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await expect(service.signIn({ timeoutMs: 50 })).rejects.toMatchObject({ code: 'timeout' });
    expect(store.entries.size).toBe(0);
    await expect(service.reopenBrowser()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('opens the same URL again on request, and offers it without a browser', async () => {
    const opened: string[] = [];
    const service = newService({ browser: { open: (url) => Promise.resolve(void opened.push(url)) } });
    const waiting = service.signIn({ timeoutMs: 10_000, openBrowser: false });
    await new Promise((r) => service.once('sign-in-started', r));
    expect(opened).toEqual([]);
    await service.reopenBrowser();
    // The browser is started with a one-time loopback address that leads to the sign-in URL.
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(new RegExp(`^${new URL(redirectUri).origin}/launch/[\\w-]{32}$`));
    expect(await followLaunch(opened[0]!)).toBe(service.currentAttempt()!.url);
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('still offers the URL when the browser cannot be opened', async () => {
    const broken: Browser = { open: () => Promise.reject(new Error('no browser')) };
    const service = newService({ browser: broken });
    const waiting = service.signIn({ timeoutMs: 10_000 });
    const attempt = await new Promise((r) => service.once('sign-in-started', r));
    expect(attempt).toMatchObject({ url: expect.stringContaining('/oauth2/authorize?') as string });
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('a new sign-in cancels the one waiting', async () => {
    const idle: Browser = { open: () => Promise.resolve() };
    const service = newService({ browser: idle });
    const first = service.signIn({ timeoutMs: 10_000 });
    await new Promise((r) => service.once('sign-in-started', r));
    const secondStarted = new Promise((r) => service.once('sign-in-started', r));
    const second = service.signIn({ timeoutMs: 10_000 });
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    const started = await secondStarted;
    // The first attempt's end leaves the second's in place.
    await new Promise((r) => setTimeout(r, 20));
    expect(service.currentAttempt()).toBe(started);
    service.cancelSignIn();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('the session', () => {
  it('is restored by a new instance with no request; signed out when nothing is stored', async () => {
    await signedIn();
    const before = emulator.requests.length;
    const restored = newService();
    expect(await restored.restore()).toMatchObject({ username: 'alice@example.com' });
    expect(await restored.getIdToken()).toMatch(/^eyJ/);
    expect(emulator.requests.length).toBe(before);
    // A valid token is served from memory: no keychain call, no lock.
    const calls = store.calls;
    await restored.getAccessToken();
    expect(store.calls).toBe(calls);
    store.entries.clear();
    const empty = newService();
    expect(await empty.restore()).toBeUndefined();
    await expect(empty.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('refreshes an expiring token once for many callers, keeps the refresh token, and says so', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    const first = await service.getAccessToken();
    const seen = changes(service);
    clock.advance(EXPIRED);
    const before = emulator.countRequests('/oauth2/token', 'refresh_token');
    const tokens = await Promise.all(Array.from({ length: 10 }, () => service.getAccessToken()));
    expect(emulator.countRequests('/oauth2/token', 'refresh_token') - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(seen.map((c) => c.type)).toEqual(['refreshed']);
    expect(service.profile()?.refreshedAt).toBeGreaterThan(0);
    expect(storedSession()).toContain(tokens[0]);
    // Cognito sends no new refresh token (rotation off): the old one is kept and still works.
    clock.advance(EXPIRED);
    expect(await service.getAccessToken()).not.toBe(tokens[0]);
  });

  it('stores a rotated refresh token before using it', async () => {
    emulator.refreshTokenRotation = 'reuse-detection';
    const clock = movableClock();
    const service = await signedIn({ clock });
    const firstRefresh = JSON.parse(storedSession()!) as { data: { refreshToken: string } };
    clock.advance(EXPIRED);
    await service.getAccessToken();
    const rotated = JSON.parse(storedSession()!) as { data: { refreshToken: string } };
    expect(rotated.data.refreshToken).not.toBe(firstRefresh.data.refreshToken);
    // A new instance reading the keychain refreshes with the rotated token: the family lives on.
    const other = newService({ clock });
    clock.advance(EXPIRED);
    await expect(other.getAccessToken()).resolves.toMatch(/^eyJ/);
  });

  it('takes over a session another instance refreshed, with no request', async () => {
    const clock = movableClock();
    const first = await signedIn({ clock });
    const second = newService({ clock });
    await second.restore();
    clock.advance(EXPIRED);
    const token = await first.getAccessToken();
    const seen = changes(second);
    const before = emulator.requests.length;
    expect(await second.getAccessToken()).toBe(token);
    expect(emulator.requests.length).toBe(before);
    expect(seen.map((c) => c.type)).toEqual(['synced']);
  });

  it('signs out on invalid_grant, deleting only the refused session', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    const seen = changes(service);
    emulator.faults.tokenInvalidGrant = true;
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toMatchObject({
      code: 'not_signed_in',
      message: 'Your sign-in has expired or was revoked. Sign in again.',
      cause: expect.objectContaining({ error: 'invalid_grant' }) as unknown,
    });
    expect(seen).toEqual([{ type: 'signed-out', reason: 'revoked' }]);
    expect(storedSession()).toBeUndefined();
    expect(service.profile()).toBeUndefined();
  });

  it('keeps the session through a provider outage and an error page', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    clock.advance(EXPIRED);
    emulator.faults.tokenStatus = 503;
    await expect(service.getAccessToken()).rejects.toMatchObject({ code: 'network' });
    expect(storedSession()).toBeDefined();
    emulator.faults.tokenStatus = undefined;
    await expect(service.getAccessToken()).resolves.toMatch(/^eyJ/);
  });

  it('refuses a refreshed ID token for another user and keeps the session', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    clock.advance(EXPIRED);
    emulator.faults.idTokenForgery = 'other-subject';
    await expect(service.getAccessToken()).rejects.toMatchObject({
      code: 'provider_rejected',
      providerError: 'invalid_id_token',
      message: expect.stringContaining('is not for this sign-in (its "sub" differs)') as string,
    });
    expect(service.profile()?.username).toBe('alice@example.com');
    expect(storedSession()).toBeDefined();
  });

  it('ends a session that cannot be refreshed (no refresh token) as expired', async () => {
    const clock = movableClock();
    await signedIn({ clock });
    const entry = JSON.parse(storedSession()!) as { v: number; data: Record<string, unknown> };
    delete entry.data.refreshToken;
    store.entries.set(
      `${SERVICE}\u0000${sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID)}`,
      JSON.stringify(entry),
    );
    const service = newService({ clock });
    await service.restore();
    const seen = changes(service);
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toThrow('Your session has expired. Sign in again.');
    expect(seen).toEqual([{ type: 'signed-out', reason: 'expired' }]);
    expect(storedSession()).toBeUndefined();
  });

  it('calls userinfo with the access token', async () => {
    const service = await signedIn();
    expect(await service.fetchUserInfo()).toMatchObject({ email: 'alice@example.com' });
  });
});

describe('sign-out', () => {
  it('deletes the session, revokes its refresh token and builds the logout URL', async () => {
    const service = await signedIn();
    const seen = changes(service);
    const result = await service.signOut({ openBrowser: false });
    expect(result).toMatchObject({
      revoked: true,
      browserOpened: false,
      signedOutPageServed: false,
      notes: [],
    });
    const logout = new URL(result.logoutUrl!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${emulator.domain}/logout`);
    // Cognito's client_id + logout_uri, the standard post_logout_redirect_uri, a state; never
    // Cognito's redirect_uri + response_type (that form signs the user in again), and no token in
    // a URL that is shown or printed.
    expect(Object.fromEntries(logout.searchParams)).toEqual({
      client_id: PUBLIC_CLIENT_ID,
      logout_uri: logoutUri,
      post_logout_redirect_uri: logoutUri,
      state: expect.stringMatching(/^[\w-]{22,}$/) as string,
    });
    expect(seen).toEqual([{ type: 'signed-out', reason: 'user' }]);
    expect(storedSession()).toBeUndefined();
    expect(emulator.countRequests('/oauth2/revoke')).toBeGreaterThan(0);
  });

  it('opens Cognito’s logout page through a one-time address, with no ID token anywhere in it', async () => {
    const opened: string[] = [];
    const recording: Browser = {
      open: (url) => {
        opened.push(url);
        return browser.open(url);
      },
    };
    const service = await signedIn({ browser: recording });
    const idToken = await service.getIdToken();
    const result = await service.signOut({ signedOutPageTimeoutMs: 5000 });
    await browser.settle();
    expect(opened.at(-1)).toMatch(/\/launch\/[\w-]{32}$/);
    const logout = new URL(browser.visited.at(-1)!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${emulator.domain}/logout`);
    // Cognito's /logout ignores id_token_hint: the ID token is not sent there at all.
    expect(logout.searchParams.has('id_token_hint')).toBe(false);
    expect(logout.href).not.toContain(idToken);
    expect(logout.searchParams.get('state')).toBe(new URL(result.logoutUrl!).searchParams.get('state'));
    expect(result.logoutUrl).not.toContain(idToken);
    expect(result.signedOutPageServed).toBe(true);
  });

  it('says so when the provider does not come back, and does not take a stranger’s state for its answer', async () => {
    const returning: Browser = {
      open: async (url) => {
        // A page that reaches the sign-out path with someone else's state: shown, not counted.
        if (url.includes('/logout')) await fetch(`${logoutUri}?state=not-ours`);
      },
    };
    const service = await signedIn();
    await service.restore();
    const other = newService({ browser: returning });
    await other.restore();
    const result = await other.signOut({ signedOutPageTimeoutMs: 200 });
    expect(result).toMatchObject({ browserOpened: true, signedOutPageServed: false });
    expect(result.notes).toContain(
      'The provider did not return to the app: its sign-in session may still be active. If its page asks you to confirm, do so in the browser.',
    );
    // A provider that asked the user to confirm sends the browser back later: the page is still there.
    const late = await fetch(logoutUri);
    expect(late.status).toBe(200);
    expect(await late.text()).toContain('Signed out');
    // And a sign-in takes the port over.
    const started = new Promise((r) => other.once('sign-in-started', r));
    const signingIn = other.signIn({ timeoutMs: 10_000, openBrowser: false });
    await started;
    other.cancelSignIn();
    await expect(signingIn).rejects.toMatchObject({ code: 'cancelled' });
    await expect(fetch(logoutUri)).rejects.toThrow();
  });

  it('opens the logout page and waits for the browser to come back', async () => {
    const service = await signedIn();
    const result = await service.signOut({ signedOutPageTimeoutMs: 5000 });
    await browser.settle();
    expect(result).toMatchObject({ browserOpened: true, signedOutPageServed: true });
  });

  it('works offline: local state cleared, the provider steps skipped and said so', async () => {
    const service = await signedIn();
    const offline = newService({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await offline.restore();
    const result = await offline.signOut({ openBrowser: false });
    expect(result.revoked).toBe(false);
    expect(result.logoutUrl).toBeUndefined();
    expect(result.notes.join(' ')).toContain('could not be reached');
    expect(storedSession()).toBeUndefined();
    expect(service.profile()).toBeDefined();
  });

  it('signs in as someone else: a sign-out, then a fresh sign-in', async () => {
    const service = await signedIn();
    const seen = changes(service);
    await service.signInAsSomeoneElse({ openBrowser: true, timeoutMs: 10_000 });
    await browser.settle();
    expect(seen.map((c) => c.type)).toEqual(['signed-out', 'signed-in']);
    expect(seen[0]).toEqual({ type: 'signed-out', reason: 'switch-user' });
  });

  it('signs in as someone else with prompt=login where the provider offers it: no sign-out, the old refresh token revoked after', async () => {
    const opened: string[] = [];
    const service = await signedIn({
      fetch: withDiscoveryExtras({ prompt_values_supported: ['none', 'login'] }),
      browser: { open: (url) => (opened.push(url), browser.open(url)) },
    });
    const before = JSON.parse(storedSession()!) as { data: { refreshToken: string } };
    const seen = changes(service);
    const revokes = emulator.countRequests('/oauth2/revoke');
    await service.signInAsSomeoneElse({ timeoutMs: 10_000 });
    await browser.settle();
    expect(seen.map((c) => c.type)).toEqual(['signed-in']);
    expect(new URL(browser.visited.at(-1)!).searchParams.get('prompt')).toBe('login');
    expect(browser.visited.some((url) => url.includes('/logout'))).toBe(false);
    expect(opened).toHaveLength(2);
    expect(emulator.countRequests('/oauth2/revoke')).toBe(revokes + 1);
    const after = JSON.parse(storedSession()!) as { data: { refreshToken: string } };
    expect(after.data.refreshToken).toBeTruthy();
    expect(after.data.refreshToken).not.toBe(before.data.refreshToken);
  });

  it('a cancelled prompt=login sign-in keeps the session it would have replaced', async () => {
    const service = await signedIn({ fetch: withDiscoveryExtras({ prompt_values_supported: ['login'] }) });
    const stored = storedSession();
    const switching = service.signInAsSomeoneElse({ openBrowser: false, timeoutMs: 10_000 });
    await new Promise((r) => service.once('sign-in-started', r));
    service.cancelSignIn();
    await expect(switching).rejects.toMatchObject({ code: 'cancelled' });
    expect(storedSession()).toBe(stored);
    expect(service.profile()?.username).toBe('alice@example.com');
  });

  it('signs in as someone else without a browser: neither the logout page nor the sign-in opens', async () => {
    const opened: string[] = [];
    const service = await signedIn({
      browser: { open: (url) => (opened.push(url), browser.open(url)) },
    });
    await browser.settle();
    opened.length = 0;
    const started = new Promise((r) => service.once('sign-in-started', r));
    const switching = service.signInAsSomeoneElse({ openBrowser: false, timeoutMs: 10_000 });
    await started;
    expect(opened).toEqual([]);
    expect(service.profile()).toBeUndefined();
    service.cancelSignIn();
    await expect(switching).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('when things go wrong', () => {
  it('signs in for this run only when there is no keychain, and says so', async () => {
    store.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const logger = recordingLogger();
    const clock = movableClock();
    const service = await signedIn({ logger, clock });
    expect(service.profile()?.persisted).toBe(false);
    expect(logger.lines.join(' ')).toContain('Signed in for this session only: it will not be remembered.');
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).resolves.toMatch(/^eyJ/);
    const result = await service.signOut({ openBrowser: false });
    expect(result.notes).toContain(
      'The OS keychain could not be reached; this session was kept in memory only and has ended.',
    );
    expect(service.profile()).toBeUndefined();
  });

  it('keeps a stored session it cannot delete, and says so', async () => {
    const service = await signedIn();
    store.unavailable = new KeychainLockedError('The keychain collection is locked.');
    await expect(service.signOut({ openBrowser: false })).rejects.toMatchObject({
      code: 'keychain_locked',
      message: expect.stringMatching(
        /^You are still signed in: the session could not be deleted\./,
      ) as string,
      cause: expect.objectContaining({ code: 'keychain_locked' }) as unknown,
    });
    expect(service.profile()).toBeDefined();
    store.unavailable = undefined;
    expect(storedSession()).toBeDefined();
  });

  it('says what it could not do at a provider without revocation or end-session endpoints', async () => {
    await signedIn();
    const bare = newService({ fetch: withoutEndpoints('revocation_endpoint', 'end_session_endpoint') });
    await bare.restore();
    const result = await bare.signOut({ openBrowser: false });
    expect(result).toMatchObject({
      revoked: false,
      notes: [
        'The provider has no revocation endpoint: the refresh token stays valid until it expires.',
        'The provider has no end-session endpoint: its own sign-in session may still be active.',
      ],
    });
    expect(result.logoutUrl).toBeUndefined();
  });

  it('notes a revocation the provider refused, and signs out all the same', async () => {
    await signedIn();
    const refusing: typeof fetch = (url, init) =>
      String(url instanceof Request ? url.url : url).endsWith('/oauth2/revoke')
        ? Promise.resolve(Response.json({ error: 'server_error' }, { status: 503 }))
        : fetch(url, init);
    const service = newService({ fetch: refusing });
    await service.restore();
    const result = await service.signOut({ openBrowser: false });
    expect(result.revoked).toBe(false);
    expect(result.notes).toContain(
      'The refresh token could not be revoked (network); it expires on its own.',
    );
    expect(storedSession()).toBeUndefined();
  });

  it('tells the user they were signed out elsewhere when the stored session is gone', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    const seen = changes(service);
    store.entries.delete(ACCOUNT());
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toThrow('You were signed out elsewhere. Sign in again.');
    expect(seen).toEqual([{ type: 'signed-out', reason: 'elsewhere' }]);
  });

  it('takes over a session another writer stored during a refused refresh, and tries once more', async () => {
    const clock = movableClock();
    const other = await signedIn({ clock });
    const otherEntry = store.entries.get(ACCOUNT())!;
    other.dispose();
    const mine = await signedIn({ clock });
    let refreshes = 0;
    // The first refresh request: someone who ignores the lock stores another session meanwhile,
    // and the provider refuses ours.
    const racing: typeof fetch = (url, init) => {
      const body =
        init?.body instanceof URLSearchParams ? init.body.toString() : String(init?.body as string);
      if (body.includes('grant_type=refresh_token') && ++refreshes === 1) {
        store.entries.set(ACCOUNT(), otherEntry);
        return Promise.resolve(Response.json({ error: 'invalid_grant' }, { status: 400 }));
      }
      return fetch(url, init);
    };
    void mine;
    const service = newService({ clock, fetch: racing });
    await service.restore();
    const seen = changes(service);
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).resolves.toMatch(/^eyJ/);
    expect(refreshes).toBe(2);
    expect(seen.map((c) => c.type)).toEqual(['synced', 'refreshed']);
  });

  it('refreshes on its own when due once started, and stops when disposed', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    const seen = changes(service);
    clock.advance(EXPIRED);
    const before = emulator.countRequests('/oauth2/token', 'refresh_token');
    service.startAutoRefresh();
    await new Promise((r) => service.once('session-changed', r));
    expect(seen.map((c) => c.type)).toEqual(['refreshed']);
    expect(emulator.countRequests('/oauth2/token', 'refresh_token') - before).toBe(1);
    service.dispose();
    clock.advance(EXPIRED);
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.countRequests('/oauth2/token', 'refresh_token') - before).toBe(1);
  });

  it('backs off after a failed automatic refresh rather than retrying at once, and stays signed in', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    clock.advance(EXPIRED);
    emulator.faults.tokenStatus = 503;
    const before = emulator.countRequests('/oauth2/token');
    service.startAutoRefresh();
    await new Promise((r) => setTimeout(r, 200));
    expect(emulator.countRequests('/oauth2/token') - before).toBe(1);
    expect(service.profile()).toBeDefined();
  });

  it('stops refreshing on its own once the provider refuses the session', async () => {
    const clock = movableClock();
    const service = await signedIn({ clock });
    clock.advance(EXPIRED);
    emulator.faults.tokenInvalidGrant = true;
    const before = emulator.countRequests('/oauth2/token');
    const ended = new Promise((r) => service.once('session-changed', r));
    service.startAutoRefresh();
    await expect(ended).resolves.toEqual({ type: 'signed-out', reason: 'revoked' });
    await new Promise((r) => setTimeout(r, 100));
    expect(emulator.countRequests('/oauth2/token') - before).toBe(1);
  });

  it('warns while the user is in the browser when the provider cannot be reached', async () => {
    let online = true;
    const flaky: typeof fetch = (url, init) =>
      online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed'));
    const idle: Browser = {
      open: () => {
        online = false;
        return Promise.resolve();
      },
    };
    const service = newService({ browser: idle, fetch: flaky });
    const problem = new Promise((r) => service.once('sign-in-problem', r));
    const waiting = service.signIn({ timeoutMs: 10_000 });
    await expect(problem).resolves.toMatchObject({ code: 'network' });
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('fetches discovery again after a sign-in the provider failed with an outage', async () => {
    const service = newService();
    emulator.faults.tokenStatus = 503;
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'network' });
    await browser.settle();
    emulator.faults.tokenStatus = undefined;
    const discoveries = emulator.countRequests(`/${emulator.poolId}/.well-known/openid-configuration`);
    await service.signIn({ timeoutMs: 10_000 });
    await browser.settle();
    expect(emulator.countRequests(`/${emulator.poolId}/.well-known/openid-configuration`)).toBe(
      discoveries + 1,
    );
  });

  it('logs a browser that would not open, without the URL', async () => {
    const logger = recordingLogger();
    const broken: Browser = { open: () => Promise.reject(new Error('xdg-open not found')) };
    const service = newService({ browser: broken, logger });
    const waiting = service.signIn({ timeoutMs: 10_000 });
    await new Promise((r) => service.once('sign-in-started', r));
    await new Promise((r) => setTimeout(r, 20));
    expect(logger.lines).toEqual(['Could not open the browser: xdg-open not found']);
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('the edges', () => {
  /** A fetch that changes the answer of one endpoint (its path's end) and passes the rest. */
  function rewriting(pathEnd: string, change: (response: Response) => Promise<Response>): typeof fetch {
    return async (url, init) => {
      const response = await fetch(url, init);
      const href = url instanceof Request ? url.url : String(url);
      return new URL(href).pathname.endsWith(pathEnd) ? change(response) : response;
    };
  }

  it('refuses a sign-in whose token answer has no ID token', async () => {
    const withoutIdToken = rewriting('/oauth2/token', async (response) => {
      const answer = (await response.json()) as Record<string, unknown>;
      delete answer.id_token;
      return Response.json(answer, { status: response.status });
    });
    const service = newService({ fetch: withoutIdToken });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'provider_rejected' });
    await browser.settle();
    expect(storedSession()).toBeUndefined();
  });

  it('fetches discovery again after a token endpoint that answered with something not OAuth', async () => {
    let broken = true;
    const notOAuth = rewriting('/oauth2/token', (response) =>
      Promise.resolve(broken ? new Response('<h1>Not found</h1>', { status: 404 }) : response),
    );
    const service = newService({ fetch: notOAuth });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('HTTP 404') as string,
    });
    await browser.settle();
    broken = false;
    const discoveries = emulator.countRequests(DISCOVERY_PATH());
    await service.signIn({ timeoutMs: 10_000 });
    await browser.settle();
    expect(emulator.countRequests(DISCOVERY_PATH())).toBe(discoveries + 1);
  });

  it('refuses userinfo about another user', async () => {
    const otherUser = rewriting('/oauth2/userInfo', async (response) =>
      Response.json({ ...((await response.json()) as object), sub: 'someone-else' }),
    );
    await signedIn();
    const service = newService({ fetch: otherUser });
    await service.restore();
    await expect(service.fetchUserInfo()).rejects.toMatchObject({ code: 'provider_rejected' });
  });

  it('uses the discovery document a previous run cached, with no request', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-auth-unit-'));
    const make = (): AuthService => {
      const service = new AuthService({
        settings: validateSettings({
          discoveryUrl: emulator.issuer,
          clientId: PUBLIC_CLIENT_ID,
          redirectUri,
        }),
        secretStore: store,
        browser,
        configDir,
      });
      services.push(service);
      return service;
    };
    await make().signOut({ openBrowser: false });
    const discoveries = emulator.countRequests(DISCOVERY_PATH());
    const second = make();
    const result = await second.signOut({ openBrowser: false });
    expect(result.logoutUrl).toContain('/logout');
    expect(emulator.countRequests(DISCOVERY_PATH())).toBe(discoveries);
  });

  it('keeps each provider’s discovery document: switching between two providers asks neither again', async () => {
    const other = await startCognitoEmulator({ clients: defaultClients(redirectUri, logoutUri) });
    try {
      const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-auth-unit-'));
      const make = (issuer: string): AuthService => {
        const service = new AuthService({
          settings: validateSettings({ discoveryUrl: issuer, clientId: PUBLIC_CLIENT_ID, redirectUri }),
          secretStore: store,
          browser,
          configDir,
        });
        services.push(service);
        return service;
      };
      await make(emulator.issuer).signOut({ openBrowser: false });
      await make(other.issuer).signOut({ openBrowser: false });
      const discoveries = emulator.countRequests(DISCOVERY_PATH()) + other.countRequests(DISCOVERY_PATH());
      await make(emulator.issuer).signOut({ openBrowser: false });
      await make(other.issuer).signOut({ openBrowser: false });
      expect(emulator.countRequests(DISCOVERY_PATH()) + other.countRequests(DISCOVERY_PATH())).toBe(
        discoveries,
      );
    } finally {
      await other.stop();
    }
  });

  it('says what to do when there is no session or no sign-in to act on', async () => {
    const service = newService();
    await expect(service.getAccessToken()).rejects.toThrow('You are not signed in. Sign in first.');
    await expect(service.reopenBrowser()).rejects.toThrow('No sign-in is waiting for the browser.');
  });

  it('cancels a waiting sign-in when signing out', async () => {
    const service = newService({ browser: { open: () => Promise.resolve() } });
    const waiting = service.signIn({ timeoutMs: 10_000 });
    await new Promise((r) => service.once('sign-in-started', r));
    await service.signOut({ openBrowser: false });
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('signs out when already signed out: nothing to revoke, the provider page still offered', async () => {
    const service = newService();
    const seen = changes(service);
    const revocations = emulator.countRequests('/oauth2/revoke');
    const result = await service.signOut({ signedOutPageTimeoutMs: 5000 });
    await browser.settle();
    expect(result).toMatchObject({ revoked: false, browserOpened: true, signedOutPageServed: true });
    expect(emulator.countRequests('/oauth2/revoke')).toBe(revocations);
    // The user asked: the app hears it even though no session ended.
    expect(seen).toEqual([{ type: 'signed-out', reason: 'user' }]);
  });

  it('opens the logout page even when the "Signed out" page cannot be served, and says why', async () => {
    const service = await signedIn();
    const { createServer } = await import('node:http');
    const squatter = createServer((_req, res) => res.end('someone else'));
    await new Promise<void>((r) => squatter.listen(Number(new URL(redirectUri).port), '127.0.0.1', r));
    try {
      const opened: string[] = [];
      const other = newService({ browser: { open: (url) => Promise.resolve(void opened.push(url)) } });
      await other.restore();
      const started = performance.now();
      const result = await other.signOut({ signedOutPageTimeoutMs: 3000 });
      expect(performance.now() - started).toBeLessThan(2500);
      expect(result).toMatchObject({ browserOpened: true, signedOutPageServed: false });
      expect(opened).toHaveLength(1);
      expect(result.notes).toEqual([
        expect.stringMatching(/^The "Signed out" page cannot be shown: .*port/) as string,
      ]);
      void service;
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });
});

describe('refreshing on its own, with tokens that live a minute and a second', () => {
  // A token is refreshed a minute before it expires: these are due a second after they arrive.
  let quick: CognitoEmulator;
  beforeAll(async () => {
    quick = await startCognitoEmulator({
      clients: defaultClients(redirectUri, logoutUri),
      lifetimes: { accessToken: 61, idToken: 61 },
    });
  });
  afterAll(() => quick.stop());

  function quickService(): AuthService {
    const service = new AuthService({
      settings: validateSettings({
        discoveryUrl: quick.issuer,
        clientId: PUBLIC_CLIENT_ID,
        redirectUri,
        logoutUri,
      }),
      secretStore: store,
      browser: new FormPostBrowser(quick.domain, redirectUri),
    });
    services.push(service);
    return service;
  }
  const refreshes = (): number => quick.countRequests('/oauth2/token', 'refresh_token');
  const refreshed = (service: AuthService): Promise<unknown> =>
    new Promise((resolve) => {
      const listener = (change: SessionChange): void => {
        if (change.type !== 'refreshed') return;
        service.off('session-changed', listener);
        resolve(change);
      };
      service.on('session-changed', listener);
    });

  it('does nothing until started; then refreshes when due, again and again, until disposed', async () => {
    const service = quickService();
    await service.signIn({ timeoutMs: 10_000 });
    const before = refreshes();
    await new Promise((r) => setTimeout(r, 1500));
    expect(refreshes()).toBe(before);
    service.startAutoRefresh();
    await refreshed(service);
    await refreshed(service);
    service.dispose();
    const after = refreshes();
    expect(after - before).toBe(2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(refreshes()).toBe(after);
  });

  it('once started, refreshes a session signed in later', async () => {
    const service = quickService();
    service.startAutoRefresh();
    await service.signIn({ timeoutMs: 10_000 });
    await expect(refreshed(service)).resolves.toMatchObject({ type: 'refreshed' });
  });
});

describe('refreshing on its own through an outage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Waits for real I/O (the emulator answering) while timers are fake. */
  async function until(condition: () => boolean): Promise<void> {
    const deadline = performance.now() + 5000;
    while (!condition()) {
      if (performance.now() > deadline)
        throw new Error(`condition not met within 5 s ${condition.toString()}`);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** A signed-in service whose access token is due, and a provider that answers 503. */
  async function intoAnOutage() {
    const clock = movableClock();
    const service = await signedIn({ clock });
    clock.advance(EXPIRED);
    emulator.faults.tokenStatus = 503;
    // The outage answers before the grant type is read: count every token request.
    const attempts = (): number => emulator.countRequests('/oauth2/token');
    return { service, attempts, before: attempts() };
  }

  it('tries again after the back-off, then goes on as usual once the provider is back', async () => {
    const { service, attempts, before } = await intoAnOutage();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    service.startAutoRefresh();
    vi.advanceTimersByTime(0);
    await until(() => attempts() === before + 1);
    // The failure handled, the retry is scheduled: it waits 15 s, not less.
    await until(() => vi.getTimerCount() === 1);
    vi.advanceTimersByTime(14_000);
    await new Promise((r) => setImmediate(r));
    expect(attempts()).toBe(before + 1);
    emulator.faults.tokenStatus = undefined;
    vi.advanceTimersByTime(1_000);
    await until(() => attempts() === before + 2);
    await until(() => service.profile()?.refreshedAt !== undefined);
    expect(service.profile()?.username).toBe('alice@example.com');
  });

  it('says so once when three automatic refreshes in a row fail, and goes on trying', async () => {
    const { service, attempts, before } = await intoAnOutage();
    // What was said, and after how many requests.
    const told: [string, number][] = [];
    service.on('refresh-failing', (error) => told.push([error.code, attempts() - before]));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    service.startAutoRefresh();
    // The first try at once, then after 15 s, 30 s, 60 s…: fake time moves on 5 s at a time until
    // the n-th request reaches the provider (the requests themselves take real time).
    const toAttempt = async (n: number): Promise<void> => {
      const deadline = performance.now() + 20_000;
      while (attempts() < before + n) {
        if (performance.now() > deadline) throw new Error(`request ${n} did not come`);
        vi.advanceTimersByTime(5_000);
        await new Promise((r) => setImmediate(r));
      }
    };
    await toAttempt(5);
    // Said once, right after the third failure, before the fourth request.
    expect(told).toEqual([['network', 3]]);
    expect(service.profile()?.username).toBe('alice@example.com');
  }, 30_000);
});

describe('the edges of the session', () => {
  const bodyOf = (init: RequestInit | undefined): string =>
    init?.body instanceof URLSearchParams ? init.body.toString() : String(init?.body as string);
  const hrefOf = (url: string | URL | Request): string => (url instanceof Request ? url.url : String(url));

  /** Signals between services in this process as the OS's would between processes. */
  function sharedSignal(): SessionSignal {
    const listeners = new Set<() => void>();
    return {
      announce: () => listeners.forEach((listener) => listener()),
      watch: (_name, listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  it('revokes the refresh token another process rotated, not its own old one', async () => {
    emulator.refreshTokenRotation = 'reuse-detection';
    const clock = movableClock();
    const revoked: string[] = [];
    const recording: typeof fetch = (url, init) => {
      if (hrefOf(url).endsWith('/oauth2/revoke')) revoked.push(bodyOf(init));
      return fetch(url, init);
    };
    // This process keeps the session from before another one refreshed (and rotated) it.
    const stale = await signedIn({ clock, fetch: recording });
    const other = newService({ clock });
    await other.restore();
    clock.advance(EXPIRED);
    await other.getAccessToken();
    const rotated = (JSON.parse(storedSession()!) as { data: { refreshToken: string } }).data.refreshToken;
    await stale.signOut({ openBrowser: false });
    expect(revoked).toHaveLength(1);
    const sent = new URLSearchParams(revoked[0]);
    expect(sent.get('token')).toBe(rotated);
    expect(sent.get('token_type_hint')).toBe('refresh_token');
  });

  it('gives up revoking after three seconds and signs out all the same', async () => {
    await signedIn();
    const hanging: typeof fetch = (url, init) =>
      hrefOf(url).endsWith('/oauth2/revoke') ? new Promise(() => undefined) : fetch(url, init);
    const service = newService({ fetch: hanging });
    await service.restore();
    const started = performance.now();
    const result = await service.signOut({ openBrowser: false });
    expect(performance.now() - started).toBeLessThan(4500);
    expect(result.notes).toContain(
      'The refresh token could not be revoked (network); it expires on its own.',
    );
    expect(storedSession()).toBeUndefined();
  });

  it('ends a memory-only session even when the keychain is locked by then', async () => {
    store.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const service = await signedIn();
    store.unavailable = new KeychainLockedError('The keychain collection is locked.');
    const result = await service.signOut({ openBrowser: false });
    expect(result.notes).toContain(
      'The OS keychain could not be reached; this session was kept in memory only and has ended.',
    );
    expect(service.profile()).toBeUndefined();
  });

  it('does not take a locked keychain for a public client: the sign-in says it is locked', async () => {
    store.unavailable = new KeychainLockedError('The keychain collection is locked.');
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'keychain_locked' });
  });

  it('keeps the ID token when a refresh answer has none, and refuses a refreshed one signed by a stranger', async () => {
    const clock = movableClock();
    let dropIdToken = true;
    const maybeWithout: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (!dropIdToken || !bodyOf(init).includes('grant_type=refresh_token')) return response;
      const answer = (await response.json()) as Record<string, unknown>;
      delete answer.id_token;
      return Response.json(answer);
    };
    const service = await signedIn({ clock, fetch: maybeWithout });
    const idToken = await service.getIdToken();
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).resolves.toMatch(/^eyJ/);
    expect(await service.getIdToken()).toBe(idToken);
    dropIdToken = false;
    clock.advance(EXPIRED);
    emulator.faults.idTokenForgery = 'foreign-key';
    await expect(service.getAccessToken()).rejects.toMatchObject({ providerError: 'invalid_id_token' });
    expect(storedSession()).toBeDefined();
  });

  it('tries once more, not again and again, when the provider keeps refusing while the store keeps changing', async () => {
    const clock = movableClock();
    await signedIn({ clock });
    const entries = [store.entries.get(ACCOUNT())!];
    store.entries.delete(ACCOUNT());
    await signedIn({ clock });
    entries.push(store.entries.get(ACCOUNT())!);
    let refreshes = 0;
    const refusing: typeof fetch = (url, init) => {
      if (bodyOf(init).includes('grant_type=refresh_token')) {
        refreshes += 1;
        // Someone who ignores the lock stores another session each time, and the provider refuses ours.
        store.entries.set(ACCOUNT(), entries[(refreshes - 1) % 2]!);
        return Promise.resolve(Response.json({ error: 'invalid_grant' }, { status: 400 }));
      }
      return fetch(url, init);
    };
    const service = newService({ clock, fetch: refusing });
    await service.restore();
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(refreshes).toBe(2);
  });

  it('will not store a refresh over a session another writer stored meanwhile', async () => {
    const clock = movableClock();
    await signedIn({ clock });
    const theirs = store.entries.get(ACCOUNT())!;
    const racing: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (bodyOf(init).includes('grant_type=refresh_token')) store.entries.set(ACCOUNT(), `${theirs} `);
      return response;
    };
    const service = newService({ clock, fetch: racing });
    await service.restore();
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toMatchObject({
      code: 'internal',
      message: 'The stored session changed during a refresh.',
    });
    expect(store.entries.get(ACCOUNT())).toBe(`${theirs} `);
  });

  it('forgets a refused session even when the keychain will not delete it, and says so in the log', async () => {
    const clock = movableClock();
    const logger = recordingLogger();
    const service = await signedIn({ clock, logger });
    emulator.faults.tokenInvalidGrant = true;
    store.delete = () => Promise.reject(new Error('delete refused'));
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(service.profile()).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(
      /^Could not remove the session from the keychain: The OS keychain is not available\./m,
    );
  });

  it('follows a session another process stored, as a remembered one, unless its own sign-in is waiting', async () => {
    const signal = sharedSignal();
    const follower = newService({ signal });
    await follower.restore();
    // Signed in while the keychain was away: a session in memory only.
    store.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    await follower.signIn({ timeoutMs: 10_000 });
    await browser.settle();
    expect(follower.profile()?.persisted).toBe(false);
    store.unavailable = undefined;
    follower.followSharedSession();
    const seen = changes(follower);
    await signedIn({ signal });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((c) => c.type)).toEqual(['synced']);
    expect(follower.profile()?.persisted).toBe(true);

    const waiting = newService({ signal, browser: { open: () => Promise.resolve() } });
    await waiting.restore();
    waiting.followSharedSession();
    const attempt = waiting.signIn({ timeoutMs: 10_000 });
    await new Promise((r) => waiting.once('sign-in-started', r));
    const waitingSeen = changes(waiting);
    // Another process stores a session (its own sign-in cannot take the port this one waits on).
    store.entries.set(ACCOUNT(), `${storedSession()!} `);
    signal.announce('session');
    await new Promise((r) => setTimeout(r, 50));
    expect(waitingSeen).toEqual([]);
    waiting.cancelSignIn();
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
  });
});
