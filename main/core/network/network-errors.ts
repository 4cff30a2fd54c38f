/**
 * The errors of a network between the app and the provider: a proxy that cannot be reached, a
 * proxy that wants (other) credentials, a certificate this computer does not trust. Both network
 * adapters (Node's for the CLI, Electron's for the app) raise these, so the CLI and the app say the
 * same thing. Never "check your internet connection" for them: the cause is known.
 */
import { AuthError, networkError, type NetworkReason } from '../errors.ts';
import { t } from '../i18n.ts';

/** Where a user fixes proxy and certificate problems, per program. */
export interface NetworkAdvice {
  /** How to give a proxy's user name and password, e.g. "Put them in HTTPS_PROXY…" (translated where shown). */
  proxyCredentials: string;
}

export function proxyUnreachable(
  proxy: string,
  decidedBy: string | undefined,
  detail: string,
  cause: unknown,
): AuthError {
  const advice = t(
    "Check the proxy's address, or set the proxy setting to direct if this network needs none.",
  );
  return new AuthError(
    'proxy_unreachable',
    decidedBy
      ? t('Could not reach the proxy {{proxy}} (from {{decidedBy}}): {{detail}}. {{advice}}', {
          proxy,
          decidedBy: t(decidedBy),
          detail,
          advice,
        })
      : t('Could not reach the proxy {{proxy}}: {{detail}}. {{advice}}', { proxy, detail, advice }),
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
      ? t('The proxy {{proxy}} refused the user name and password. Check them; {{advice}}', {
          proxy,
          advice: t(advice.proxyCredentials),
        })
      : t('The proxy {{proxy}} requires a user name and password. {{advice}}', {
          proxy,
          advice: t(advice.proxyCredentials),
        }),
    { cause },
  );
}

export function proxyRefusedTunnel(proxy: string, host: string, status: number, cause: unknown): AuthError {
  return new AuthError(
    'network',
    t(
      "The proxy {{proxy}} would not connect to {{host}} (HTTP {{status}}). Ask your network's admin to allow it, then try again.",
      { proxy, host, status },
    ),
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
  const what = issuer ? certificateProblemBy(problem, issuer) : certificateProblem(problem);
  const fix =
    problem === 'untrusted'
      ? t(
          'A network that inspects TLS presents such certificates: get its root certificate from your IT team and set "Extra CA certificates file" (COGNITO_CA_FILE) to it, or add it to the operating system’s certificate store.',
        )
      : t(
          'Check the computer’s date and the provider’s address; if a network device presents this certificate, ask your IT team.',
        );
  return new AuthError(
    'tls_untrusted',
    t('The connection to {{host}} is not trusted: {{what}}. {{fix}}', { host, what, fix }),
    { cause },
  );
}

function certificateProblem(problem: CertificateProblem): string {
  if (problem === 'expired') return t('its certificate has expired or is not valid yet');
  if (problem === 'wrong-host') return t('its certificate is for another host name');
  return t('its certificate was issued by a certificate authority this computer does not trust');
}

function certificateProblemBy(problem: CertificateProblem, issuer: string): string {
  if (problem === 'expired')
    return t('its certificate issued by "{{issuer}}" has expired or is not valid yet', { issuer });
  if (problem === 'wrong-host')
    return t('its certificate issued by "{{issuer}}" is for another host name', { issuer });
  return t('its certificate was issued by "{{issuer}}" this computer does not trust', { issuer });
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
  const proxyName = proxy?.name ?? t('set in the system’s settings');
  if (CHROMIUM_PROXY_UNREACHABLE.has(name))
    return proxyUnreachable(proxyName, proxy?.decidedBy, t('Chromium says {{name}}', { name }), error);
  if (CHROMIUM_PROXY_AUTH.has(name))
    return proxyNeedsCredentials(proxyName, name === 'ERR_INVALID_AUTH_CREDENTIALS', advice, error);
  const reason = CHROMIUM_CONNECTION_REASONS[name] ?? 'other';
  const detail =
    reason === 'refused'
      ? t('Could not reach the provider: nothing answers at {{host}} ({{name}}).', { host, name })
      : reason === 'dns'
        ? t('Could not reach the provider: the name {{host}} was not found ({{name}}).', { host, name })
        : name === 'ERR_INTERNET_DISCONNECTED'
          ? t('Could not reach the provider: this computer is offline ({{name}}).', { name })
          : t('Could not reach the provider ({{name}}).', { name });
  return networkError(detail, error, reason);
}

/** Chromium's connection errors whose cause has advice of its own (others: "check your connection"). */
const CHROMIUM_CONNECTION_REASONS: Record<string, NetworkReason> = {
  ERR_CONNECTION_REFUSED: 'refused',
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_TIMED_OUT: 'timeout',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
};
