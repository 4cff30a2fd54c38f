/**
 * What a person sees at a real terminal (tmux): the live countdown line while the browser route
 * waits, Ctrl-C that cancels it (exit 6); the paste route's instructions and its answer to a wrong
 * paste, typed as keys. The CLI runs against the emulator and the real keychain.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { TS_NODE } from '../support/cli-process.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';

const ENDPOINTS = testEndpoints(47642, 'terminal');
const parts = useProviderAndKeychain(ENDPOINTS);
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.log('terminal tests: skipped, tmux is not installed here.');

const SESSION = `cognito-desktop-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
afterEach(() => tmux('kill-session', '-t', SESSION));

/** Starts `cognito-desktop ARGS` in a fresh tmux window; its exit code lands in a file. */
function startInTerminal(args: string[], extra: Record<string, string>): { exitFile: string } {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-terminal-'));
  const exitFile = join(configDir, 'exit-code');
  const env = { ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID), ...extra };
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}='${v}'`)
    .join(' ');
  const command = `cd '${resolve('.')}' && env ${exports} ${TS_NODE.map((w) => `'${w}'`).join(' ')} main/cli-bin.ts ${args.join(' ')}; echo $? > '${exitFile}'; sleep 60`;
  const started = tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '30', command);
  expect(started.status, started.stderr).toBe(0);
  return { exitFile };
}

const screen = () => tmux('capture-pane', '-p', '-t', SESSION).stdout;

async function waitForScreen(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`no ${pattern} on the terminal:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exitCode(file: string): Promise<number> {
  await expect
    .poll(
      () => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return '';
        }
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  return Number(readFileSync(file, 'utf8'));
}

describe.skipIf(!hasTmux)('at a terminal', () => {
  it('counts the time left down on one live line, and Ctrl-C cancels (exit 6)', async () => {
    // An opener that "opens" and ends well: the browser route, waiting for a browser that never comes back.
    const { exitFile } = startInTerminal(['login', '--timeout', '120'], { BROWSER: 'true', DISPLAY: ':0' });
    const first = await waitForScreen(
      /Waiting for you to finish in your browser: 1:5\d left · Ctrl-C cancels/,
    );
    expect(first.match(/left · Ctrl-C cancels/g)).toHaveLength(1);
    const shown = /(\d:\d\d) left/.exec(first)![1]!;
    const later = await waitForScreen(new RegExp(`: (?!${shown})\\d:\\d\\d left`));
    // A second later: another time, still on one line, redrawn in place.
    expect(later.match(/left · Ctrl-C cancels/g)).toHaveLength(1);
    tmux('send-keys', '-t', SESSION, 'C-c');
    expect(await exitCode(exitFile)).toBe(6);
    expect(screen()).toContain('Sign-in was cancelled.');
  });

  it('shows the paste route’s link and instructions, and answers a wrong paste', async () => {
    startInTerminal(['login', '--paste', '--timeout', '120'], { DISPLAY: ':0' });
    await waitForScreen(/Copy that whole address from the address bar and paste it here/);
    expect(screen()).toMatch(
      /Open this link in a browser, on any device, to sign in:\n\s+http:\/\/localhost:\d+\/oauth2\/authorize\?/,
    );
    tmux('send-keys', '-t', SESSION, 'http://127.0.0.1:47642/callback?code=x&state=not-this-one', 'Enter');
    await waitForScreen(/belongs to another sign-in attempt/);
  });
});
