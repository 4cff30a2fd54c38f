/**
 * The app's fetch over a stand-in for Electron's `net.request`: what it sends, the Response it
 * builds, and how it answers a proxy's sign-in (and only a proxy's).
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ClientRequest, ClientRequestConstructorOptions, Session } from 'electron';
import { netRequestFetch, type ProxyLogin } from '../../../main/shell/net-request-fetch.ts';

/** A ClientRequest that records what it was given; the test plays the network. */
class StandInRequest extends EventEmitter {
  readonly headers: Record<string, string> = {};
  readonly written: string[] = [];
  ended = false;
  aborted = false;
  constructor(readonly options: ClientRequestConstructorOptions) {
    super();
  }
  setHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }
  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
  write(chunk: string | Buffer): void {
    this.written.push(String(chunk));
  }
  end(): void {
    this.ended = true;
  }
  abort(): void {
    this.aborted = true;
  }
  /** The network answers. */
  respond(statusCode: number, headers: Record<string, string | string[]>, body = ''): void {
    const message = Object.assign(new EventEmitter(), { statusCode, statusMessage: 'OK', headers });
    this.emit('response', message);
    if (body) message.emit('data', Buffer.from(body));
    message.emit('end');
  }
}

function standIn(proxyLogin: ProxyLogin = () => Promise.resolve(undefined)) {
  const requests: StandInRequest[] = [];
  const fetch = netRequestFetch(
    (options) => {
      const request = new StandInRequest(options);
      requests.push(request);
      return request as unknown as ClientRequest;
    },
    { id: 'session' } as unknown as Session,
    proxyLogin,
  );
  return { fetch, requests };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('netRequestFetch', () => {
  it('sends method, headers and a form body through the session, and reads the answer as a Response', async () => {
    const { fetch, requests } = standIn();
    const pending = fetch('https://idp.example/token', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'r' }),
    });
    const request = requests[0]!;
    expect(request.options).toMatchObject({
      url: 'https://idp.example/token',
      method: 'POST',
      redirect: 'follow',
      bypassCustomProtocolHandlers: true,
      session: { id: 'session' },
    });
    expect(request.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    });
    expect(request.written).toEqual(['grant_type=refresh_token&refresh_token=r']);
    expect(request.ended).toBe(true);
    request.respond(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }, '{"ok":true}');
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers a proxy’s sign-in with the credentials it gets, counting the attempts; cancels when there are none', async () => {
    const challenges: unknown[] = [];
    const answers = [
      { username: 'alice', password: 'wrong' },
      { username: 'alice', password: 'right' },
      undefined,
    ];
    const { fetch, requests } = standIn((challenge) => {
      challenges.push(challenge);
      return Promise.resolve(answers.shift());
    });
    const pending = fetch('https://idp.example/.well-known/openid-configuration');
    const given: unknown[][] = [];
    const callback = (...args: unknown[]) => given.push(args);
    const authInfo = { isProxy: true, scheme: 'basic', host: 'proxy.corp', port: 3128, realm: 'Corp' };
    for (let i = 0; i < 3; i++) {
      requests[0]!.emit('login', authInfo, callback);
      await tick();
    }
    expect(challenges).toEqual([
      { host: 'proxy.corp', port: 3128, realm: 'Corp', attempt: 1 },
      { host: 'proxy.corp', port: 3128, realm: 'Corp', attempt: 2 },
      { host: 'proxy.corp', port: 3128, realm: 'Corp', attempt: 3 },
    ]);
    expect(given).toEqual([['alice', 'wrong'], ['alice', 'right'], []]);
    requests[0]!.respond(200, {}, '{}');
    await pending;
  });

  it('never answers a server’s own sign-in (HTTP 401): only a proxy gets credentials', async () => {
    const asked: unknown[] = [];
    const { fetch, requests } = standIn(
      (c) => (asked.push(c), Promise.resolve({ username: 'u', password: 'p' })),
    );
    const pending = fetch('https://idp.example/userinfo');
    const given: unknown[][] = [];
    requests[0]!.emit(
      'login',
      { isProxy: false, host: 'idp.example', port: 443, realm: 'x', scheme: 'basic' },
      (...a: unknown[]) => given.push(a),
    );
    expect(given).toEqual([[]]);
    expect(asked).toEqual([]);
    requests[0]!.respond(401, {}, '');
    expect((await pending).status).toBe(401);
  });

  it('returns a manual redirect as the answer; rejects on a network error and on abort', async () => {
    const { fetch, requests } = standIn();
    const redirected = fetch('https://idp.example/a', { redirect: 'manual' });
    requests[0]!.emit('redirect', 302, 'GET', 'https://idp.example/b', {});
    const response = await redirected;
    expect([response.status, response.headers.get('location')]).toEqual([302, 'https://idp.example/b']);
    expect(requests[0]!.aborted).toBe(true);

    const failing = fetch('https://idp.example/c');
    requests[1]!.emit('error', new Error('net::ERR_PROXY_CONNECTION_FAILED'));
    await expect(failing).rejects.toThrow('net::ERR_PROXY_CONNECTION_FAILED');

    const controller = new AbortController();
    const slow = fetch('https://idp.example/d', { signal: controller.signal });
    controller.abort(new Error('timed out'));
    await expect(slow).rejects.toThrow('timed out');
    expect(requests[2]!.aborted).toBe(true);
    await expect(fetch('https://idp.example/e', { signal: controller.signal })).rejects.toThrow('timed out');
    expect(requests).toHaveLength(3);
  });

  it('gives a null body to a 204, and refuses a body it cannot send', async () => {
    const { fetch, requests } = standIn();
    const empty = fetch('https://idp.example/revoke', { method: 'POST', body: 'token=x' });
    requests[0]!.respond(204, {});
    expect((await empty).body).toBeNull();
    await expect(fetch('https://idp.example/x', { method: 'POST', body: new Blob(['x']) })).rejects.toThrow(
      /text, a form or bytes/,
    );
  });
});
