import { describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import {
  AuthError,
  OPENID_ERROR_CODES,
  isAuthError,
  toAuthError,
  type AuthErrorCode,
} from '../../../main/core/errors.ts';

function responseBodyError(status: number, error: string): oidc.ResponseBodyError {
  const response = new Response(JSON.stringify({ error }), { status });
  return new oidc.ResponseBodyError('server responded with an error in the response body', {
    cause: { error, error_description: 'the description' },
    response,
  });
}

function clientError(code: string, message: string, cause?: unknown): oidc.ClientError {
  return new oidc.ClientError(message, { code, cause } as never);
}

const SECRET = 'super-secret-refresh-token-value';

describe('toAuthError', () => {
  it.each<[string, unknown, AuthErrorCode, string | undefined]>([
    [
      'an AuthError as is',
      new AuthError('timeout', 'The browser did not come back in time.'),
      'timeout',
      undefined,
    ],
    [
      'access_denied at the provider (the user pressed Cancel)',
      new oidc.AuthorizationResponseError('authorization response from the server is an error', {
        cause: new URLSearchParams({ error: 'access_denied' }),
      }),
      'cancelled',
      'access_denied',
    ],
    [
      'another callback error',
      new oidc.AuthorizationResponseError('x', { cause: new URLSearchParams({ error: 'invalid_scope' }) }),
      'provider_rejected',
      'invalid_scope',
    ],
    [
      'invalid_grant from the token endpoint',
      responseBodyError(400, 'invalid_grant'),
      'provider_rejected',
      'invalid_grant',
    ],
    ['invalid_client', responseBodyError(401, 'invalid_client'), 'provider_rejected', 'invalid_client'],
    ['a 503 with an OAuth body', responseBodyError(503, 'server_error'), 'network', undefined],
    ['openid-client time-out', clientError('OAUTH_TIMEOUT', 'timed out'), 'network', undefined],
    [
      'a 502 without an OAuth body',
      clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 502 })),
      'network',
      undefined,
    ],
    [
      'a 404 where JSON was expected',
      clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 404 })),
      'provider_rejected',
      undefined,
    ],
    [
      'a bad ID token',
      clientError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'unexpected JWT "aud" (audience) claim value'),
      'provider_rejected',
      'invalid_id_token',
    ],
    [
      'fetch failed: refused',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'network',
      undefined,
    ],
    ['an abort time-out', new DOMException('timed out', 'TimeoutError'), 'network', undefined],
    ['anything else', new RangeError(SECRET), 'internal', undefined],
  ])('maps %s', (_name, error, code, providerError) => {
    const mapped = toAuthError(error);
    expect(mapped).toBeInstanceOf(AuthError);
    expect(mapped.code).toBe(code);
    expect(mapped.providerError).toBe(providerError);
    expect(mapped.message.length).toBeGreaterThan(10);
    expect(mapped.message).not.toContain(SECRET);
  });

  it('says what to do for common provider errors', () => {
    expect(toAuthError(responseBodyError(401, 'invalid_client')).message).toMatch(/client id or secret/);
    expect(toAuthError(responseBodyError(400, 'invalid_grant')).message).toMatch(/Sign in again/);
  });
});

describe('OPENID_ERROR_CODES', () => {
  it('are the codes openid-client and oauth4webapi put on their errors', async () => {
    const oauth = await import('oauth4webapi');
    expect(OPENID_ERROR_CODES).toEqual({
      authorizationResponse: oauth.AUTHORIZATION_RESPONSE_ERROR,
      responseBody: oauth.RESPONSE_BODY_ERROR,
      wwwAuthenticateChallenge: oauth.WWW_AUTHENTICATE_CHALLENGE,
      invalidResponse: oauth.INVALID_RESPONSE,
      jwtTimestampCheck: oauth.JWT_TIMESTAMP_CHECK,
      jwtClaimComparison: oauth.JWT_CLAIM_COMPARISON,
      jsonAttributeComparison: oauth.JSON_ATTRIBUTE_COMPARISON,
      timeout: 'OAUTH_TIMEOUT',
    });
    // openid-client's own time-out code, from a real time-out.
    const slow = async (): Promise<Response> => {
      await new Promise((r) => setTimeout(r, 200));
      throw new DOMException('timed out', 'TimeoutError');
    };
    const failure = await oidc
      .discovery(new URL('https://idp.example'), 'c', undefined, undefined, {
        [oidc.customFetch]: slow,
        timeout: 1,
      })
      .catch((e: unknown) => e);
    expect((failure as { code?: string }).code).toBe(OPENID_ERROR_CODES.timeout);
  });
});

/** openid-client's error for a 401 with a WWW-Authenticate challenge. */
function challengeError(status: number, parameters: Record<string, string>): Error {
  return Object.assign(new Error('server responded with a challenge'), {
    code: OPENID_ERROR_CODES.wwwAuthenticateChallenge,
    status,
    cause: [{ scheme: 'bearer', parameters }],
  });
}

describe('the messages users read', () => {
  // Each says what happened and what to do: a change to one is a change to what users are told.
  it.each<[string, unknown, string]>([
    [
      'access_denied',
      new oidc.AuthorizationResponseError('x', { cause: new URLSearchParams({ error: 'access_denied' }) }),
      'Sign-in was cancelled in the browser.',
    ],
    [
      'a callback error with a description',
      new oidc.AuthorizationResponseError('x', {
        cause: new URLSearchParams({ error: 'invalid_scope', error_description: 'scope x is not allowed' }),
      }),
      'The provider refused: invalid_scope (scope x is not allowed). The provider refused a scope. Check the scopes setting against the app client’s allowed scopes.',
    ],
    [
      'a callback error without a code',
      new oidc.AuthorizationResponseError('x', { cause: new URLSearchParams({}) }),
      'The provider refused: unknown_error. Check the app client settings in your provider.',
    ],
    [
      'unauthorized_client',
      responseBodyError(400, 'unauthorized_client'),
      'The provider refused: unauthorized_client (the description). This app client may not use the authorization code flow. Enable it in the app client settings.',
    ],
    [
      'redirect_mismatch',
      responseBodyError(400, 'redirect_mismatch'),
      'The provider refused: redirect_mismatch (the description). The callback URL is not registered. Register the exact callback URL (the redirectUri setting) with the provider.',
    ],
    [
      'server_error in a 400',
      responseBodyError(400, 'server_error'),
      'The provider refused: server_error (the description). The provider had an internal error. Try again in a moment.',
    ],
    [
      'temporarily_unavailable in a 400',
      responseBodyError(400, 'temporarily_unavailable'),
      'The provider refused: temporarily_unavailable (the description). The provider is temporarily unavailable. Try again in a moment.',
    ],
    [
      'a 500 with an OAuth body',
      responseBodyError(500, 'server_error'),
      'The provider is having trouble (HTTP 500). Try again in a few minutes.',
    ],
    [
      'a 401 challenge naming invalid_client',
      challengeError(401, { error: 'invalid_client', error_description: 'bad secret' }),
      'The provider refused: invalid_client (bad secret). The provider did not accept the client id or secret. Check both in the settings (a client with a secret needs it stored; a public client must have none).',
    ],
    [
      'a 401 challenge without parameters',
      challengeError(401, {}),
      'The provider refused: invalid_client. The provider did not accept the client id or secret. Check both in the settings (a client with a secret needs it stored; a public client must have none).',
    ],
    [
      'a 503 challenge',
      challengeError(503, {}),
      'The provider is having trouble (HTTP 503). Try again in a few minutes.',
    ],
    [
      'an openid-client time-out',
      clientError('OAUTH_TIMEOUT', 'timed out'),
      'Could not reach the provider: it did not answer in time. Check your internet connection, then try again.',
    ],
    [
      'a 404 where JSON was expected',
      clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 404 })),
      'The provider answered HTTP 404 where an OpenID Connect answer was expected. Check the discovery URL.',
    ],
    [
      'a state mismatch',
      clientError(OPENID_ERROR_CODES.invalidResponse, 'unexpected "state" response parameter value'),
      'The browser returned a sign-in that this app did not start. Try again.',
    ],
    [
      'an expired ID token (a timestamp check)',
      clientError(OPENID_ERROR_CODES.jwtTimestampCheck, 'unexpected timestamp'),
      "The provider's ID token failed validation (unexpected timestamp). Check the client id and your computer's clock.",
    ],
    [
      'a wrong nonce (named in the message only)',
      clientError(OPENID_ERROR_CODES.jsonAttributeComparison, 'unexpected ID Token "nonce" claim value'),
      'The provider\'s ID token failed validation (unexpected ID Token "nonce" claim value). Check the client id and your computer\'s clock.',
    ],
    [
      'an ID-token problem named by the cause',
      clientError(OPENID_ERROR_CODES.invalidResponse, 'invalid response', new Error('JWS signature invalid')),
      "The provider's ID token failed validation (invalid response). Check the client id and your computer's clock.",
    ],
    [
      'another invalid answer',
      clientError(OPENID_ERROR_CODES.invalidResponse, 'unexpected "token_type" value'),
      'The provider\'s answer was not valid: unexpected "token_type" value.',
    ],
    [
      'a refused connection',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'Could not reach the provider: nothing answers (connection refused). Check that the provider is running and that the port in the discovery URL is right.',
    ],
    [
      'a refused connection to a known address',
      Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 },
      }),
      'Could not reach the provider: nothing answers at 127.0.0.1:9 (connection refused). Check that the provider is running and that the port in the discovery URL is right.',
    ],
    [
      'an unknown host',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }),
      'Could not reach the provider: its host name was not found. Check the discovery URL’s host name for typos, and your network or VPN.',
    ],
    [
      'another network failure',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      'Could not reach the provider: the request failed. Check your internet connection, then try again.',
    ],
    [
      'a network failure named by its cause',
      new TypeError('request error', { cause: new Error('getaddrinfo ENOTFOUND idp.example') }),
      'Could not reach the provider: the request failed. Check your internet connection, then try again.',
    ],
    [
      'an aborted request',
      new DOMException('aborted', 'AbortError'),
      'Could not reach the provider: it did not answer in time. Check your internet connection, then try again.',
    ],
    [
      'a TypeError that is not about the network',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      'Something unexpected went wrong. Try again; if it keeps happening, report it.',
    ],
    [
      'a DOMException that is not a time-out',
      new DOMException('bad', 'DataError'),
      'Something unexpected went wrong. Try again; if it keeps happening, report it.',
    ],
    [
      'an error named ClientError without a code',
      Object.assign(new Error('unexpected answer'), { name: 'ClientError' }),
      "The provider's answer was not valid: unexpected answer.",
    ],
  ])('for %s', (_name, error, message) => {
    expect(toAuthError(error).message).toBe(message);
  });

  it('keeps provider text short and printable', () => {
    const long = 'x'.repeat(300);
    const clipped = toAuthError(responseBodyError(400, 'invalid_request')).message;
    expect(clipped).toContain('(the description)');
    const error = new oidc.AuthorizationResponseError('x', {
      cause: new URLSearchParams({ error: 'invalid_request', error_description: `\u0007bell\n${long}` }),
    });
    const message = toAuthError(error).message;
    expect(message).toContain(`(bell ${'x'.repeat(195)}…)`);
    expect(message).not.toContain('\u0007');
    const blank = new oidc.AuthorizationResponseError('x', {
      cause: new URLSearchParams({ error: 'invalid_request', error_description: ' \n ' }),
    });
    expect(toAuthError(blank).message).toBe(
      'The provider refused: invalid_request. Check the app client settings in your provider.',
    );
  });

  it('keeps the cause, the provider error and the setting; tells codes apart', () => {
    const cause = new Error('below');
    const error = new AuthError('invalid_settings', 'm', { cause, setting: 'clientId', providerError: 'p' });
    expect(error).toMatchObject({
      name: 'AuthError',
      code: 'invalid_settings',
      setting: 'clientId',
      providerError: 'p',
    });
    expect(error.cause).toBe(cause);
    expect(new AuthError('internal', 'm')).not.toHaveProperty('cause');
    expect(new AuthError('internal', 'm').setting).toBeUndefined();
    expect(new AuthError('internal', 'm').providerError).toBeUndefined();
    expect(isAuthError(error)).toBe(true);
    expect(isAuthError(error, 'invalid_settings')).toBe(true);
    expect(isAuthError(error, 'timeout')).toBe(false);
    expect(isAuthError(new Error('m'))).toBe(false);
    const mapped = toAuthError(responseBodyError(400, 'invalid_grant'));
    expect(mapped.cause).toBeInstanceOf(oidc.ResponseBodyError);
  });
});

describe('the edges of the mapping', () => {
  it('clips provider text at 200 characters exactly', () => {
    const withDescription = (text: string): string =>
      toAuthError(
        new oidc.AuthorizationResponseError('x', {
          cause: new URLSearchParams({ error: 'invalid_request', error_description: text }),
        }),
      ).message;
    expect(withDescription('y'.repeat(200))).toContain(`(${'y'.repeat(200)})`);
    expect(withDescription('y'.repeat(201))).toContain(`(${'y'.repeat(200)}…)`);
  });

  it('takes HTTP 500 as an outage, 499 as a refusal', () => {
    expect(toAuthError(responseBodyError(500, 'server_error')).code).toBe('network');
    expect(toAuthError(responseBodyError(499, 'invalid_request')).code).toBe('provider_rejected');
    expect(
      toAuthError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 500 })))
        .message,
    ).toBe('The provider is having trouble (HTTP 500). Try again in a few minutes.');
    expect(
      toAuthError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 499 }))).code,
    ).toBe('provider_rejected');
  });

  it('reads the answer of any fetch (undici’s Response is not the global one): 5xx is trouble, an HTML page is in the way', async () => {
    const { Response: UndiciResponse } = await import('undici');
    const page = (status: number, type = 'text/html; charset=utf-8') =>
      toAuthError(
        clientError(
          'OAUTH_RESPONSE_IS_NOT_CONFORM',
          'x',
          new UndiciResponse('<html></html>', { status, headers: { 'content-type': type } }),
        ),
      );
    expect(page(503)).toMatchObject({
      code: 'network',
      message: 'The provider is having trouble (HTTP 503). Try again in a few minutes.',
    });
    expect(page(200)).toMatchObject({
      code: 'network',
      message: expect.stringContaining('answered with a web page (HTTP 200)') as string,
    });
    expect(page(299).code).toBe('network');
    // A page that is not HTML, or HTML at a wrong address, is not "in the way".
    expect(page(200, 'application/xml')).toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('not valid') as string,
    });
    expect(page(404)).toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('HTTP 404') as string,
    });
    expect(page(300).message).toContain('HTTP 300');
  });

  it('reads a status only from an answer that has headers too (a cause shaped otherwise is no answer)', () => {
    const odd = toAuthError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', { status: 503 }));
    expect(odd).toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('not valid') as string,
    });
    expect(toAuthError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', undefined)).code).toBe(
      'provider_rejected',
    );
  });

  it('reads a challenge without parameters, or no challenge at all, as invalid_client', () => {
    const bare = Object.assign(new Error('challenge'), {
      code: OPENID_ERROR_CODES.wwwAuthenticateChallenge,
      status: 401,
      cause: [{ scheme: 'basic' }],
    });
    expect(toAuthError(bare).providerError).toBe('invalid_client');
    const none = Object.assign(new Error('challenge'), {
      code: OPENID_ERROR_CODES.wwwAuthenticateChallenge,
      status: 401,
    });
    expect(toAuthError(none).providerError).toBe('invalid_client');
  });

  it('keeps the original error as the cause, whatever the mapping', () => {
    for (const error of [
      clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', 'x', new Response('', { status: 404 })),
      clientError(OPENID_ERROR_CODES.invalidResponse, 'unexpected "state" response parameter value'),
      clientError(OPENID_ERROR_CODES.invalidResponse, 'unexpected "token_type" value'),
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
    ]) {
      expect(toAuthError(error).cause).toBe(error);
    }
    expect(toAuthError(clientError(OPENID_ERROR_CODES.invalidResponse, 'unexpected "state"')).code).toBe(
      'state_mismatch',
    );
    expect(toAuthError(clientError('OAUTH_SOMETHING_ELSE', 'unexpected "state"')).code).toBe(
      'provider_rejected',
    );
    expect(toAuthError(clientError('OAUTH_JWS_INVALID', 'bad token')).providerError).toBe('invalid_id_token');
  });
});
