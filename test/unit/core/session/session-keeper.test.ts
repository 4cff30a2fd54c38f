/**
 * The session kept (core/session/session-keeper.ts): restored, refreshed once for many callers,
 * taken over from another process, ended when the provider refuses it, refreshed on its own (and
 * through an outage), and never stored over someone else's newer session. The Cognito emulator in
 * this process (a real OpenID provider), an in-memory keychain and a browser that signs in with
 * form posts (test/support/auth-service-harness.ts); the integration tests repeat the main paths
 * with the OS keychain, Chromium and several processes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthService } from '../../../../main/core/session/auth-service.ts';
import { type SessionChange } from '../../../../main/core/session/auth-service.ts';
import { sessionAccount } from '../../../../main/core/session/token-vault.ts';
import { type SessionSignal } from '../../../../main/core/ports.ts';
import { startCognitoEmulator, type CognitoEmulator } from '../../../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../../../idp/directory.ts';
import { FormPostBrowser } from '../../../support/form-post-browser.ts';
import {
  ACCOUNT,
  EXPIRED,
  SERVICE,
  browser,
  buildAuthService,
  changes,
  disposeAfterTest,
  emulator,
  logoutUri,
  movableClock,
  newService,
  recordingLogger,
  redirectUri,
  signedIn,
  store,
  storedSession,
  useAuthServiceHarness,
} from '../../../support/auth-service-harness.ts';

useAuthServiceHarness();

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
    const service = buildAuthService(
      { issuer: quick.issuer, redirectUri, logoutUri },
      { secretStore: store, browser: new FormPostBrowser(quick.domain, redirectUri) },
    );
    disposeAfterTest(service);
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

  it('never hands out an ID token past its exp: a refresh that brings none says so, the access token still works', async () => {
    const clock = movableClock();
    const withoutIdToken: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (!bodyOf(init).includes('grant_type=refresh_token')) return response;
      const answer = (await response.json()) as Record<string, unknown>;
      delete answer.id_token;
      return Response.json(answer);
    };
    const service = await signedIn({ clock, fetch: withoutIdToken });
    clock.advance(61 * 60_000);
    await expect(service.getIdToken()).rejects.toMatchObject({
      code: 'not_signed_in',
      message: 'The provider sent no new ID token when the session was refreshed. Sign in again.',
    });
    const refreshes = emulator.countRequests('/oauth2/token', 'refresh_token');
    const access = await service.getToken('access');
    expect(access.token).toMatch(/^eyJ/);
    expect(access.expiresAt).toBeGreaterThan(clock.now());
    expect(emulator.countRequests('/oauth2/token', 'refresh_token')).toBe(refreshes);
  });

  it('never hands out an access token that came already expired (a clock far off)', async () => {
    const clock = movableClock();
    const expiredAtOnce: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (!bodyOf(init).includes('grant_type=refresh_token')) return response;
      return Response.json({ ...((await response.json()) as object), expires_in: 0 });
    };
    const service = await signedIn({ clock, fetch: expiredAtOnce });
    clock.advance(EXPIRED);
    await expect(service.getAccessToken()).rejects.toMatchObject({
      code: 'not_signed_in',
      message: 'The provider sent an access token that has already expired. Check this computer’s clock.',
    });
  });

  it('hands out each token with its own expiry', async () => {
    const service = await signedIn();
    const [access, id] = [await service.getToken('access'), await service.getToken('id')];
    expect(access.token).not.toBe(id.token);
    expect(id.token).toBe(await service.getIdToken());
    expect(access.token).toBe(await service.getAccessToken());
    const exp = JSON.parse(Buffer.from(id.token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    expect(id.expiresAt).toBe(exp.exp * 1000);
    expect(access.expiresAt).toBe(service.profile()!.expiresAt);
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
