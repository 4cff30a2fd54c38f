/** What never reaches a log line: tokens, codes, verifiers, secrets, credentials in headers. */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../../main/core/redaction.ts';

const JWT = 'eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
const JWE = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.a2V5.aXY.Y2lwaGVy.dGFn';

describe('redactSecrets', () => {
  it.each([
    ['a JWT anywhere', `id token ${JWT} here`, `id token ${REDACTED} here`],
    ['a JWE refresh token', `refresh with ${JWE}`, `refresh with ${REDACTED}`],
    ['a bearer header', 'Authorization: Bearer abc.def', `Authorization: ${REDACTED}`],
    ['a basic header in JSON', '{"authorization":"Basic dXNlcjpwYXNz"}', `{"authorization":"${REDACTED}"}`],
    ['a proxy header', 'proxy-authorization: Basic dXNlcjpw', `proxy-authorization: ${REDACTED}`],
    ['a callback code and state', '/callback?code=4b1e&state=xyz', `/callback?code=${REDACTED}&state=xyz`],
    [
      'a form body',
      'grant_type=authorization_code&code_verifier=short&client_secret=s3',
      `grant_type=authorization_code&code_verifier=${REDACTED}&client_secret=${REDACTED}`,
    ],
    [
      'camelCase JSON fields',
      '{"refreshToken":"opaque1","accessKeyId":"ASIAXYZ"}',
      `{"refreshToken":"${REDACTED}","accessKeyId":"ASIAXYZ"}`,
    ],
    ['an opaque token of 32+ characters', 'got 0123456789abcdefghijABCDEFGHIJ_-xyz ok', `got ${REDACTED} ok`],
    ['a UUID (Cognito’s codes are UUIDs)', 'code 3f2a8c1e-1b2c-4d5e-8f90-123456789abc', `code ${REDACTED}`],
    [
      'a proxy’s user name and password in its URL',
      'through http://jdoe:Winter2026!@proxy.corp:3128 failed',
      `through http://${REDACTED}@proxy.corp:3128 failed`,
    ],
    ['a token as a URL’s user name', 'https://ghp_abc123@git.example/x', `https://${REDACTED}@git.example/x`],
    [
      'an AWS secret access key, slashes and all',
      'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY issued',
      `key ${REDACTED} issued`,
    ],
    [
      'an AWS secret access key with a plus',
      'SecretKey: je7MtGbClwBF/2Zp9Utk+h3yCo8nvbEXAMPLEKEY',
      `SecretKey: ${REDACTED}`,
    ],
  ])('removes %s', (_name, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('removes values the caller knows are secret, whatever their shape', () => {
    expect(redactSecrets('secret is hunter2!x', ['hunter2!x', undefined, 'ab'])).toBe(
      `secret is ${REDACTED}`,
    );
  });

  it('keeps what support needs: URLs, paths, error codes, short ids', () => {
    const kept = [
      'GET https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/openid-configuration → 200',
      'network: ECONNREFUSED 127.0.0.1:47621',
      '/home/alice/.config/cognito-desktop/logs/main.log',
      'invalid_grant: refresh token expired',
      'grant_type=refresh_token',
    ];
    for (const line of kept) expect(redactSecrets(line)).toBe(line);
  });

  it.each([
    'code',
    'code_verifier',
    'refresh_token',
    'access_token',
    'id_token',
    'id_token_hint',
    'client_secret',
    'client_assertion',
    'password',
    'token',
    'secret',
    'session_token',
    'secret_access_key',
    'secretkey',
  ])('removes a short %s value in a query, a form, JSON, and however it is cased', (name) => {
    expect(redactSecrets(`/x?${name}=ab1&${name}=cd2`)).toBe(`/x?${name}=${REDACTED}&${name}=${REDACTED}`);
    expect(redactSecrets(`a=1 ${name.toUpperCase()}=ab1`)).toBe(`a=1 ${name.toUpperCase()}=${REDACTED}`);
    expect(redactSecrets(`{"${name}": "ab1"}`)).toBe(`{"${name}": "${REDACTED}"}`);
    const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    expect(redactSecrets(`${camel}=ab1`)).toBe(`${camel}=${REDACTED}`);
  });

  it('takes known secrets from 4 characters on, every occurrence', () => {
    expect(redactSecrets('abcd and abcd', ['abcd'])).toBe(`${REDACTED} and ${REDACTED}`);
    expect(redactSecrets('abc', ['abc'])).toBe('abc');
    expect(redactSecrets('nothing known')).toBe('nothing known');
  });

  it.each([
    ['lower case only', 'home/alice/projects/cognito/desktop/main'],
    ['upper and lower case, no digit', 'Home/Alice/Projects/Cognito/Desktop/Main'],
    ['lower case and digits', 'home/alice/projects2/cognito/desktop/mai'],
    ['upper case and digits', 'HOME2/ALICE/PROJECTS/COGNITO/DESKTOP/MAI'],
  ])('keeps a path of 40 characters made of words (%s): only a random mix is an AWS key', (_name, path) => {
    expect(path).toHaveLength(40);
    expect(redactSecrets(`at ${path} now`)).toBe(`at ${path} now`);
  });

  it('takes a slash-separated run for a path only with a word between two slashes and no + or =', () => {
    expect(redactSecrets('abcdefghijklmnopqrst/uvwxyzABCDEFGHIJ')).toBe(REDACTED);
    expect(redactSecrets('abc/defgh/ijklmnopq+rstuvwxyz0123456')).toBe(REDACTED);
  });

  it('keeps a long path only when it is made of short words', () => {
    const word = 'x'.repeat(32);
    // A run of path-like text with a long word in it goes whole: the word may be a token.
    expect(redactSecrets(`see /usr/lib/${word}/bin`)).toBe(`see ${REDACTED}`);
    expect(redactSecrets('/a/b+c/ddddddddddddddddddddddddddddddddd')).toContain(REDACTED);
    expect(redactSecrets('abcdefghijklmnopqrstuvwxyz0123456789')).toBe(REDACTED);
    expect(redactSecrets('Authorization  :  Bearer x')).toBe(`Authorization  :  ${REDACTED}`);
    expect(redactSecrets("headers {'Authorization': 'Basic dXNlcjpw'}")).toBe(
      `headers {'Authorization': '${REDACTED}'}`,
    );
  });
});
