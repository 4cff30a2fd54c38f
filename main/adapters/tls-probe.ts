/**
 * Who issued the certificate a host presents, asked only after the certificate was refused, so an
 * error can name it ("issued by "Contoso TLS Inspection Root"") and the user knows which
 * certificate authority to ask their IT team about. Nothing is sent over this connection.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { withoutBrackets } from '../core/origin.ts';

const PROBE_TIMEOUT_MS = 5000;

/** The name of the certificate authority at the top of the chain `target` presents, if it can be read. */
export async function presentedIssuer(target: URL, proxy: URL | undefined): Promise<string | undefined> {
  let socket: tls.TLSSocket | undefined;
  const timer = setTimeout(() => socket?.destroy(), PROBE_TIMEOUT_MS);
  try {
    const port = Number(target.port || 443);
    const host = withoutBrackets(target.hostname);
    const tunnel = proxy ? await connectThrough(proxy, `${host}:${port}`) : undefined;
    socket = tls.connect({
      host,
      port,
      ...(isIP(host) ? {} : { servername: host }),
      ...(tunnel ? { socket: tunnel } : {}),
      // Only to read the certificate: the request that was refused is not retried here.
      rejectUnauthorized: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket!.once('secureConnect', resolve).once('error', reject).once('close', reject);
    });
    return topIssuer(socket.getPeerCertificate(true));
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    socket?.destroy();
  }
}

/** A tunnel to `hostPort` through an HTTP(S) proxy (CONNECT), with the proxy URL's credentials. */
function connectThrough(proxy: URL, hostPort: string): Promise<Socket> {
  const request = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
  const credentials = proxy.username
    ? `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
    : undefined;
  return new Promise((resolve, reject) => {
    request({
      host: proxy.hostname,
      port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
      method: 'CONNECT',
      path: hostPort,
      headers: {
        host: hostPort,
        ...(credentials
          ? { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` }
          : {}),
      },
    })
      .once('connect', (response, socket) => {
        if (response.statusCode === 200) resolve(socket);
        else {
          socket.destroy();
          reject(new Error(`proxy answered ${response.statusCode}`));
        }
      })
      .once('error', reject)
      .end();
  });
}

/** The issuer named by the last certificate of the chain (the root, or what stands for it). */
function topIssuer(certificate: tls.DetailedPeerCertificate): string | undefined {
  let top = certificate;
  for (let depth = 0; depth < 10; depth++) {
    const next = top.issuerCertificate;
    if (!next || next === top || next.fingerprint256 === top.fingerprint256) break;
    top = next;
  }
  const issuer = top.issuer as Record<string, string | string[] | undefined> | undefined;
  const name = [issuer?.CN, issuer?.O].flat().filter(Boolean).join(', ');
  return name || undefined;
}
