/** Listening and closing for Node HTTP servers, used by the loopback receiver (and the test servers). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listens on `host`:`port` (0 = any free port) and resolves with the port; rejects with the
 * listen error (EADDRINUSE…). `exclusive` so two receivers never share a port through the cluster.
 */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Stryker disable next-line BooleanLiteral: exclusive matters only in a cluster, which this app never runs.
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and drops open (keep-alive) connections, so closing never waits on a browser. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Stryker disable next-line ConditionalExpression: close() on a closed server calls back (with an error) all the same.
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
