import { describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { AuthError, OPENID_ERROR_CODES, toAuthError, type AuthErrorCode } from '../../../main/core/errors.ts';

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
