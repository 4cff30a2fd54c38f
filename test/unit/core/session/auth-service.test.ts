/**
 * The auth service as the app and the CLI call it (core/session/auth-service.ts): signing in as
 * someone else, the calls made with the session (userinfo), and what it says when there is nothing
 * to act on. The Cognito emulator in this process (a real OpenID provider), an in-memory keychain
 * and a browser that signs in with form posts (test/support/auth-service-harness.ts); the
 * integration tests repeat the main paths with the OS keychain, Chromium and several processes.
 */
import { describe, expect, it } from 'vitest';
import { withDiscoveryExtras } from '../../../support/discovery.ts';
import {
  browser,
  changes,
  emulator,
  newService,
  rewriting,
  signedIn,
  storedSession,
  useAuthServiceHarness,
} from '../../../support/auth-service-harness.ts';

useAuthServiceHarness();

describe('the session’s calls', () => {
  it('calls userinfo with the access token', async () => {
    const service = await signedIn();
    expect(await service.fetchUserInfo()).toMatchObject({ email: 'alice@example.com' });
  });

  it('calls the app’s API with the token it asks for, and blanks every token of the session in the answer', async () => {
    const { createServer } = await import('node:http');
    const { listen, closeServer } = await import('../../../../main/core/loopback/http-server.ts');
    const echo = createServer((req, res) => res.end(JSON.stringify({ got: req.headers.authorization })));
    const port = await listen(echo, 0, '127.0.0.1');
    try {
      const service = await signedIn();
      const url = `http://127.0.0.1:${port}/me`;
      for (const token of ['id', 'access'] as const) {
        const seen: string[] = [];
        const recording = newService({
          fetch: (input, init) => {
            seen.push(new Headers(init?.headers).get('authorization') ?? '');
            return fetch(input, init);
          },
        });
        await recording.restore();
        const answer = await recording.callApi(url, token);
        const expected = token === 'id' ? await service.getIdToken() : await service.getAccessToken();
        expect(seen).toEqual([`Bearer ${expected}`]);
        expect(answer.body).toContain('Bearer [a token of yours]');
      }
    } finally {
      await closeServer(echo);
    }
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
});

describe('signing in as someone else', () => {
  it('signs in as someone else: a sign-out, then a fresh sign-in', async () => {
    const service = await signedIn();
    const seen = changes(service);
    const visited = browser.visited.length;
    await service.signInAsSomeoneElse({ timeoutMs: 10_000 });
    await browser.settle();
    expect(seen.map((c) => c.type)).toEqual(['signed-out', 'signed-in']);
    expect(seen[0]).toEqual({ type: 'signed-out', reason: 'switch-user' });
    // The provider forgets the user first: its logout page opens before the sign-in does.
    expect(browser.visited.slice(visited).map((url) => new URL(url).pathname)).toEqual([
      '/logout',
      '/oauth2/authorize',
    ]);
  });

  it('with prompt=login, revokes nothing when there was no session, or one without a refresh token', async () => {
    const prompts = withDiscoveryExtras({ prompt_values_supported: ['login'] });
    const revocations = (): number => emulator.countRequests('/oauth2/revoke');
    const before = revocations();
    const fresh = newService({ fetch: prompts });
    await fresh.signInAsSomeoneElse({ timeoutMs: 10_000 });
    await browser.settle();
    expect(fresh.profile()?.username).toBe('alice@example.com');
    const withoutRefreshToken: typeof fetch = async (url, init) => {
      const response = await prompts(url, init);
      if (!new URL(url instanceof Request ? url.url : String(url)).pathname.endsWith('/oauth2/token'))
        return response;
      const answer = (await response.json()) as Record<string, unknown>;
      delete answer.refresh_token;
      return Response.json(answer);
    };
    const noRefresh = await signedIn({ fetch: withoutRefreshToken });
    await noRefresh.signInAsSomeoneElse({ timeoutMs: 10_000 });
    await browser.settle();
    expect(revocations()).toBe(before);
  });

  it('keeps the discovery cache in the settings folder’s discovery/ folder', async () => {
    const { existsSync, mkdtempSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-cache-'));
    await newService({ configDir }).directory.metadata();
    expect(existsSync(join(configDir, 'discovery'))).toBe(true);
    expect(readdirSync(join(configDir, 'discovery'))).toEqual([
      `${encodeURIComponent(emulator.issuer)}.json`,
    ]);
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

describe('the edges', () => {
  it('says what to do when there is no session or no sign-in to act on', async () => {
    const service = newService();
    await expect(service.getAccessToken()).rejects.toThrow('You are not signed in. Sign in first.');
    await expect(service.reopenBrowser()).rejects.toThrow('No sign-in is waiting for the browser.');
  });
});
