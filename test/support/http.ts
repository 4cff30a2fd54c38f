/** Raw HTTP requests for tests that must set headers fetch will not (Host) or use other methods. */
import { createServer, request, type IncomingMessage } from 'node:http';
import { closeServer, listen } from '../../main/core/http-server.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  path: string,
  options: { host?: string; method?: string; address?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The fixed ports the integration tests and the app listen on: never handed out as "free". */
const FIXED_PORTS = { from: 47600, to: 47699 };

/**
 * A TCP port that was free a moment ago. Unit tests run beside the integration tests, whose
 * receivers listen on fixed ports in the ephemeral range: a port from there is never returned.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    const port = await listen(server, 0, '127.0.0.1');
    await closeServer(server);
    if (port < FIXED_PORTS.from || port > FIXED_PORTS.to) return port;
  }
}

/** A request's body as text, at most 64 KB (what the emulator's endpoints take). */
export async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 64 * 1024) throw new Error('request body too large');
  }
  return body;
}
