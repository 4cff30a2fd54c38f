/** Raw HTTP requests for tests that must set headers fetch will not (Host) or use other methods. */
import { createServer, request, type IncomingMessage } from 'node:http';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';

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

/**
 * The ports {@link freePort} hands out: below the ephemeral range (32768 and up on Linux, 49152 on
 * macOS and Windows), from which the OS picks `listen(0)` ports and the source port of every
 * outgoing connection. A port from there, free when checked, could be taken by any connection
 * before the test listened on it (it happened: a provider test's receiver found its port in use).
 * Below that range only these tests pick ports, and each test worker has a block of its own, so
 * parallel test files never share one. The integration tests' fixed ports (47600–47699) lie above.
 */
const TEST_PORTS = { from: 20_000, perWorker: 250 };
let handedOut = 0;

/**
 * A TCP port on 127.0.0.1 that is free and that nothing else in the test run will take: the next
 * free one of this worker's block.
 */
export async function freePort(): Promise<number> {
  // Vitest numbers its workers from 1; a script outside Vitest counts as the first.
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const first = TEST_PORTS.from + ((worker - 1) % 40) * TEST_PORTS.perWorker;
  for (let tried = 0; tried < TEST_PORTS.perWorker; tried++) {
    const port = first + (handedOut++ % TEST_PORTS.perWorker);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${first}–${first + TEST_PORTS.perWorker - 1}`);
}

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  try {
    await listen(server, port, '127.0.0.1');
  } catch {
    return false;
  }
  await closeServer(server);
  return true;
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
