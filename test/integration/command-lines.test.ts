/**
 * What every local user can read: the command line of each process (`/proc/<pid>/cmdline`). While
 * the CLI signs in, refreshes and signs out, a sampler reads the command line of every process this
 * test started (the CLI, the browser and whatever they start: all inherit a marker in their
 * environment; the rest of the machine, other test files included, is not this test's business) as
 * often as it can, as another user on the machine would; none may hold a token, an authorization code,
 * the `state` or the PKCE challenge of a sign-in, or an ID token as `id_token_hint`. The browser is
 * started with the receiver's one-time launch address instead (the sampler must see that, or it
 * was not looking). Real CLI processes, the real keychain, Chromium and the emulator.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';
import { readStoredSession } from '../support/stored-session.ts';

const ENDPOINTS = testEndpoints(47639, 'cmdline');
// Access tokens of 3 s: every `token` refreshes (they are always within the refresh margin).
const parts = useRealParts({ ...ENDPOINTS, chromium: false, lifetimes: { accessToken: 3 } });

let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-cmdline-'));
});

// Named so that the CLI passes it on to the browser (it keeps COGNITO_* and secret-like names back).
const MARKER = `COMMAND_LINE_SAMPLE=${randomUUID()}`;

const cli = (args: string[]): Promise<CliRun> =>
  runCliProcess(args, {
    ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
    BROWSER: SYSTEM_BROWSER_COMMAND,
    [MARKER.split('=')[0]!]: MARKER.split('=')[1]!,
  });

/** Whether the process `pid` descends from this test: its environment holds the marker. */
function startedHere(pid: string): boolean {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(MARKER);
}

/**
 * Reads the command line of each process this test started, every few milliseconds until stopped;
 * returns all it saw.
 */
function sampleCommandLines(): { stop(): Set<string> } {
  const seen = new Set<string>();
  let running = true;
  const sample = (): void => {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        if (line && startedHere(pid)) seen.add(line);
      } catch {
        // Gone between the listing and the read.
      }
    }
    if (running) setTimeout(sample, 2);
  };
  sample();
  return {
    stop: () => {
      running = false;
      return seen;
    },
  };
}

describe.skipIf(process.platform !== 'linux')('command lines during sign-in, refresh and sign-out', () => {
  it('carry no token, code, state, PKCE challenge or ID token hint', async () => {
    const sampler = sampleCommandLines();
    let lines: Set<string>;
    let stored: Awaited<ReturnType<typeof readStoredSession>>;
    try {
      expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
      expect((await cli(['token'])).code).toBe(0);
      stored = await readStoredSession(ENDPOINTS.keychainService, parts.emulator.issuer, PUBLIC_CLIENT_ID);
      expect((await cli(['logout'])).code).toBe(0);
    } finally {
      lines = sampler.stop();
    }
    const all = [...lines].join('\n');
    // The sampler looked only at this test's processes, and it saw the CLI among them.
    expect(all).toMatch(/cli-bin\.ts login --timeout 60/);
    // The sampler saw the browser being started, with the launch address and nothing else.
    expect(all).toMatch(/system-browser\.ts http:\/\/127\.0\.0\.1:47639\/launch\/[\w-]{32}/);
    for (const secret of [stored.accessToken, stored.idToken, stored.refreshToken!])
      expect(all).not.toContain(secret.slice(-24));
    for (const shape of [
      'eyJ',
      'state=',
      'code_challenge',
      'code=',
      'id_token_hint',
      '/oauth2/authorize',
      '/logout?',
    ])
      expect(
        [...lines].filter((line) => line.includes(shape)).map((line) => line.slice(0, 200)),
        shape,
      ).toEqual([]);
  });
});
