/**
 * Signing out (core/session/sign-out.ts): the session deleted first, its refresh token revoked, the
 * provider's logout page opened through a one-time address, and what happens offline or when the
 * keychain, the provider or the port will not play along. The Cognito emulator in this process (a
 * real OpenID provider), an in-memory keychain and a browser that signs in with form posts
 * (test/support/auth-service-harness.ts); the integration tests repeat the main paths with the OS
 * keychain, Chromium and several processes.
 */
import { describe, expect, it } from 'vitest';
import { KeychainLockedError, type Browser } from '../../../../main/core/ports.ts';
import { PUBLIC_CLIENT_ID } from '../../../idp/directory.ts';
import { withoutEndpoints } from '../../../support/discovery.ts';
import {
  EXPIRED,
  browser,
  changes,
  emulator,
  logoutUri,
  movableClock,
  newService,
  redirectUri,
  signedIn,
  store,
  storedSession,
  useAuthServiceHarness,
} from '../../../support/auth-service-harness.ts';

useAuthServiceHarness();

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
});

describe('when things go wrong', () => {
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
});

describe('the edges', () => {
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

describe('the edges of the session', () => {
  const bodyOf = (init: RequestInit | undefined): string =>
    init?.body instanceof URLSearchParams ? init.body.toString() : String(init?.body as string);
  const hrefOf = (url: string | URL | Request): string => (url instanceof Request ? url.url : String(url));

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
});
