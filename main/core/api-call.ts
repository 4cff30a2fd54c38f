/**
 * The signed-in view's API call: the app's own API (an API Gateway stage with a Cognito
 * authorizer, say) called with the session's token as a bearer token, the pattern every app that
 * signs in with Cognito uses. What comes back is shown to the user: status, time, and the body,
 * trimmed — with any of the session's tokens blanked out, should the API echo them.
 */
import { AuthError } from './errors.ts';
import { t } from './i18n.ts';
import type { Fetch } from './provider.ts';

/** How much of the body is shown. */
export const API_BODY_LIMIT = 4000;
const API_TIMEOUT_MS = 15_000;

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

/** Calls `url` with `token` as its bearer token; `secrets` never come back in the answer. */
export async function callApi(
  url: string,
  token: string,
  secrets: string[],
  fetch: Fetch,
): Promise<ApiAnswer> {
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json, text/plain;q=0.9, */*;q=0.5' },
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
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
