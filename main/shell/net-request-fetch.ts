/**
 * The app's `fetch`, over Electron's `net.request` (Chromium's network stack), for one reason:
 * `session.fetch` cancels a proxy's request for credentials, while `net.request` lets the app
 * answer it (ClientRequest's `login` event) — with the proxy sign-in dialog. Only what the core's
 * requests use is supported: method, headers, a text or form body, redirect, abort signal.
 */
import type { ClientRequest, ClientRequestConstructorOptions, IncomingMessage, Session } from 'electron';
import type { Fetch } from '../core/network/network.ts';
import type { ProxyChallenge, ProxyCredentials } from '../core/network/proxy-sign-in.ts';

export type NetRequest = (options: ClientRequestConstructorOptions) => ClientRequest;
export type ProxyLogin = (challenge: ProxyChallenge) => Promise<ProxyCredentials | undefined>;

/** Statuses whose response has no body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function headersOf(message: Pick<IncomingMessage, 'headers'>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers))
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

export function netRequestFetch(request: NetRequest, session: Session, proxyLogin: ProxyLogin): Fetch {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const req = request({
        session,
        url,
        method: init.method ?? 'GET',
        redirect: init.redirect ?? 'follow',
        bypassCustomProtocolHandlers: true,
      });
      signal?.addEventListener(
        'abort',
        () => {
          req.abort();
          reject(signal.reason as Error);
        },
        { once: true },
      );
      new Headers(init.headers).forEach((value, name) => req.setHeader(name, value));
      let attempt = 0;
      req.on('login', (authInfo, callback) => {
        // A provider asking for HTTP authentication is not answered: only a proxy is.
        if (!authInfo.isProxy) return callback();
        attempt += 1;
        proxyLogin({ host: authInfo.host, port: authInfo.port, realm: authInfo.realm, attempt }).then(
          (credentials) => (credentials ? callback(credentials.username, credentials.password) : callback()),
          () => callback(),
        );
      });
      // `redirect: 'manual'`: the redirect is the answer, as with fetch.
      req.on('redirect', (status, _method, location) => {
        resolve(new Response(null, { status, headers: { location } }));
        req.abort();
      });
      req.on('response', (message) => {
        const chunks: Buffer[] = [];
        message.on('data', (chunk: Buffer) => chunks.push(chunk));
        message.on('end', () => {
          const body = NULL_BODY.has(message.statusCode) ? null : Buffer.concat(chunks);
          resolve(
            new Response(body, {
              status: message.statusCode,
              statusText: message.statusMessage,
              headers: headersOf(message),
            }),
          );
        });
        message.on('error', reject);
      });
      req.on('error', reject);
      const body = init.body;
      if (body instanceof URLSearchParams && !req.getHeader('content-type'))
        req.setHeader('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
      if (typeof body === 'string' || body instanceof URLSearchParams) req.write(String(body));
      else if (body instanceof Uint8Array) req.write(Buffer.from(body));
      else if (body !== undefined && body !== null) {
        req.abort();
        reject(new TypeError('The app’s fetch sends text, a form or bytes only.'));
        return;
      }
      req.end();
    });
}
