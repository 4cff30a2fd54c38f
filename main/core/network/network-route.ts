/**
 * Which proxy a provider request goes through, decided once for the CLI (and shown by the
 * configuration doctor for the app too). The rules are the ones curl, git and most CLIs follow:
 *
 * - the app's own loopback addresses (`localhost`, `127.x.x.x`, `[::1]`) are always direct;
 * - the `proxy` setting (`COGNITO_PROXY`), when set, wins; `direct` there means no proxy at all;
 * - else `HTTPS_PROXY` for https URLs, `HTTP_PROXY` for http ones, then `ALL_PROXY` (lower-case
 *   names too, lower case first, as curl reads them);
 * - `NO_PROXY` (or `no_proxy`) lists hosts that stay direct: `*` for all, `example.com` for it and
 *   its subdomains (`.example.com` and `*.example.com` the same), `host:port` for one port,
 *   an IPv4 address or CIDR range.
 */
import { isLoopbackHost, withoutBrackets } from '../origin.ts';
import { msg, t } from '../i18n.ts';

/** Where the proxy in use came from, as the doctor says it. */
export type RouteSource = 'setting' | 'environment' | 'none' | 'no_proxy' | 'loopback' | 'system';

export interface Route {
  /** The proxy URL, credentials included; undefined for a direct connection. */
  proxy?: URL;
  source: RouteSource;
  /** The variable or setting that decided, e.g. `HTTPS_PROXY` or `NO_PROXY`. */
  decidedBy?: string;
}

/** What decides the route: the `proxy` setting and the environment. */
export interface RouteConfig {
  /** The `proxy` setting: a proxy URL, `direct`, or empty (use the environment). */
  proxySetting?: string;
  env: NodeJS.ProcessEnv;
}

/** The `proxy` setting's value for "never use a proxy, whatever the environment says". */
export const DIRECT = 'direct';

/** The route for one request URL. */
export function routeFor(url: URL, config: RouteConfig): Route {
  if (isLoopbackHost(url.hostname)) return { source: 'loopback' };
  const setting = config.proxySetting?.trim();
  if (setting === DIRECT) return { source: 'none', decidedBy: msg('proxy setting') };
  const fromEnv = setting ? undefined : proxyFromEnvironment(url, config.env);
  const chosen = setting ? { value: setting, name: msg('proxy setting') } : fromEnv;
  if (!chosen) return { source: 'none' };
  const noProxy = envValue(config.env, 'NO_PROXY');
  if (noProxy && bypasses(url, noProxy.value)) return { source: 'no_proxy', decidedBy: noProxy.name };
  return {
    proxy: parseProxyUrl(chosen.value),
    source: setting ? 'setting' : 'environment',
    decidedBy: chosen.name,
  };
}

/** A proxy URL as people write it: `http://host:port`, or `host:port` meaning http. */
export function parseProxyUrl(value: string): URL {
  // Stryker disable next-line Regex: a value with "://" later but no scheme first is no URL either way.
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
}

/** The proxy URL without its password, for logs, the doctor and error messages. */
export function describeProxy(proxy: URL): string {
  const user = proxy.username ? `${proxy.username}${proxy.password ? ':***' : ''}@` : '';
  return `${proxy.protocol}//${user}${proxy.host}`;
}

/** How a route reads in the doctor: "through http://proxy:3128 (from HTTPS_PROXY)". */
export function describeRoute(route: Route): string {
  // decidedBy is a variable's name (HTTPS_PROXY, NO_PROXY) or the marked "proxy setting".
  const by = route.decidedBy ? t(route.decidedBy) : '';
  if (route.proxy) return t('through {{proxy}} (from {{by}})', { proxy: describeProxy(route.proxy), by });
  switch (route.source) {
    case 'loopback':
      return t('direct (this computer: never through a proxy)');
    case 'no_proxy':
      return t('direct (listed in {{by}})', { by });
    case 'system':
      return t('as the system’s proxy settings say');
    default:
      return by ? t('direct ({{by}} says direct)', { by }) : t('direct (no proxy set)');
  }
}

function envValue(env: NodeJS.ProcessEnv, name: string): { value: string; name: string } | undefined {
  for (const candidate of [name.toLowerCase(), name]) {
    const value = env[candidate]?.trim();
    if (value) return { value, name: candidate };
  }
  return undefined;
}

function proxyFromEnvironment(url: URL, env: NodeJS.ProcessEnv): { value: string; name: string } | undefined {
  const specific = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  return envValue(env, specific) ?? envValue(env, 'ALL_PROXY');
}

/** Whether `NO_PROXY`'s list names `url`'s host. */
export function bypasses(url: URL, noProxy: string): boolean {
  const host = withoutBrackets(url.hostname.toLowerCase());
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  // Stryker disable next-line MethodExpression,Regex: an empty entry matches no host, filtered or not.
  const entries = noProxy.split(/[\s,]+/).filter(Boolean);
  return entries.some((entry) => entryMatches(entry.toLowerCase(), host, port));
}

/** `host`, `host:port`, `[v6]`, `[v6]:port`; a bare IPv6 address (several colons) has no port. */
function splitHostPort(entry: string): { name: string; port?: string } {
  const bracketed = /^\[(.+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  const [name = '', port, ...more] = entry.split(':');
  return more.length === 0 && port !== undefined && /^\d+$/.test(port) ? { name, port } : { name: entry };
}

function entryMatches(entry: string, host: string, port: string): boolean {
  if (entry === '*') return true;
  const { name, port: entryPort } = splitHostPort(entry);
  if (entryPort && entryPort !== port) return false;
  if (name.includes('/')) return inCidr(host, name);
  const domain = name.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}

function inCidr(host: string, cidr: string): boolean {
  // The entry holds a "/": there are two parts at least.
  const [base, bitsText] = cidr.split('/') as [string, string];
  const address = ipv4Number(host);
  const network = ipv4Number(base);
  const bits = Number(bitsText);
  if (address === undefined || network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32)
    return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === (network & mask) >>> 0;
}

function ipv4Number(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}
