/**
 * A real forward proxy from Debian's packages (tinyproxy), as a corporate network runs one: it
 * tunnels HTTPS with CONNECT, may require a user name and password, and keeps an access log that
 * shows what went through it. Host names the test invents (`idp.test`) resolve, for the proxy
 * alone, through a hosts file mounted in its own mount namespace: the client never resolves them,
 * so a request that does not go through the proxy cannot reach the provider at all.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ForwardProxy {
  url: string;
  port: number;
  /** The access log so far: one line per connection and request. */
  log(): string;
  /** The `CONNECT host:port` tunnels it opened, in order. */
  tunnels(): string[];
  stop(): Promise<void>;
}

export interface ForwardProxyOptions {
  port: number;
  /** Host names the proxy resolves to 127.0.0.1. */
  hosts: string[];
  /** Require this user name and password (Basic). */
  credentials?: { user: string; password: string };
}

export const TINYPROXY = '/usr/bin/tinyproxy';

/** Why a forward proxy cannot run here, or undefined when it can. */
export function forwardProxyUnavailable(): string | undefined {
  if (!existsSync(TINYPROXY)) return 'tinyproxy is not installed (apt-get install tinyproxy)';
  if (process.getuid?.() !== 0) return 'the proxy’s own hosts file needs a mount namespace: run as root';
  const probe = spawnSync('unshare', ['-m', 'true']);
  if (probe.status !== 0) return `no mount namespace here (unshare -m: ${String(probe.stderr).trim()})`;
  return undefined;
}

export async function startForwardProxy(options: ForwardProxyOptions): Promise<ForwardProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-proxy-'));
  const logFile = join(dir, 'access.log');
  writeFileSync(join(dir, 'hosts'), `127.0.0.1 localhost ${options.hosts.join(' ')}\n::1 localhost\n`);
  writeFileSync(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${options.port}`,
      'Listen 127.0.0.1',
      'Timeout 30',
      `LogFile "${logFile}"`,
      'LogLevel Connect',
      'MaxClients 50',
      // No ConnectPort line: CONNECT to any port (the provider's test ports).
      ...(options.credentials
        ? [`BasicAuth ${options.credentials.user} ${options.credentials.password}`]
        : []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      `mount --bind ${join(dir, 'hosts')} /etc/hosts && exec ${TINYPROXY} -d -c ${join(dir, 'tinyproxy.conf')}`,
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(options.port);
  const log = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const credentials = options.credentials
    ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@`
    : '';
  return {
    port: options.port,
    url: `http://${credentials}127.0.0.1:${options.port}`,
    log,
    tunnels: () => [...log().matchAll(/Request \(file descriptor \d+\): CONNECT (\S+) /g)].map((m) => m[1]!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      }).once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`tinyproxy did not listen on port ${port} within 5 s`);
}
