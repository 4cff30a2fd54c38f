/**
 * A sign-in (core/session/sign-in.ts) through the auth service: the authorization request, the wait
 * for the browser and its ends (cancel, time-out, a new attempt), the code exchange, the provider
 * checked while the person is in the browser, and the discovery document it starts from. The
 * Cognito emulator in this process (a real OpenID provider), an in-memory keychain and a browser
 * that signs in with form posts (test/support/auth-service-harness.ts); the integration tests
 * repeat the main paths with the OS keychain, Chromium and several processes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthService } from '../../../../main/core/session/auth-service.ts';
import { type Browser, type SessionLock } from '../../../../main/core/ports.ts';
import { startCognitoEmulator } from '../../../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../../../idp/directory.ts';
import { followLaunch } from '../../../support/form-post-browser.ts';
import {
  DISCOVERY_PATH,
  browser,
  buildAuthService,
  disposeAfterTest,
  emulator,
  logoutUri,
  newService,
  recordingLogger,
  redirectUri,
  rewriting,
  signedIn,
  store,
  storedSession,
  useAuthServiceHarness,
} from '../../../support/auth-service-harness.ts';

useAuthServiceHarness();

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

describe('when things go wrong', () => {
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

  it('says nothing of a provider check that answers after the sign-in ended, and checks nothing after a quick one', async () => {
    let slowFailure = false;
    const lateFailing: typeof fetch = async (url, init) => {
      if (!slowFailure) return fetch(url, init);
      await new Promise((r) => setTimeout(r, 600));
      throw new TypeError('fetch failed');
    };
    const service = newService({ browser: { open: () => Promise.resolve() }, fetch: lateFailing });
    const problems: unknown[] = [];
    service.on('sign-in-problem', (error) => problems.push(error));
    // The document is cached: the sign-in starts from it, and only the check asks again.
    await service.directory.metadata();
    slowFailure = true;
    const started = new Promise((r) => service.once('sign-in-started', r));
    const waiting = service.signIn({ timeoutMs: 10_000 }).catch(() => undefined);
    await started;
    // The check starts at 1.5 s and fails at 2.1 s; the sign-in ends at 1.8 s.
    await new Promise((r) => setTimeout(r, 1800));
    service.cancelSignIn();
    await waiting;
    await new Promise((r) => setTimeout(r, 600));
    expect(problems).toEqual([]);

    slowFailure = false;
    const quick = await signedIn();
    const discoveries = emulator.countRequests(DISCOVERY_PATH());
    await new Promise((r) => setTimeout(r, 1700));
    expect(emulator.countRequests(DISCOVERY_PATH())).toBe(discoveries);
    expect(quick.profile()).toBeDefined();
  });

  it('logs where a sign-in went and what came back (redacted by the log), and offers the user name', async () => {
    const lines: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, debug: (m: string) => void lines.push(m) };
    const opened: string[] = [];
    const service = newService({
      logger,
      browser: { open: (url) => Promise.resolve(void opened.push(url)) },
    });
    const waiting = service.signIn({ timeoutMs: 10_000, loginHint: 'alice@example.com' });
    await new Promise((r) => service.once('sign-in-started', r));
    expect(new URL(service.currentAttempt()!.url).searchParams.get('login_hint')).toBe('alice@example.com');
    expect(lines.some((line) => line.startsWith('Sign-in started: http'))).toBe(true);
    service.cancelSignIn();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    const answered = await signedIn({ logger });
    expect(lines.some((line) => line.startsWith('Sign-in answer received: http'))).toBe(true);
    expect(answered.profile()).toBeDefined();
  });

  it('takes an identifier of blanks for none: type one', async () => {
    const service = newService();
    await expect(service.signIn({ route: { idpIdentifier: '   ' } })).rejects.toMatchObject({
      code: 'invalid_settings',
      message: 'Type the email address (or identifier) to sign in with.',
    });
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

  it('uses the discovery document a previous run cached, with no request', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-auth-unit-'));
    const make = (): AuthService => {
      const service = buildAuthService(
        { issuer: emulator.issuer, redirectUri },
        { secretStore: store, browser, configDir },
      );
      disposeAfterTest(service);
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
        const service = buildAuthService({ issuer, redirectUri }, { secretStore: store, browser, configDir });
        disposeAfterTest(service);
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
});
