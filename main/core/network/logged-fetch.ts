/**
 * Provider requests in the log, for support: method, URL, form body, status and time at the debug
 * level. What is logged passes through the logger's redaction (tokens, codes, verifiers and the
 * client secret in bodies, `Authorization` headers), which the tests hold to it.
 */
import type { Logger } from '../ports.ts';
import type { Fetch } from '../network/network.ts';

export function loggedFetch(fetch: Fetch, logger: Logger): Fetch {
  const debug = logger.debug?.bind(logger);
  if (!debug) return fetch;
  return async (url, init) => {
    const started = performance.now();
    const method = init?.method ?? 'GET';
    const body =
      typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? ` ${String(init.body)}` : '';
    const authorization = authorizationOf(init?.headers);
    const auth = authorization ? ` (authorization: ${authorization})` : '';
    try {
      const response = await fetch(url, init);
      debug(
        `${method} ${String(url)}${body}${auth} → ${response.status} (${Math.round(performance.now() - started)} ms)`,
      );
      return response;
    } catch (error) {
      debug(
        `${method} ${String(url)}${body}${auth} → failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw error;
    }
  };
}

/** The Authorization header of a request, whichever form its headers take. */
function authorizationOf(headers: RequestInit['headers']): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get('authorization') ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers as Record<string, string>);
  return entries.find(([name]) => name?.toLowerCase() === 'authorization')?.[1];
}
