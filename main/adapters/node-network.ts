/**
 * The CLI's network: every provider request through undici (the library under Node's own `fetch`),
 * through the proxy the route names (see core/network-route.ts), trusting Node's bundled
 * certificate authorities, the operating system's, `NODE_EXTRA_CA_CERTS` and the `caFile` setting.
 * Failures a network causes become typed errors (core/network-errors.ts).
 */
import { readFileSync } from 'node:fs';
import type * as Tls from 'node:tls';
import type * as Undici from 'undici';
import { AuthError } from '../core/errors.ts';
import {
  proxyNeedsCredentials,
  proxyRefusedTunnel,
  proxyUnreachable,
  untrustedCertificate,
  type CertificateProblem,
} from '../core/network/network-errors.ts';
import {
  describeProxy,
  describeRoute,
  routeFor,
  type Route,
  type RouteConfig,
} from '../core/network/network-route.ts';
import type { Fetch, Network } from '../core/network/network.ts';
import { loadOnce } from '../core/load-once.ts';
import { nodeTls } from '../core/lazy-builtins.ts';

export interface NodeNetworkOptions extends RouteConfig {
  /** The `caFile` setting: a PEM file of extra certificate authorities. */
  caFile?: string;
}

/** The operating system's CA bundle on Linux distributions, for a Node without system-CA support. */
const LINUX_CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

const CERTIFICATE_PROBLEMS: Record<string, CertificateProblem> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'untrusted',
  CERT_UNTRUSTED: 'untrusted',
  CERT_SIGNATURE_FAILURE: 'untrusted',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
};

const CLI_ADVICE = {
  proxyCredentials:
    'put them in the proxy URL of HTTPS_PROXY, like http://user:password@proxy.example.com:3128 (the proxy setting never holds them).',
};

/** undici loads with the first request: commands that never reach the provider never load it. */
const loadUndici = loadOnce(() => import('undici'));

/**
 * The certificate authorities to trust: Node's bundled ones, the operating system's (Node 22.15+
 * reads every OS's store; older Node, Linux's bundle file), `NODE_EXTRA_CA_CERTS` and `caFile`.
 * Passing `ca` replaces Node's default list, so every source is named here.
 */
export function trustedCertificates(caFile: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const withSystem = nodeTls() as typeof Tls & { getCACertificates?: (kind: string) => string[] };
  const system = withSystem.getCACertificates?.('system') ?? linuxBundle();
  return [
    ...withSystem.rootCertificates,
    ...system,
    ...readPem(env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS'),
    ...readPem(caFile, 'caFile'),
  ];
}

function linuxBundle(): string[] {
  if (process.platform !== 'linux') return [];
  for (const file of LINUX_CA_BUNDLES) {
    try {
      return [readFileSync(file, 'utf8')];
    } catch {
      // Not this distribution's path.
    }
  }
  return [];
}

function readPem(file: string | undefined, name: 'caFile' | 'NODE_EXTRA_CA_CERTS'): string[] {
  if (!file) return [];
  const setting = name === 'caFile' ? { setting: 'caFile' } : {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AuthError(
      'invalid_settings',
      `The certificates file ${file} (${name}) cannot be read: ${reason}.`,
      { cause: error, ...setting },
    );
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new AuthError(
      'invalid_settings',
      `The certificates file ${file} (${name}) holds no PEM certificate.`,
      setting,
    );
  }
  return [text];
}

/** The CLI's {@link Network}: its fetch, and its routes in words for the doctor. */
export function nodeNetwork(options: NodeNetworkOptions): Network {
  return {
    fetch: nodeNetworkFetch(options),
    routeOf: (url) => Promise.resolve(describeRoute(routeFor(url, options))),
  };
}

/** A {@link Fetch} for the core: routed, trusting the certificates above, with typed failures. */
export function nodeNetworkFetch(options: NodeNetworkOptions): Fetch {
  // One TLS context for every connection, made only once TLS is needed: given `ca` instead, Node
  // parses the few hundred certificates again for each connection, which costs more than the request.
  let secureContext: Tls.SecureContext | undefined;
  const trusted = (): { secureContext: Tls.SecureContext } => {
    secureContext ??= nodeTls().createSecureContext({ ca: trustedCertificates(options.caFile, options.env) });
    return { secureContext };
  };
  const dispatchers = new Map<string, Undici.Dispatcher>();
  const dispatcherFor = (undici: typeof Undici, route: Route, target: URL): Undici.Dispatcher => {
    const tlsToTarget = target.protocol === 'https:';
    const tlsToProxy = route.proxy?.protocol === 'https:';
    const key = `${route.proxy?.href ?? 'direct'} ${target.protocol}`;
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = route.proxy
        ? new undici.ProxyAgent({
            uri: route.proxy.href,
            ...(tlsToTarget ? { requestTls: trusted() } : {}),
            ...(tlsToProxy ? { proxyTls: trusted() } : {}),
          })
        : new undici.Agent(tlsToTarget ? { connect: trusted() } : {});
      dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  };
  return async (url, init) => {
    const target = new URL(url);
    const route = routeFor(target, options);
    const undici = await loadUndici();
    const dispatcher = dispatcherFor(undici, route, target);
    try {
      const response = await undici.fetch(target, { ...(init as object), dispatcher });
      return response as unknown as Response;
    } catch (error) {
      throw await networkFailure(error, target, route);
    }
  };
}

/** What a failed request means, when the network (not the provider) is the cause. */
async function networkFailure(error: unknown, target: URL, route: Route): Promise<unknown> {
  const cause = rootCause(error);
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  const problem = CERTIFICATE_PROBLEMS[code];
  if (problem) {
    const issuer =
      problem === 'untrusted'
        ? await import('./tls-probe.ts').then(({ presentedIssuer }) => presentedIssuer(target, route.proxy))
        : undefined;
    return untrustedCertificate(target.host, problem, issuer, error);
  }
  if (!route.proxy) return error;
  const proxy = describeProxy(route.proxy);
  const status = /Proxy response \((\d{3})\)/.exec(cause instanceof Error ? cause.message : '')?.[1];
  // 407 is the standard answer; some proxies (tinyproxy) refuse wrong credentials with 401.
  if (status === '407' || status === '401')
    return proxyNeedsCredentials(proxy, route.proxy.username !== '', CLI_ADVICE, error);
  if (status) return proxyRefusedTunnel(proxy, target.host, Number(status), error);
  const detail = PROXY_CONNECT_FAILURES[code];
  if (detail) return proxyUnreachable(proxy, route.decidedBy, detail, error);
  return error;
}

const PROXY_CONNECT_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'its host name was not found',
  EAI_AGAIN: 'its host name could not be looked up',
  EHOSTUNREACH: 'its host cannot be reached',
  ENETUNREACH: 'its network cannot be reached',
  ETIMEDOUT: 'it did not answer',
  UND_ERR_CONNECT_TIMEOUT: 'it did not answer',
};

/** The innermost error: undici's "fetch failed" carries the socket's or the proxy's below it. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
  }
  return current;
}
