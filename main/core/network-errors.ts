/**
 * The errors of a network between the app and the provider: a proxy that cannot be reached, a
 * proxy that wants (other) credentials, a certificate this computer does not trust. Both network
 * adapters (Node's for the CLI, Electron's for the app) raise these, so the CLI and the app say the
 * same thing. Never "check your internet connection" for them: the cause is known.
 */
import { AuthError } from './errors.ts';

/** Where a user fixes proxy and certificate problems, per program. */
export interface NetworkAdvice {
  /** How to give a proxy's user name and password, e.g. "Put them in HTTPS_PROXY…". */
  proxyCredentials: string;
}

export function proxyUnreachable(
  proxy: string,
  decidedBy: string | undefined,
  detail: string,
  cause: unknown,
): AuthError {
  const from = decidedBy ? ` (from ${decidedBy})` : '';
  return new AuthError(
    'proxy_unreachable',
    `Could not reach the proxy ${proxy}${from}: ${detail}. Check the proxy's address, or set the proxy setting to direct if this network needs none.`,
    { cause },
  );
}

export function proxyNeedsCredentials(
  proxy: string,
  sentCredentials: boolean,
  advice: NetworkAdvice,
  cause: unknown,
): AuthError {
  return new AuthError(
    'proxy_auth',
    sentCredentials
      ? `The proxy ${proxy} refused the user name and password. Check them; ${advice.proxyCredentials}`
      : `The proxy ${proxy} requires a user name and password. ${advice.proxyCredentials}`,
    { cause },
  );
}

export function proxyRefusedTunnel(proxy: string, host: string, status: number, cause: unknown): AuthError {
  return new AuthError(
    'network',
    `The proxy ${proxy} would not connect to ${host} (HTTP ${status}). Ask your network's admin to allow it, then try again.`,
    { cause },
  );
}

/** Why a certificate was not accepted, in words. */
export type CertificateProblem = 'untrusted' | 'expired' | 'wrong-host';

export function untrustedCertificate(
  host: string,
  problem: CertificateProblem,
  issuer: string | undefined,
  cause: unknown,
): AuthError {
  const by = issuer ? ` issued by "${issuer}"` : '';
  const what =
    problem === 'expired'
      ? `its certificate${by} has expired or is not valid yet`
      : problem === 'wrong-host'
        ? `its certificate${by} is for another host name`
        : `its certificate was${by || ' issued by a certificate authority'} this computer does not trust`;
  const fix =
    problem === 'untrusted'
      ? ' A network that inspects TLS presents such certificates: get its root certificate from your IT team and set "Extra CA certificates file" (COGNITO_CA_FILE) to it, or add it to the operating system’s certificate store.'
      : ' Check the computer’s date and the provider’s address; if a network device presents this certificate, ask your IT team.';
  return new AuthError('tls_untrusted', `The connection to ${host} is not trusted: ${what}.${fix}`, {
    cause,
  });
}

/** Chromium's network errors (Electron's `net`), by the cause they name. */
const CHROMIUM_CERTIFICATE_ERRORS: Record<string, CertificateProblem> = {
  ERR_CERT_AUTHORITY_INVALID: 'untrusted',
  ERR_CERT_INVALID: 'untrusted',
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: 'untrusted',
  ERR_CERT_DATE_INVALID: 'expired',
  ERR_CERT_COMMON_NAME_INVALID: 'wrong-host',
};
const CHROMIUM_PROXY_UNREACHABLE = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
  'ERR_PROXY_CERTIFICATE_INVALID',
]);
const CHROMIUM_PROXY_AUTH = new Set([
  'ERR_PROXY_AUTH_REQUESTED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_INVALID_AUTH_CREDENTIALS',
]);

/** The `ERR_…` name a Chromium error carries in its message, if any. */
function chromiumErrorName(error: unknown): string | undefined {
  return /net::(ERR_[A-Z_]+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
}

/** The certificate problem a Chromium error names, if it names one. */
export function chromiumCertificateProblem(error: unknown): CertificateProblem | undefined {
  const name = chromiumErrorName(error);
  return name ? CHROMIUM_CERTIFICATE_ERRORS[name] : undefined;
}

/**
 * A typed error for a failed request of Electron's `net` (its message carries Chromium's
 * `net::ERR_…` name), or undefined when the message names none of these causes.
 */
export function fromChromiumNetError(
  error: unknown,
  host: string,
  proxy: { name: string; decidedBy: string } | undefined,
  advice: NetworkAdvice,
  /** Who issued a refused certificate, when the caller could find out (Chromium does not say). */
  issuer?: string,
): AuthError | undefined {
  const name = chromiumErrorName(error);
  if (!name) return undefined;
  const certificate = CHROMIUM_CERTIFICATE_ERRORS[name];
  if (certificate) return untrustedCertificate(host, certificate, issuer, error);
  const proxyName = proxy?.name ?? 'set in the system’s settings';
  if (CHROMIUM_PROXY_UNREACHABLE.has(name))
    return proxyUnreachable(proxyName, proxy?.decidedBy, `Chromium says ${name}`, error);
  if (CHROMIUM_PROXY_AUTH.has(name))
    return proxyNeedsCredentials(proxyName, name === 'ERR_INVALID_AUTH_CREDENTIALS', advice, error);
  return new AuthError(
    'network',
    `Could not reach the provider (${name}). Check your internet connection, then try again.`,
    { cause: error },
  );
}
