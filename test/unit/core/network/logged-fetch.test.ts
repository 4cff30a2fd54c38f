/** Provider requests in the debug log: method, URL, body, Authorization and status, before redaction. */
import { describe, expect, it } from 'vitest';
import { loggedFetch } from '../../../../main/core/network/logged-fetch.ts';
import type { Fetch } from '../../../../main/core/network/network.ts';

const answer: Fetch = () => Promise.resolve(new Response('{}', { status: 201 }));

describe('loggedFetch', () => {
  it('is the fetch itself when the logger has no debug level', () => {
    expect(loggedFetch(answer, { info: () => undefined, warn: () => undefined })).toBe(answer);
  });

  it('logs method, URL, form body, the Authorization header in any form, and the status', async () => {
    const lines: string[] = [];
    const fetch = loggedFetch(answer, {
      info: () => undefined,
      warn: () => undefined,
      debug: (m) => lines.push(m),
    });
    await fetch('https://idp.example/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token' }),
      headers: new Headers({ Authorization: 'Basic abc' }),
    });
    await fetch('https://idp.example/userinfo', { headers: { authorization: 'Bearer t' } });
    await fetch('https://idp.example/a', { headers: [['X-Other', '1']], body: 'x=1', method: 'PUT' });
    await fetch('https://idp.example/jwks');
    expect(lines.map((l) => l.replace(/\(\d+ ms\)/, '(n ms)'))).toEqual([
      'POST https://idp.example/token grant_type=refresh_token (authorization: Basic abc) → 201 (n ms)',
      'GET https://idp.example/userinfo (authorization: Bearer t) → 201 (n ms)',
      'PUT https://idp.example/a x=1 → 201 (n ms)',
      'GET https://idp.example/jwks → 201 (n ms)',
    ]);
  });

  it('logs a failed request and passes the failure on', async () => {
    const lines: string[] = [];
    const failing: Fetch = () => Promise.reject(new Error('ECONNREFUSED'));
    const fetch = loggedFetch(failing, {
      info: () => undefined,
      warn: () => undefined,
      debug: (m) => lines.push(m),
    });
    await expect(fetch('https://idp.example/x')).rejects.toThrow('ECONNREFUSED');
    await expect(
      // A rejection that is not an Error (some fetch stand-ins reject with text).
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      loggedFetch(() => Promise.reject('down'), {
        info: () => undefined,
        warn: () => undefined,
        debug: (m) => lines.push(m),
      })('https://idp.example/y'),
    ).rejects.toBe('down');
    expect(lines).toEqual([
      'GET https://idp.example/x → failed: ECONNREFUSED',
      'GET https://idp.example/y → failed: down',
    ]);
  });
});
