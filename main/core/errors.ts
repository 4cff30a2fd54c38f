/**
 * The app's own error type. Every failure that leaves the core is an {@link AuthError} with a
 * {@link AuthErrorCode} the UI and the CLI branch on, and a message a user can act on. Errors of
 * lower layers (openid-client, Node's fetch, keytar) are mapped here, once.
 *
 * Messages never carry tokens, codes, verifiers or the client secret.
 */
import { msg, t } from './i18n.ts';

/**
 * The error codes openid-client (and oauth4webapi under it) put on its errors. Errors are matched
 * by these codes, not by class: the core then need not load openid-client for commands that never
 * talk to the provider (a test checks the values against the library's own exports).
 */
export const OPENID_ERROR_CODES = {
  authorizationResponse: 'OAUTH_AUTHORIZATION_RESPONSE_ERROR',
  responseBody: 'OAUTH_RESPONSE_BODY_ERROR',
  wwwAuthenticateChallenge: 'OAUTH_WWW_AUTHENTICATE_CHALLENGE',
  invalidResponse: 'OAUTH_INVALID_RESPONSE',
  jwtTimestampCheck: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  jwtClaimComparison: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  jsonAttributeComparison: 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  timeout: 'OAUTH_TIMEOUT',
} as const;

/** The fields of openid-client's errors the mapping reads. */
interface OpenIdError extends Error {
  code?: string;
  error?: string;
  error_description?: string;
  status?: number;
}

function isOpenIdError(error: unknown): error is OpenIdError {
  return (
    error instanceof Error &&
    (error.name === 'ClientError' ||
      Object.values(OPENID_ERROR_CODES).includes((error as OpenIdError).code as never))
  );
}

/** What went wrong, as the UI and the CLI's exit codes see it. */
export type AuthErrorCode =
  | 'cancelled'
  | 'timeout'
  | 'port_in_use'
  | 'network'
  | 'proxy_unreachable'
  | 'proxy_auth'
  | 'tls_untrusted'
  | 'provider_rejected'
  | 'state_mismatch'
  | 'invalid_settings'
  | 'keychain_unavailable'
  | 'keychain_locked'
  | 'session_busy'
  | 'not_signed_in'
  | 'internal';

export interface AuthErrorOptions {
  cause?: unknown;
  /** The OAuth `error` the provider returned, e.g. `invalid_grant`. */
  providerError?: string;
  /** The setting at fault, for `invalid_settings`. */
  setting?: string;
  /** For `network`: what failed, so advice can fit the cause. */
  reason?: NetworkReason;
}

/** Why the provider could not be reached: each has its own advice. */
export type NetworkReason = 'refused' | 'dns' | 'timeout' | 'trouble' | 'web-page' | 'other';

const NETWORK_ADVICE: Record<NetworkReason, string> = {
  refused: msg('Check that the provider is running and that the port in the discovery URL is right.'),
  dns: msg('Check the discovery URL’s host name for typos, and your network or VPN.'),
  timeout: msg('Check your internet connection, then try again.'),
  trouble: msg('Try again in a few minutes.'),
  'web-page': msg('Check both, then try again.'),
  other: msg('Check your internet connection, then try again.'),
};

/** An error with a {@link AuthErrorCode} and a user-safe message. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly providerError?: string;
  readonly setting?: string;
  readonly reason?: NetworkReason;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options: AuthErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.providerError !== undefined) this.providerError = options.providerError;
    if (options.setting !== undefined) this.setting = options.setting;
    if (options.reason !== undefined) this.reason = options.reason;
  }
}

/** True for an {@link AuthError}, optionally of one code. */
export function isAuthError(error: unknown, code?: AuthErrorCode): error is AuthError {
  return error instanceof AuthError && (code === undefined || error.code === code);
}

/** Provider text is shown to users but must stay short and printable. */
function clip(text: string | undefined): string {
  if (!text) return '';
  const printable = text.replace(/[^\x20-\x7E]/g, ' ').trim();
  return printable.length > 200 ? `${printable.slice(0, 200)}…` : printable;
}

const PROVIDER_ERROR_ADVICE: Record<string, string> = {
  invalid_grant: msg('The sign-in has expired or was revoked. Sign in again.'),
  invalid_client: msg(
    'The provider did not accept the client id or secret. Check both in the settings (a client with a secret needs it stored; a public client must have none).',
  ),
  unauthorized_client: msg(
    'This app client may not use the authorization code flow. Enable it in the app client settings.',
  ),
  invalid_scope: msg(
    'The provider refused a scope. Check the scopes setting against the app client’s allowed scopes.',
  ),
  redirect_mismatch: msg(
    'The callback URL is not registered. Register the exact callback URL (the redirectUri setting) with the provider.',
  ),
  server_error: msg('The provider had an internal error. Try again in a moment.'),
  temporarily_unavailable: msg('The provider is temporarily unavailable. Try again in a moment.'),
};

function providerRejected(error: string, description: string | undefined, cause: unknown): AuthError {
  if (error === 'access_denied') {
    return new AuthError('cancelled', t('Sign-in was cancelled in the browser.'), {
      cause,
      providerError: error,
    });
  }
  const advice = t(PROVIDER_ERROR_ADVICE[error] ?? msg('Check the app client settings in your provider.'));
  const said = clip(description);
  return new AuthError(
    'provider_rejected',
    said
      ? t('The provider refused: {{error}} ({{said}}). {{advice}}', { error, said, advice })
      : t('The provider refused: {{error}}. {{advice}}', { error, advice }),
    {
      cause,
      providerError: error,
    },
  );
}

/** A 5xx, or a load balancer's error page: the provider is there but failing; trying later helps. */
function providerTrouble(status: number | undefined, cause: unknown): AuthError {
  return networkError(
    t('The provider is having trouble (HTTP {{status}}).', { status: status ?? '?' }),
    cause,
    'trouble',
  );
}

/** The HTTP answer openid-client kept as the cause (any fetch's Response, not only the global one). */
function responseOf(error: OpenIdError): { status: number; contentType: string } | undefined {
  const cause = error.cause as { status?: unknown; headers?: { get?: unknown } } | undefined;
  if (typeof cause?.status !== 'number' || typeof cause.headers?.get !== 'function') return undefined;
  const contentType = (cause.headers as Headers).get('content-type') ?? '';
  return { status: cause.status, contentType };
}

/** A `network` error: what failed, then the advice that fits its cause. */
export function networkError(detail: string, cause: unknown, reason: NetworkReason = 'other'): AuthError {
  return new AuthError('network', [detail, t(NETWORK_ADVICE[reason])].join(' '), { cause, reason });
}

/**
 * Maps any error to an {@link AuthError}. openid-client raises, by code: an authorization response
 * error for a callback `?error=`, a response body error for an OAuth error body, a WWW-Authenticate
 * challenge for a 401 with one, `ClientError`s for its own checks (`OAUTH_TIMEOUT` for a time-out);
 * fetch's `TypeError` comes through for a network failure.
 */
export function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  // openid-client wraps what our fetch threw (a proxy or certificate error, already typed).
  if (isOpenIdError(error) && error.cause instanceof AuthError) return error.cause;
  if (isOpenIdError(error)) return mapOpenIdError(error);
  if (error instanceof TypeError && /fetch failed|network|ECONNREFUSED|ENOTFOUND/i.test(errorText(error))) {
    return connectionError(error);
  }
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return networkError(t('Could not reach the provider: it did not answer in time.'), error, 'timeout');
  }
  return new AuthError(
    'internal',
    t('Something unexpected went wrong. Try again; if it keeps happening, report it.'),
    {
      cause: error,
    },
  );
}

function mapOpenIdError(error: OpenIdError): AuthError {
  switch (error.code) {
    case OPENID_ERROR_CODES.authorizationResponse:
      return providerRejected(error.error ?? 'unknown_error', error.error_description, error);
    case OPENID_ERROR_CODES.responseBody:
      if ((error.status ?? 0) >= 500) return providerTrouble(error.status, error);
      return providerRejected(error.error ?? 'unknown_error', error.error_description, error);
    case OPENID_ERROR_CODES.wwwAuthenticateChallenge: {
      // A 401 with a WWW-Authenticate challenge, e.g. invalid_client for a wrong secret sent with Basic.
      if ((error.status ?? 0) >= 500) return providerTrouble(error.status, error);
      const challenges = error.cause as
        { parameters?: { error?: string; error_description?: string } }[] | undefined;
      const challenge = challenges?.[0]?.parameters;
      return providerRejected(challenge?.error ?? 'invalid_client', challenge?.error_description, error);
    }
    default:
      return mapClientError(error);
  }
}

function mapClientError(error: OpenIdError): AuthError {
  if (error.code === OPENID_ERROR_CODES.timeout)
    return networkError(t('Could not reach the provider: it did not answer in time.'), error, 'timeout');
  const response = responseOf(error);
  const status = response?.status;
  if (status !== undefined && status >= 500) return providerTrouble(status, error);
  // A web page where JSON was expected, answered "OK": what a network's sign-in page (a hotel's
  // Wi-Fi, a proxy's login) serves in place of any address; else the URL is a web site's.
  if (status !== undefined && status < 300 && /html/i.test(response!.contentType)) {
    const said = t(
      'The provider answered with a web page (HTTP {{status}}) where OpenID Connect JSON was expected: a network sign-in page (Wi-Fi, proxy) may be in the way, or the discovery URL is a web site’s.',
      { status },
    );
    return networkError(said, error, 'web-page');
  }
  if (status !== undefined && status >= 300) {
    return new AuthError(
      'provider_rejected',
      t(
        'The provider answered HTTP {{status}} where an OpenID Connect answer was expected. Check the discovery URL.',
        { status },
      ),
      { cause: error },
    );
  }
  if (error.code === OPENID_ERROR_CODES.invalidResponse && /state/i.test(error.message)) {
    return new AuthError(
      'state_mismatch',
      t('The browser returned a sign-in that this app did not start. Try again.'),
      {
        cause: error,
      },
    );
  }
  // The ID token's own checks: their codes are shared with other checks (an invalid response, an
  // unsupported operation), so the message, or its cause's, says which part failed.
  if (
    /JWT|JWS|ID Token|nonce|"iss"|"aud"/i.test(errorText(error)) ||
    (error.code ?? '').startsWith('OAUTH_JW')
  ) {
    return new AuthError(
      'provider_rejected',
      t(
        "The provider's ID token failed validation ({{detail}}). Check the client id and your computer's clock.",
        { detail: clip(error.message) },
      ),
      { cause: error, providerError: 'invalid_id_token' },
    );
  }
  return new AuthError(
    'provider_rejected',
    t("The provider's answer was not valid: {{detail}}.", { detail: clip(error.message) }),
    {
      cause: error,
    },
  );
}

function errorText(error: Error): string {
  return `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`;
}

/** A connection that failed: refused (where, from the socket's error), a host name not found, or else. */
function connectionError(error: Error): AuthError {
  const cause = error.cause as { code?: string; address?: string; port?: number } | undefined;
  if (cause?.code === 'ECONNREFUSED') {
    const where = cause.address
      ? ` ${t('at {{address}}', { address: `${cause.address}:${cause.port ?? '?'}` })}`
      : '';
    return networkError(
      t('Could not reach the provider: nothing answers{{where}} (connection refused).', { where }),
      error,
      'refused',
    );
  }
  if (cause?.code === 'ENOTFOUND')
    return networkError(t('Could not reach the provider: its host name was not found.'), error, 'dns');
  return networkError(t('Could not reach the provider: the request failed.'), error);
}
