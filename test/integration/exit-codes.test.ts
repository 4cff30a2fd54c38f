/**
 * The CLI reference's exit-code table (docs/cli.md) is true: every code it lists is produced by a real failure of that
 * kind, in a real CLI process, and the CLI has no code the table leaves out.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { sharedFileName } from '../../main/adapters/shared-session-files.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { EXIT_CODES } from '../../main/cli.ts';
import { sessionAccount } from '../../main/core/session/token-vault.ts';
import { storeExpiredSession } from '../support/stored-session.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { TS_NODE, runCliProcess, type CliRun } from '../support/cli-process.ts';
import { makeTestCa } from '../support/test-ca.ts';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';

const ENDPOINTS = testEndpoints(47620, 'exit');

const parts = useProviderAndKeychain(ENDPOINTS);

/** The codes in the CLI reference's table. */
function documentedCodes(): number[] {
  const readme = readFileSync('docs/cli.md', 'utf8');
  const table = readme.slice(readme.indexOf('| Exit code'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.map((row) => Number(/^\|\s*(\d+)\s*\|/.exec(row)?.[1]));
}

it('every exit code in the CLI reference comes from a real failure of its kind, and no other code exists', async () => {
  const { emulator } = parts;
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-exit-'));
  const env = cliEnvironment(emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID);
  const cli = (args: string[], extra: Record<string, string> = {}): Promise<CliRun> =>
    runCliProcess(args, { ...env, ...extra });

  expect(documentedCodes().sort((a, b) => a - b)).toEqual(
    [...new Set(Object.values(EXIT_CODES))].sort((a, b) => a - b),
  );

  // Signed out first, for "not signed in".
  const notSignedIn = await cli(['status']);

  // Then a stored session whose access token has expired: the next `token` must refresh.
  await storeExpiredSession({
    configDir,
    env,
    provider: emulator,
    endpoints: ENDPOINTS,
    clientId: PUBLIC_CLIENT_ID,
  });

  const account = sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID);
  // Another process holds the session lock and never lets go.
  const [node, ...nodeArgs] = TS_NODE;
  const holder = spawn(
    node!,
    [...nodeArgs, resolve('test/support/hold-lock.ts'), join(configDir, 'sync'), account],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((held) => holder.stdout.once('data', held));
  // A settings folder where the session lock cannot be made: a file, long stale, stands where
  // the lock's folder goes, so taking the lock over fails in a way no user error explains.
  const brokenLock = mkdtempSync(join(tmpdir(), 'cognito-desktop-exit-lock-'));
  mkdirSync(join(brokenLock, 'sync'), { mode: 0o700 });
  const lockPath = sharedFileName(join(brokenLock, 'sync'), account, 'lock');
  writeFileSync(lockPath, '');
  utimesSync(lockPath, new Date(0), new Date(0));
  // A provider whose certificate no one here trusts (exit 8), and a proxy that wants a password (exit 9).
  const ca = makeTestCa(['localhost']);
  const untrusted = createHttpsServer({ key: ca.key, cert: ca.cert }, (_req, res) => res.end('{}'));
  const untrustedPort = await listen(untrusted, 0, '127.0.0.1');
  const passwordProxy = createHttpServer((_req, res) => res.end());
  passwordProxy.on('connect', (_req, socket) => {
    socket.end(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
    );
  });
  const proxyPort = await listen(passwordProxy, 0, '127.0.0.1');

  try {
    const runs: Record<number, Promise<CliRun>> = {
      // (status would refresh the expired session, which the held lock keeps busy.)
      0: cli(['config', 'show']),
      2: cli(['frobnicate']),
      // A discovery URL with no provider behind it: HTTP 404 where OpenID metadata was expected.
      3: cli(['login', '--no-browser'], {
        COGNITO_DISCOVERY_URL: emulator.issuer.replace(/[^/]+$/, 'us-east-1_Missing'),
      }),
      4: cli(['login', '--no-browser'], { COGNITO_DISCOVERY_URL: 'http://127.0.0.1:9/us-east-1_Nowhere' }),
      5: cli(['status'], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' }),
      6: cli(['login', '--no-browser', '--timeout', '1'], {
        COGNITO_DESKTOP_CONFIG_DIR: join(configDir, 'other'),
      }),
      7: cli(['token']),
      8: cli(['login', '--no-browser'], {
        COGNITO_DISCOVERY_URL: `https://127.0.0.1:${untrustedPort}/us-east-1_Inspected`,
      }),
      9: cli(['login', '--no-browser'], {
        COGNITO_DISCOVERY_URL: 'https://idp.test/us-east-1_BehindProxy',
        HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
        NO_PROXY: '',
        no_proxy: '',
        https_proxy: '',
      }),
      10: cli(['token'], { COGNITO_DESKTOP_CONFIG_DIR: brokenLock }),
    };
    const finished = Object.fromEntries(
      await Promise.all(Object.entries(runs).map(async ([code, run]) => [code, await run] as const)),
    );
    finished[1] = notSignedIn;
    for (const code of documentedCodes()) {
      const run = finished[code];
      expect(run, `a failure mode for exit code ${code}`).toBeDefined();
      expect({ code, got: run!.code, stderr: run!.stderr }).toMatchObject({ got: code });
      expect(run!.stderr).not.toMatch(/\n\s+at /);
    }
    expect(finished[7]!.stderr).toContain('Another cognito-desktop process');
    expect(finished[10]!.stderr).toContain('--verbose');
    expect(finished[8]!.stderr).toContain(`issued by "${ca.rootName}, Example Corp"`);
    expect(finished[9]!.stderr).toContain('requires a user name and password');
  } finally {
    holder.kill('SIGKILL');
    await closeServer(untrusted);
    await closeServer(passwordProxy);
  }
}, 120_000);
