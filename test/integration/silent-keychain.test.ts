/**
 * A keychain that takes calls and never answers (a Secret Service waiting on an unlock prompt no
 * one can see): every command says so within its 5 s limit and ends with exit 5, never hanging.
 * A real D-Bus session with a service that owns `org.freedesktop.secrets` and stays silent.
 *
 * The process itself ends only once libsecret gives up its blocked D-Bus call (its own time-out,
 * about 25 s per call): Node waits for its worker threads on exit, and nothing can interrupt a
 * native call. The user sees the error and the exit code; see docs/security.md, "The defences, in words".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TS_NODE } from '../support/cli-process.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';

let bus: ChildProcess;
let service: ChildProcess;
let address = '';

beforeAll(async () => {
  bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  address = await new Promise<string>((ready) =>
    bus.stdout!.once('data', (c: Buffer) => ready(c.toString().trim())),
  );
  const [node, ...args] = TS_NODE;
  service = spawn(node!, [...args, resolve('test/support/silent-secret-service.ts'), address], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready) => service.stdout!.once('data', ready));
});
afterAll(() => {
  service?.kill();
  bus?.kill();
});

/** Runs the CLI; resolves with when its error line appeared, its exit code and its stderr. */
function cli(args: string[]): Promise<{ errorAfterMs: number; code: number | null; stderr: string }> {
  const started = performance.now();
  const [node, ...nodeArgs] = TS_NODE;
  const child = spawn(node!, [...nodeArgs, 'main/cli-bin.ts', ...args], {
    env: {
      ...process.env,
      DBUS_SESSION_BUS_ADDRESS: address,
      COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cognito-desktop-silent-')),
      COGNITO_DISCOVERY_URL: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Silent',
      COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let errorAfterMs = Infinity;
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr === '') errorAfterMs = performance.now() - started;
    stderr += chunk.toString();
  });
  return new Promise((done) => child.on('close', (code) => done({ errorAfterMs, code, stderr })));
}

it('status and logout report a keychain that does not answer within the limit, with exit 5', async () => {
  const [status, logout] = await Promise.all([cli(['status']), cli(['logout', '--no-browser'])]);
  for (const run of [status, logout]) {
    expect(run.stderr).toContain('The OS keychain did not answer within 5 s');
    expect(run.errorAfterMs).toBeLessThan(10_000);
    expect(run.code).toBe(5);
  }
  expect(status.stderr).not.toContain('Not signed in');
  expect(logout.stderr).toContain('still signed in');
}, 120_000);
