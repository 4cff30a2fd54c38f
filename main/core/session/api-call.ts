/**
 * The signed-in user's calls: the provider's userinfo, and the app's own API (an API Gateway stage with a Cognito
 * authorizer, say) called with the session's token as a bearer token, the pattern every app that
 * signs in with Cognito uses. What comes back is shown to the user: status, time, and the body,
 * trimmed — with any of the session's tokens blanked out, should the API echo them.
 */
import { AuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { ProviderClient } from '../provider/provider.ts';
import type { Fetch } from '../network/network.ts';
import type { StoredSession } from './session.ts';

/** How much of the body is shown. */
export const API_BODY_LIMIT = 4000;
const API_TIMEOUT_MS = 15_000;
/** Redirects within the API's own origin followed, at most; a loop stops here. */
const MAX_SAME_ORIGIN_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface ApiAnswer {
  url: string;
  status: number;
  statusText: string;
  /** Milliseconds from request to the whole body. */
  ms: number;
  body: string;
  /** True when the body was longer than {@link API_BODY_LIMIT} and was cut. */
  truncated: boolean;
}

/** `text` with each of `secrets` replaced by a marker. */
export function blankTokens(text: string, secrets: string[]): string {
  let clean = text;
  for (const secret of secrets)
    if (secret.length >= 16) clean = clean.split(secret).join('[a token of yours]');
  return clean;
}

/**
 * Calls `url` with `token` as its bearer token; `secrets` never come back in the answer. Redirects
 * are followed by hand, and only within the API's own origin (scheme, host and port): fetch would
 * carry the Authorization header to wherever a redirect points, plain http included (Electron's
 * network does not drop it across origins). A redirect elsewhere is reported, not followed.
 */
export async function callApi(
  url: string,
  token: string,
  secrets: string[],
  fetch: Fetch,
): Promise<ApiAnswer> {
  const started = performance.now();
  const origin = new URL(url).origin;
  const signal = AbortSignal.timeout(API_TIMEOUT_MS);
  let response: Response;
  let text: string;
  try {
    let target = url;
    for (let redirects = 0; ; redirects++) {
      response = await fetch(target, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json, text/plain;q=0.9, */*;q=0.5',
        },
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (!REDIRECT_STATUSES.has(response.status) || location === null) break;
      const next = new URL(location, target);
      if (next.origin !== origin) throw redirectedElsewhere(url, next);
      if (redirects >= MAX_SAME_ORIGIN_REDIRECTS) break;
      await response.body?.cancel();
      target = next.href;
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new AuthError(
      'network',
      t('Could not reach the API at {{host}}: {{reason}}. Check the API URL setting and your connection.', {
        host: new URL(url).host,
        reason: (error as Error).message,
      }),
      { cause: error },
    );
  }
  // Pretty JSON is easier to read; anything else is shown as it came.
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON
  }
  body = blankTokens(body, secrets);
  return {
    url,
    status: response.status,
    statusText: response.statusText,
    ms: Math.round(performance.now() - started),
    body: body.slice(0, API_BODY_LIMIT),
    truncated: body.length > API_BODY_LIMIT,
  };
}

/** The API sent the call to another origin: say where, and that the token did not go there. */
function redirectedElsewhere(url: string, next: URL): AuthError {
  return new AuthError(
    'invalid_settings',
    t(
      'The API at {{host}} redirected the call to {{target}}. Your token was not sent there. If that address is the API, set the API URL to it.',
      // Only the origin and path: a query string may carry what the API put there for the redirect.
      { host: new URL(url).host, target: `${next.origin}${next.pathname}` },
    ),
    { setting: 'apiUrl' },
  );
}

/**
 * Calls `url` with `session`'s ID or access token as its bearer token; none of the session's
 * tokens comes back in the answer.
 */
export function callApiWith(
  session: StoredSession,
  url: string,
  token: 'id' | 'access',
  fetch: Fetch,
): Promise<ApiAnswer> {
  const tokens = [session.accessToken, session.idToken, session.refreshToken ?? ''];
  return callApi(url, token === 'id' ? session.idToken : session.accessToken, tokens, fetch);
}

/**
 * The provider's userinfo endpoint, called with `session`'s access token: the pattern for the
 * app's own APIs. The answer must be about the signed-in user: an ID token always names its subject.
 */
export async function fetchUserInfo(
  client: ProviderClient,
  session: StoredSession,
): Promise<Record<string, unknown>> {
  try {
    return await client.oidc.fetchUserInfo(client.config, session.accessToken, String(session.claims.sub));
  } catch (error) {
    throw toAuthError(error);
  }
}
