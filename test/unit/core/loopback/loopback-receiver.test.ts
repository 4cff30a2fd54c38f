/**
 * The loopback receiver on real sockets: binding, Host and state checks, the clean redirect, the
 * page headers, time-out, cancel, and a port in use.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { LoopbackReceiver } from '../../../../main/core/loopback/loopback-receiver.ts';
import { AuthError } from '../../../../main/core/errors.ts';
import { describeSeconds } from '../../../../main/core/async-limits.ts';
import {
  badRequestPage,
  foreignCallbackPage,
  LOOPBACK_PAGE_CSP,
  notFoundPage,
  signedInPage,
  signedOutPage,
  signInFailedPage,
} from '../../../../main/core/loopback/loopback-pages.ts';
import { freePort, rawRequest, type RawResponse } from '../../../support/http.ts';

let receiver: LoopbackReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function startReceiver(host = '127.0.0.1'): Promise<{ port: number; receiver: LoopbackReceiver }> {
  const port = await freePort();
  receiver = new LoopbackReceiver(`http://${host}:${port}/callback`, `http://${host}:${port}/signed-out`);
  await receiver.start();
  receiver.expectState('the-state');
  return { port, receiver };
}

/**
 * Sends the callback with the right state and waits until the receiver has it. The browser's
 * answer comes only once the sign-in has a result, so it is handed back still pending.
 */
async function sendCallback(
  port: number,
  receiver: LoopbackReceiver,
  query = 'code=the-code&state=the-state',
): Promise<{ answer: Promise<RawResponse>; callback: URL }> {
  const waiting = receiver.waitForCallback(10_000);
  const answer = rawRequest(port, `/callback?${query}`);
  return { answer, callback: await waiting };
}

/** A browser asking for the result page before there is one (a reload): it waits, pending. */
async function askForResultEarly(port: number): Promise<{ page: Promise<RawResponse> }> {
  const page = rawRequest(port, '/callback');
  // On loopback the request is in well before this.
  await new Promise((r) => setTimeout(r, 50));
  return { page };
}

/** Whether this machine has an IPv6 loopback address to listen on, asked without the receiver. */
async function hasIpv6Loopback(): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe('LoopbackReceiver', () => {
  it('listens on 127.0.0.1 only, not on every address', async () => {
    const { port } = await startReceiver();
    expect((await rawRequest(port, '/callback?state=x')).status).toBe(400);
    // Linux routes all of 127.0.0.0/8 to the loopback interface: a server bound to every address
    // (0.0.0.0) answers on 127.0.0.2 too, one bound to 127.0.0.1 alone does not. This probe needs
    // no other network interface, so it runs on every Linux machine, CI's included.
    if (process.platform === 'linux') {
      await expect(rawRequest(port, '/callback', { address: '127.0.0.2' })).rejects.toThrow(/ECONNREFUSED/);
    }
    const other = nonLoopbackAddress();
    if (other)
      await expect(rawRequest(port, '/callback', { address: other })).rejects.toThrow(/ECONNREFUSED/);
    else if (process.platform !== 'linux') console.warn('NOT CHECKED: no non-loopback IPv4 address here');
  });

  it('refuses request headers over its own limit (8 KiB, under Node’s 16 KiB)', async () => {
    const { port } = await startReceiver();
    const over = await rawRequest(port, '/callback?state=x', { headers: { 'x-pad': 'a'.repeat(10 * 1024) } });
    expect(over.status).toBe(431);
    const under = await rawRequest(port, '/callback?state=x', { headers: { 'x-pad': 'a'.repeat(6 * 1024) } });
    expect(under.status).toBe(400);
  });

  it('for a localhost redirect URI, answers on 127.0.0.1 and [::1]', async () => {
    const { port } = await startReceiver('localhost');
    const host = `localhost:${port}`;
    expect((await rawRequest(port, '/callback?state=x', { host })).status).toBe(400);
    if (!(await hasIpv6Loopback())) {
      console.log('NOT CHECKED: no IPv6 loopback here; 127.0.0.1 alone serves localhost');
      return;
    }
    expect((await rawRequest(port, '/callback?state=x', { host, address: '::1' })).status).toBe(400);
  });

  it('ignores forged requests and ends on the first callback with the right state', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    const forged = [
      await rawRequest(port, '/callback?code=c&state=wrong'),
      await rawRequest(port, '/callback?code=c'),
      await rawRequest(port, '/callback?code=c&state=the-state', { host: 'evil.example' }),
      await rawRequest(port, '/callback?code=c&state=the-state', { host: `localhost:${port}` }),
      // A name that only starts with the loopback address (DNS rebinding to a look-alike).
      await rawRequest(port, '/callback?code=c&state=the-state', { host: `127.0.0.1.evil.example:${port}` }),
      await rawRequest(port, '/callback?code=c&state=the-state', { host: `127.0.0.1:${port}.evil.example` }),
      await rawRequest(port, '/callback?code=c&state=the-state', { method: 'POST' }),
      await rawRequest(port, '/other?code=c&state=the-state'),
    ];
    expect(forged.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 405, 404]);
    for (const r of forged) expect(r.body).not.toContain('the-state');
    const good = rawRequest(port, '/callback?code=the-code&state=the-state');
    const callback = await waiting;
    expect(callback.href).toBe(`http://127.0.0.1:${port}/callback?code=the-code&state=the-state`);
    expect((await rawRequest(port, '/callback?code=again&state=the-state')).status).toBe(400);
    const completed = receiver.complete(true, 10_000);
    expect((await good).status).toBe(303);
    expect((await good).headers.location).toBe('/callback');
    expect((await rawRequest(port, '/callback')).status).toBe(200);
    await completed;
  });

  describe('one-time launch addresses', () => {
    const TARGET = 'https://pool.auth.example/oauth2/authorize?state=the-state&code_challenge=abc';

    it('sends the browser on to the provider once, never cached, with a path nobody can guess', async () => {
      const { port, receiver } = await startReceiver();
      const address = receiver.launchAddress(TARGET);
      const other = receiver.launchAddress(TARGET);
      expect(address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/launch/[\\w-]{32}$`));
      expect(other).not.toBe(address);
      const path = new URL(address).pathname;
      const first = await rawRequest(port, path);
      expect(first.status).toBe(302);
      expect(first.headers.location).toBe(TARGET);
      expect(first.headers['cache-control']).toBe('no-store');
      // A guessed path, or one a character off, leads nowhere.
      expect((await rawRequest(port, '/launch/x')).status).toBe(404);
      expect((await rawRequest(port, `${path.slice(0, -1)}A`)).status).toBe(404);
      expect((await rawRequest(port, new URL(other).pathname, { host: 'evil.example' })).status).toBe(400);
      expect((await rawRequest(port, new URL(other).pathname)).status).toBe(302);
    });

    it('ends the sign-in when its address is used twice: someone else read it', async () => {
      const { port, receiver } = await startReceiver();
      const waiting = receiver.waitForCallback(10_000).catch((error: unknown) => error);
      const path = new URL(receiver.launchAddress(TARGET)).pathname;
      expect((await rawRequest(port, path)).status).toBe(302);
      const again = await rawRequest(port, path);
      expect(again.status).toBe(410);
      expect(again.body).not.toContain('the-state');
      expect(await waiting).toMatchObject({
        code: 'state_mismatch',
        message: expect.stringContaining('The sign-in link was opened twice') as string,
      });
      // Whoever came first cannot finish it now: the receiver has closed.
      await expect(rawRequest(port, '/callback?code=theirs&state=the-state')).rejects.toThrow(/ECONNREFUSED/);
    });

    it('serves a sign-out’s address once, with no sign-in to end', async () => {
      const port = await freePort();
      receiver = new LoopbackReceiver(
        `http://127.0.0.1:${port}/callback`,
        `http://127.0.0.1:${port}/signed-out`,
      );
      await receiver.start();
      const path = new URL(receiver.launchAddress(TARGET)).pathname;
      expect((await rawRequest(port, path)).status).toBe(302);
      expect((await rawRequest(port, path)).status).toBe(410);
      expect((await rawRequest(port, '/signed-out')).status).toBe(200);
    });
  });

  it('answers the callback only once the sign-in has a result, so the code is exchanged undisturbed', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    let answered = false;
    const answer = rawRequest(port, '/callback?code=the-code&state=the-state').finally(
      () => (answered = true),
    );
    await waiting;
    await new Promise((r) => setTimeout(r, 100));
    expect(answered).toBe(false);
    const completed = receiver.complete(true, 10_000);
    expect(await answer).toMatchObject({ status: 303, headers: { location: '/callback' } });
    expect((await answer).body).toBe('');
    expect((await answer).headers).toMatchObject({ 'cache-control': 'no-store', connection: 'close' });
    expect((await rawRequest(port, '/callback')).body).toBe(signedInPage());
    await completed;
  });

  it('shows the failure page at once to a callback whose sign-in was cancelled during the exchange', async () => {
    const { port, receiver } = await startReceiver();
    const { answer } = await sendCallback(port, receiver);
    // And a result page asked for meanwhile learns it too.
    const { page } = await askForResultEarly(port);
    receiver.cancel();
    expect(await answer).toMatchObject({ status: 400, body: signInFailedPage() });
    expect(await page).toMatchObject({ status: 400, body: signInFailedPage() });
    await expect(rawRequest(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers the callback once, however often the result is told', async () => {
    const { port, receiver } = await startReceiver();
    const { answer } = await sendCallback(port, receiver);
    await receiver.complete(true, 0);
    expect((await answer).status).toBe(303);
    await expect(receiver.complete(true, 0)).resolves.toBeUndefined();
  });

  it('shows "Signed in" only once the caller completes, with a locked-down page', async () => {
    const { port, receiver } = await startReceiver();
    const { answer } = await sendCallback(port, receiver);
    const { page } = await askForResultEarly(port);
    await receiver.complete(true);
    expect((await answer).status).toBe(303);
    const response = await page;
    expect(response.status).toBe(200);
    expect(response.body).toContain('Signed in');
    expect(response.body).toContain('return to cognito-desktop');
    expect(response.body).not.toMatch(/the-code|https?:\/\/(?!127)/);
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    await expect(rawRequest(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('hands an ?error= with the right state to the caller and shows a failure page', async () => {
    const { port, receiver } = await startReceiver();
    const { answer, callback } = await sendCallback(port, receiver, 'error=access_denied&state=the-state');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const { page } = await askForResultEarly(port);
    await receiver.complete(false);
    expect((await answer).status).toBe(303);
    const response = await page;
    expect(response.status).toBe(400);
    expect(response.body).toContain('did not complete');
    expect(response.body).not.toContain('access_denied');
  });

  it('times out with a message naming the callback URL, and frees the port', async () => {
    const { port, receiver } = await startReceiver();
    const error = await receiver.waitForCallback(100).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('timeout');
    expect((error as AuthError).message).toContain(`http://127.0.0.1:${port}/callback`);
    await expect(rawRequest(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cancels, and frees the port', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    receiver.cancel();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await expect(rawRequest(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('fails at once with port_in_use naming the port', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    receiver = new LoopbackReceiver(`http://127.0.0.1:${port}/callback`);
    const error = await receiver.start().catch((e: unknown) => e);
    blocker.close();
    expect(error).toMatchObject({ code: 'port_in_use' });
    expect((error as AuthError).message).toContain(String(port));
    expect((error as AuthError).message).toContain('Close the other program');
    expect((error as AuthError).cause).toMatchObject({ code: 'EADDRINUSE' });
  });

  it('serves the signed-out page at the sign-out path and reports it', async () => {
    const { port, receiver } = await startReceiver();
    const served = receiver.waitForSignedOutPage(5000);
    const page = await rawRequest(port, '/signed-out');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed out');
    expect(await served).toBe(true);
  });

  it('ends the wait for the signed-out page when closed first (a new sign-in takes the port)', async () => {
    const { receiver } = await startReceiver();
    const served = receiver.waitForSignedOutPage(60_000);
    await receiver.close();
    expect(await served).toBe(false);
  });

  it('refuses a state of the right length that differs (compared in constant time, in full)', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    expect((await rawRequest(port, '/callback?code=c&state=the-stale')).status).toBe(400);
    expect((await rawRequest(port, '/callback?code=c&state=')).status).toBe(400);
    const answer = rawRequest(port, '/callback?code=c&state=the-state');
    expect((await waiting).searchParams.get('state')).toBe('the-state');
    void receiver.complete(true, 0);
    expect((await answer).status).toBe(303);
  });

  it('takes origin-form targets only: no //host, no backslash tricks, no absolute form', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    const query = 'code=c&state=the-state';
    for (const target of [
      `//127.0.0.1:${port}/callback?${query}`,
      `/\\evil.example/callback?${query}`,
      `http://127.0.0.1:${port}/callback?${query}`,
      `*`,
    ]) {
      expect([target, (await rawRequest(port, target)).status]).toEqual([target, 400]);
    }
    const answer = rawRequest(port, `/callback?${query}`);
    await waiting;
    void receiver.complete(true, 0);
    expect((await answer).status).toBe(303);
  });

  it('answers every page with the same locked-down headers; a wrong method learns what is allowed', async () => {
    const { port } = await startReceiver();
    const post = await rawRequest(port, '/callback', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    for (const response of [
      post,
      await rawRequest(port, '/nothing'),
      await rawRequest(port, '/callback?state=x'),
    ]) {
      expect(response.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': LOOPBACK_PAGE_CSP,
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        connection: 'close',
      });
    }
  });

  it('keeps a callback that arrives before anyone waits for it', async () => {
    const { port, receiver } = await startReceiver();
    const answer = rawRequest(port, '/callback?code=early&state=the-state');
    // On loopback the request is in well before this: nobody waits for it yet.
    await new Promise((r) => setTimeout(r, 100));
    expect((await receiver.waitForCallback(10_000)).searchParams.get('code')).toBe('early');
    void receiver.complete(true, 0);
    expect((await answer).status).toBe(303);
  });

  it('serves the result page at once when the outcome is already known', async () => {
    const { port, receiver } = await startReceiver();
    const { answer } = await sendCallback(port, receiver);
    const completed = receiver.complete(true, 10_000);
    expect((await answer).status).toBe(303);
    const page = await rawRequest(port, '/callback');
    expect(page.status).toBe(200);
    expect(page.body).toBe(signedInPage());
    await completed;
  });

  it('serves the signed-out page to a browser that comes back before anyone waits, and stops waiting when none does', async () => {
    const { port, receiver } = await startReceiver();
    expect((await rawRequest(port, '/signed-out')).body).toBe(signedOutPage());
    expect(await receiver.waitForSignedOutPage(30)).toBe(false);
  });

  it('says how long it waited, in the units people use', async () => {
    const { receiver } = await startReceiver();
    await expect(receiver.waitForCallback(1500)).rejects.toThrow(
      /^The browser did not come back within 2 s\. If the provider showed an error page, check that the callback URL http:\/\/127\.0\.0\.1:\d+\/callback is registered exactly/,
    );
    expect(describeSeconds(45)).toBe('45 s');
    expect(describeSeconds(300)).toBe('5 min');
    expect(describeSeconds(9000)).toBe('2 h 30 min');
    expect(describeSeconds(7200)).toBe('2 h');
  });

  it('counts a return to the sign-out path as the provider’s answer with our state or none, not another', async () => {
    for (const [query, counts] of [
      ['', true],
      ['?state=ours', true],
      ['?state=theirs', false],
    ] as const) {
      const { port, receiver } = await startReceiver();
      receiver.expectSignOutState('ours');
      const served = receiver.waitForSignedOutPage(300);
      expect((await rawRequest(port, `/signed-out${query}`)).status).toBe(200);
      expect([query, await served]).toEqual([query, counts]);
      await receiver.close();
    }
  });

  it('keeps serving the signed-out page a while after it stopped waiting, then closes', async () => {
    const { port, receiver } = await startReceiver();
    expect(await receiver.waitForSignedOutPage(20, 400)).toBe(false);
    expect((await rawRequest(port, '/signed-out')).status).toBe(200);
    // The late page was the answer: the receiver closes at once.
    await new Promise((r) => setTimeout(r, 50));
    await expect(rawRequest(port, '/signed-out')).rejects.toThrow(/ECONNREFUSED/);
    const again = await startReceiver();
    expect(await again.receiver.waitForSignedOutPage(20, 100)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    await expect(rawRequest(again.port, '/signed-out')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('listens on [::1] for a redirect URI there', async () => {
    if (!(await hasIpv6Loopback())) {
      console.log('NOT CHECKED: no IPv6 loopback here');
      return;
    }
    const port = await freePort();
    receiver = new LoopbackReceiver(`http://[::1]:${port}/callback`);
    await receiver.start();
    const response = await rawRequest(port, '/callback?state=x', { address: '::1', host: `[::1]:${port}` });
    expect(response.status).toBe(400);
    await expect(rawRequest(port, '/callback')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says Cancel in its own words', async () => {
    const { receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    receiver.cancel();
    await expect(waiting).rejects.toThrow('Sign-in was cancelled.');
  });

  it('names the error when it cannot listen for another reason than a port in use', async () => {
    const port = await freePort();
    // An address this machine does not have.
    receiver = new LoopbackReceiver(`http://[::2]:${port}/callback`);
    await expect(receiver.start()).rejects.toMatchObject({
      code: 'internal',
      message: `Could not listen on port ${port}: EADDRNOTAVAIL.`,
      cause: expect.objectContaining({ code: 'EADDRNOTAVAIL' }) as unknown,
    });
  });

  it('leaves no running timer behind, however the wait ends', async () => {
    const refTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = refTimers();
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(60_000);
    const answer = rawRequest(port, '/callback?state=the-state&code=c');
    await waiting;
    // The browser follows the 303 and gets the result page: the grace timer is not needed.
    const completed = receiver.complete(true, 60_000);
    expect((await answer).status).toBe(303);
    expect((await rawRequest(port, '/callback')).status).toBe(200);
    await completed;
    expect(refTimers()).toBe(before);
    const second = await startReceiver();
    const signedOut = second.receiver.waitForSignedOutPage(60_000);
    await rawRequest(second.port, '/signed-out');
    await expect(signedOut).resolves.toBe(true);
    expect(refTimers()).toBe(before);
  });

  it('leaves no exit listener behind', async () => {
    const before = process.listenerCount('exit');
    const { receiver } = await startReceiver();
    expect(process.listenerCount('exit')).toBe(before + 1);
    await receiver.close();
    expect(process.listenerCount('exit')).toBe(before);
  });
});

describe('the loopback pages', () => {
  const pages = {
    signedInPage: [signedInPage(), 'Signed in', 'You can close this tab and return to cognito-desktop.'],
    signInFailedPage: [signInFailedPage(), 'Sign-in did not complete', 'try again'],
    signedOutPage: [signedOutPage(), 'Signed out', 'You can close this tab.'],
    foreignCallbackPage: [
      foreignCallbackPage(),
      'This link does not belong to a sign-in in progress',
      'start again from the app',
    ],
    notFoundPage: [notFoundPage(), 'Not found', 'Nothing is served here.'],
    badRequestPage: [badRequestPage(), 'Bad request', 'not one cognito-desktop serves'],
  } as const;

  it.each(Object.entries(pages))(
    '%s says what happened and loads nothing from outside',
    (_, [html, heading, text]) => {
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(text);
      // The heading, the text, and (on "Signed in" only) the link back: nothing else.
      const main = /<main>(.*)<\/main>/s.exec(html)![1]!;
      expect(main.replace(/<p><a href="cognito-desktop:\/\/open">[^<]*<\/a><\/p>$/, '')).toMatch(
        /^<h1>[^<]+<\/h1><p>[^<]+<\/p>$/,
      );
      expect(html).toMatch(/<title>[^<]+ — cognito-desktop<\/title>/);
      expect(html).toContain('<html lang="en">');
      expect(html).not.toMatch(/src=|<script|https?:/);
      // The one inline style is the one the CSP allows, by hash.
      const style = /<style>(.*)<\/style>/s.exec(html)![1]!;
      expect(style).toContain('prefers-color-scheme:dark');
      const hash = createHash('sha256').update(style).digest('base64');
      expect(LOOPBACK_PAGE_CSP).toBe(
        `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      );
    },
  );

  it('links back to the app only from "Signed in", through its scheme', () => {
    expect(signedInPage()).toContain('<a href="cognito-desktop://open">Return to cognito-desktop</a>');
    for (const html of [signInFailedPage(), signedOutPage(), notFoundPage()])
      expect(html).not.toContain('<a ');
  });
});

describe('an address pasted by the person (the paste route)', () => {
  it('is the answer when it is the registered redirect URI with this attempt’s state, once', async () => {
    const { port, receiver } = await startReceiver();
    const waiting = receiver.waitForCallback(10_000);
    expect(
      receiver.acceptPasted(`  http://127.0.0.1:${port}/callback?code=the-code&state=the-state \n`),
    ).toBe('accepted');
    const callback = await waiting;
    expect(callback.href).toBe(`http://127.0.0.1:${port}/callback?code=the-code&state=the-state`);
    expect(receiver.acceptPasted(`http://127.0.0.1:${port}/callback?code=other&state=the-state`)).toBe(
      'already-answered',
    );
    // No browser waits here for a result page: completing closes at once.
    const started = performance.now();
    await receiver.complete(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses anything else and keeps waiting', async () => {
    const { port, receiver } = await startReceiver();
    const cases: [string, string][] = [
      ['not a url', 'not-a-callback'],
      [`http://localhost:${port}/callback?code=c&state=the-state`, 'not-a-callback'],
      [`https://127.0.0.1:${port}/callback?code=c&state=the-state`, 'not-a-callback'],
      [`http://127.0.0.1:${port + 1}/callback?code=c&state=the-state`, 'not-a-callback'],
      [`http://127.0.0.1:${port}/callback/x?code=c&state=the-state`, 'not-a-callback'],
      [`http://127.0.0.1:${port}/callback?code=c&state=another`, 'other-attempt'],
      [`http://127.0.0.1:${port}/callback?code=c`, 'other-attempt'],
    ];
    for (const [address, verdict] of cases)
      expect([address, receiver.acceptPasted(address)]).toEqual([address, verdict]);
    // The browser's own callback still ends the attempt.
    const { callback } = await sendCallback(port, receiver);
    expect(callback.searchParams.get('code')).toBe('the-code');
    expect(receiver.acceptPasted(`http://127.0.0.1:${port}/callback?code=c&state=the-state`)).toBe(
      'already-answered',
    );
  });

  it('is another attempt’s before any state is expected', async () => {
    const port = await freePort();
    receiver = new LoopbackReceiver(`http://127.0.0.1:${port}/callback`);
    await receiver.start();
    expect(receiver.acceptPasted(`http://127.0.0.1:${port}/callback?code=c&state=x`)).toBe('other-attempt');
  });
});
