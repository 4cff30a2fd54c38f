/**
 * The app's network: every provider request through Electron's `net`, that is Chromium's network
 * stack (the system's proxy settings, PAC and WPAD, proxy sign-in, the OS's certificate store), as
 * VS Code, Slack and Teams do. The `proxy` setting, when set, replaces the system's
 * proxy; the `caFile` setting's authorities are trusted besides the OS's. This adapter stays thin:
 * the decisions (errors, certificate chains, routes in words) live in the core.
 */
import { readFileSync } from 'node:fs';
import type { Session } from 'electron';
import { certificatesIn, chainTrustedFor } from '../core/network/certificate-trust.ts';
import { AuthError } from '../core/errors.ts';
import { chromiumCertificateProblem, fromChromiumNetError } from '../core/network/network-errors.ts';
import { presentedIssuer } from '../adapters/tls-probe.ts';
import { DIRECT, describeProxy, parseProxyUrl } from '../core/network/network-route.ts';
import type { Fetch, Network, NetworkFor } from '../core/network/network.ts';
import { msg, t } from '../core/i18n.ts';

/** What the app's network needs of Electron's session. */
export type NetworkSession = Pick<
  Session,
  'fetch' | 'resolveProxy' | 'setProxy' | 'setCertificateVerifyProc'
>;

const APP_ADVICE = {
  proxyCredentials: msg(
    'Sign in to the proxy when the app asks (a wrong user name or password is asked for again, three times at most), or ask your IT team which account to use.',
  ),
};

/** Chromium's "use your own verdict" answer to a certificate verification procedure. */
const CHROMIUM_VERDICT = -3;
const TRUSTED = 0;
/**
 * net::ERR_CERT_AUTHORITY_INVALID: the only verdict the `caFile` setting may overturn. Any other
 * (another host's certificate, an expired one, a revoked one) stands, whoever issued it.
 */
const UNKNOWN_AUTHORITY = -202;

/**
 * The network of `session`. `fetch` is how requests go out: by default `session.fetch`; the app
 * passes `netRequestFetch` (./net-request-fetch.ts) over the same session, which can answer a
 * proxy's sign-in.
 */
export function electronNetwork(
  session: NetworkSession,
  {
    fetch = (url, init) => session.fetch(url, { ...init, bypassCustomProtocolHandlers: true }),
    probeIssuer = presentedIssuer,
    now = () => new Date(),
  }: {
    fetch?: Fetch;
    /** Who issued the certificate a host presents (tests give their own). */
    probeIssuer?: (target: URL, proxy: URL | undefined) => Promise<string | undefined>;
    /** The time certificates are checked at (tests move it). */
    now?: () => Date;
  } = {},
): NetworkFor {
  return (settings) => {
    const proxy = settings.proxy && settings.proxy !== DIRECT ? parseProxyUrl(settings.proxy) : undefined;
    const ready = session.setProxy(
      settings.proxy === DIRECT
        ? { mode: 'direct' }
        : proxy
          ? {
              mode: 'fixed_servers',
              proxyRules: proxy.protocol === 'https:' ? `https://${proxy.host}` : proxy.host,
              // Chromium's "<local>": plain host names and loopback stay direct, as in the CLI.
              proxyBypassRules: '<local>',
            }
          : { mode: 'system' },
    );
    trustCaFile(session, settings.caFile, now);
    const named = proxy ? { name: describeProxy(proxy), decidedBy: msg('proxy setting') } : undefined;
    const network: Network = {
      fetch: async (url, init) => {
        await ready;
        try {
          return await fetch(url, init);
        } catch (error) {
          const target = new URL(url);
          // Chromium's error does not say who issued a certificate it refused: ask the server.
          const issuer =
            chromiumCertificateProblem(error) === 'untrusted'
              ? await probeIssuer(target, proxy ?? (await chromiumProxyOf(session, url)))
              : undefined;
          throw fromChromiumNetError(error, target.host, named, APP_ADVICE, issuer) ?? error;
        }
      },
      routeOf: async (url) => {
        await ready;
        return describeChromiumRoute(await session.resolveProxy(url.href), proxy !== undefined);
      },
    };
    return network;
  };
}

/** The first way of Chromium's proxy answer ("PROXY host:port; DIRECT"): undefined for direct. */
function firstChromiumProxy(answer: string): { scheme: string; hostPort: string } | undefined {
  const first = answer.split(';')[0]?.trim() ?? '';
  if (first === '' || first === 'DIRECT') return undefined;
  const [kind = '', hostPort = ''] = first.split(/\s+/);
  const scheme = kind === 'HTTPS' ? 'https' : kind.startsWith('SOCKS') ? 'socks' : 'http';
  return { scheme, hostPort };
}

/** The HTTP(S) proxy Chromium takes to `url`, for the certificate probe; undefined when direct. */
async function chromiumProxyOf(session: NetworkSession, url: string): Promise<URL | undefined> {
  const proxy = firstChromiumProxy(await session.resolveProxy(url).catch(() => ''));
  if (!proxy || proxy.scheme === 'socks') return undefined;
  try {
    return new URL(`${proxy.scheme}://${proxy.hostPort}`);
  } catch {
    return undefined;
  }
}

/** Chromium's proxy answer ("PROXY host:port; DIRECT") in the doctor's words. */
export function describeChromiumRoute(answer: string, fromSetting: boolean): string {
  const by = fromSetting ? t('the proxy setting') : t('the system’s proxy settings');
  const proxy = firstChromiumProxy(answer);
  return proxy
    ? t('through {{proxy}} (from {{by}})', { proxy: `${proxy.scheme}://${proxy.hostPort}`, by })
    : t('direct ({{by}})', { by });
}

/**
 * Trusts the `caFile` setting's authorities besides the OS's, for this app's session only, and
 * only where Chromium's one objection was an unknown authority: then the chain must still pass
 * every other check for the host asked for (core's certificate-trust.ts).
 */
function trustCaFile(session: NetworkSession, caFile: string, now: () => Date): void {
  if (!caFile) {
    session.setCertificateVerifyProc(null);
    return;
  }
  let authorities: ReturnType<typeof certificatesIn>;
  try {
    authorities = certificatesIn(readFileSync(caFile, 'utf8'));
  } catch (error) {
    throw new AuthError(
      'invalid_settings',
      t('The certificates file {{file}} (caFile) cannot be read.', { file: caFile }),
      {
        cause: error,
        setting: 'caFile',
      },
    );
  }
  session.setCertificateVerifyProc((request, callback) => {
    if (request.errorCode !== UNKNOWN_AUTHORITY) return callback(CHROMIUM_VERDICT);
    const chain: string[] = [];
    for (
      let cert: Electron.Certificate | undefined = request.certificate;
      cert && chain.length < 10;
      cert = cert.issuerCert
    ) {
      if (chain.at(-1) === cert.data) break;
      chain.push(cert.data);
    }
    callback(chainTrustedFor(request.hostname, chain, authorities, now()) ? TRUSTED : CHROMIUM_VERDICT);
  });
}
