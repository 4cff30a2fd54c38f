/** The API call against a local server: what is sent, and what comes back to be shown. */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_BODY_LIMIT, blankTokens, callApi } from '../../../../main/core/session/api-call.ts';
import { closeServer, listen } from '../../../../main/core/loopback/http-server.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl';
let base: string;
const server = createServer((req, res) => {
  if (req.url === '/echo') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ authorization: req.headers.authorization, accept: req.headers.accept }));
  } else if (req.url === '/text') {
    res.writeHead(418, 'I am a teapot', { 'content-type': 'text/plain' });
    res.end('short and stout');
  } else {
    res.writeHead(200);
    res.end('x'.repeat(API_BODY_LIMIT + 10));
  }
});

beforeAll(async () => {
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(() => closeServer(server));

describe('callApi', () => {
  it('sends the token as a bearer token, shows JSON pretty, and blanks the session’s tokens out of it', async () => {
    const answer = await callApi(`${base}/echo`, TOKEN, [TOKEN], fetch);
    expect(answer).toMatchObject({ url: `${base}/echo`, status: 200, statusText: 'OK', truncated: false });
    expect(answer.body).toBe(
      JSON.stringify(
        {
          authorization: 'Bearer [a token of yours]',
          accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
        },
        null,
        2,
      ),
    );
    expect(answer.ms).toBeGreaterThanOrEqual(0);
  });

  it('shows text as it came, with the status, and cuts a long body', async () => {
    expect(await callApi(`${base}/text`, TOKEN, [], fetch)).toMatchObject({
      status: 418,
      statusText: 'I am a teapot',
      body: 'short and stout',
      truncated: false,
    });
    const long = await callApi(`${base}/long`, TOKEN, [], fetch);
    expect(long.body).toHaveLength(API_BODY_LIMIT);
    expect(long.truncated).toBe(true);
  });

  it('says which API could not be reached, and what to check', async () => {
    await expect(callApi('http://127.0.0.1:9/x', TOKEN, [], fetch)).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(
        /^Could not reach the API at 127\.0\.0\.1:9: .*Check the API URL setting/,
      ) as string,
    });
    const cause = new TypeError('fetch failed');
    await expect(
      callApi('https://api.example/', TOKEN, [], () => Promise.reject(cause)),
    ).rejects.toMatchObject({
      cause,
    });
  });

  it('times the call in milliseconds, cuts only a body longer than the limit, blanks tokens of 16 characters on', async () => {
    const exact = await callApi('https://api.example/', TOKEN, [], () =>
      Promise.resolve(new Response('y'.repeat(API_BODY_LIMIT))),
    );
    expect(exact.truncated).toBe(false);
    expect(exact.ms).toBeGreaterThanOrEqual(0);
    expect(exact.ms).toBeLessThan(60_000);
    const sixteen = 'abcdefghijklmnop';
    expect(blankTokens(`x ${sixteen} y`, [sixteen, 'short'])).toBe('x [a token of yours] y');
    expect(blankTokens('x short y', ['short'])).toBe('x short y');
  });
});

describe('callApi and redirects', () => {
  /** What the other origin saw: the Authorization header of each request, if any. */
  const seenElsewhere: (string | undefined)[] = [];
  const elsewhere = createServer((req, res) => {
    seenElsewhere.push(req.headers.authorization);
    res.end('{"stolen":true}');
  });
  let elsewhereBase: string;
  const redirecting = createServer((req, res) => {
    if (req.url === '/moved') res.writeHead(302, { location: `${elsewhereBase}/collect?x=1` });
    else if (req.url === '/moved-here') res.writeHead(307, { location: '/echo-here' });
    else if (req.url === '/loop') {
      loops += 1;
      res.writeHead(302, { location: '/loop' });
    } else if (req.url === '/no-location') res.writeHead(302);
    else res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization }));
  });
  let redirectingBase: string;
  let loops = 0;

  beforeAll(async () => {
    elsewhereBase = `http://127.0.0.1:${await listen(elsewhere, 0, '127.0.0.1')}`;
    redirectingBase = `http://127.0.0.1:${await listen(redirecting, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await closeServer(elsewhere);
    await closeServer(redirecting);
  });

  it('never carries the token to another origin: it says where the API redirected instead', async () => {
    await expect(callApi(`${redirectingBase}/moved`, TOKEN, [TOKEN], fetch)).rejects.toMatchObject({
      code: 'invalid_settings',
      setting: 'apiUrl',
      message: expect.stringContaining(
        `redirected the call to ${elsewhereBase}/collect. Your token was not sent there`,
      ) as string,
    });
    expect(seenElsewhere).toEqual([]);
  });

  it('follows a redirect within the API’s own origin, and stops a loop', async () => {
    const answer = await callApi(`${redirectingBase}/moved-here`, TOKEN, [TOKEN], fetch);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      path: '/echo-here',
      authorization: 'Bearer [a token of yours]',
    });
    expect(await callApi(`${redirectingBase}/loop`, TOKEN, [], fetch)).toMatchObject({ status: 302 });
    // The call and five redirects, then the redirect is the answer.
    expect(loops).toBe(6);
  });

  it('shows a redirect without a Location as the answer it is', async () => {
    expect(await callApi(`${redirectingBase}/no-location`, TOKEN, [], fetch)).toMatchObject({ status: 302 });
  });

  it('follows a bodiless same-origin redirect too', async () => {
    const answers = [
      new Response(null, { status: 307, headers: { location: '/next' } }),
      new Response('{"ok":true}', { status: 200 }),
    ];
    const seen: string[] = [];
    const answer = await callApi('https://api.example/start', TOKEN, [], (url) => {
      seen.push(url);
      return Promise.resolve(answers.shift()!);
    });
    expect(seen).toEqual(['https://api.example/start', 'https://api.example/next']);
    expect(answer.status).toBe(200);
  });
});
