/**
 * Redaction: what is removed from every line before it reaches a log file, stderr or the
 * diagnostics a user copies for support. Tokens, authorization codes, PKCE verifiers, the client
 * secret and credentials in headers must never leave the process that way.
 *
 * It works on shapes, not on knowing the values: a process logs things it does not hold (another
 * process's token in an error, a provider's echo). The shapes:
 * - `Authorization:` / `Proxy-Authorization:` header values (any scheme);
 * - parameters and JSON fields named like a secret (`code`, `code_verifier`, `refresh_token`,
 *   `client_secret`, `password`, `id_token_hint`, `accessToken`…);
 * - JWTs and JWEs (`eyJ…` with dots: Cognito's tokens, refresh tokens included);
 * - any other run of 32 or more URL-safe characters (opaque tokens, codes, verifiers, secrets;
 *   UUIDs too, which is the price of catching Cognito's authorization codes);
 * - the user information of a URL (`https://user:password@host`: a proxy's credentials);
 * - AWS secret access keys (40 base64 characters, slashes included, which a path exemption
 *   below would otherwise let through).
 * Values the caller knows are secret are removed first, whatever their shape.
 */

export const REDACTED = '[redacted]';

/** Names of parameters and fields whose values are secret (matched without case, `_` optional). */
const SECRET_NAMES = [
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
];

const NAME_PATTERN = SECRET_NAMES.map((name) => name.replace(/_/g, '_?')).join('|');
/** `name=value` in URLs and form bodies. */
const PARAMETER = new RegExp(`([?&;\\s]|^)(${NAME_PATTERN})=[^&\\s"']*`, 'gi');
/** `"name": "value"` in JSON, with camelCase names too (`refreshToken`, `accessKeyId` is kept). */
const JSON_FIELD = new RegExp(
  `("(?:${NAME_PATTERN}|[a-z]*(?:Token|Secret|Password|Verifier))"\\s*:\\s*)"[^"]*"`,
  'gi',
);
const AUTHORIZATION_HEADER = /((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:[A-Za-z]+\s+)?[^\s"',})]+/gi;
const JWT = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){1,4}/g;
const LONG_OPAQUE = /[A-Za-z0-9_\-+/]{32,}={0,2}/g;
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi;
const AWS_SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** `text` with every secret-looking value replaced by `[redacted]`; `known` values first. */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of known) if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  return result
    .replace(URL_USER_INFO, `$1${REDACTED}@`)
    .replace(AUTHORIZATION_HEADER, `$1${REDACTED}`)
    .replace(JSON_FIELD, `$1"${REDACTED}"`)
    .replace(PARAMETER, `$1$2=${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(AWS_SECRET_KEY, (match) => (looksRandom(match) ? REDACTED : match))
    .replace(LONG_OPAQUE, (match) => (isPath(match) ? match : REDACTED));
}

/** Upper case, lower case and digits mixed, as in a random key (not a word or a path of words). */
function looksRandom(text: string): boolean {
  return /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);
}

/** A file path or URL path (slashes between words) is not a secret, however long. */
function isPath(text: string): boolean {
  return (
    /\/[A-Za-z0-9_-]+\//.test(text) && !/[+=]/.test(text) && text.split('/').every((part) => part.length < 32)
  );
}
