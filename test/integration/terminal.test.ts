/**
 * What a person sees at a real terminal (tmux): the live countdown line while the browser route
 * waits, Ctrl-C that cancels it (exit 6); the paste route's instructions and its answer to a wrong
 * paste, typed as keys. The CLI runs against the emulator and the real keychain.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { TS_NODE } from '../support/cli-process.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { HAS_TMUX, Terminal, cliCommandLine, exitCodeIn } from '../support/terminal.ts';

const ENDPOINTS = testEndpoints(47642, 'terminal');
const parts = useProviderAndKeychain(ENDPOINTS);
if (!HAS_TMUX) console.log('terminal tests: skipped, tmux is not installed here.');

const terminal = new Terminal(`cognito-desktop-test-${process.pid}`);
afterEach(() => terminal.close());

/** Starts `cognito-desktop ARGS` in the terminal; its exit code lands in the returned file. */
function startInTerminal(args: string[], extra: Record<string, string>): { exitFile: string } {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-terminal-'));
  const exitFile = join(configDir, 'exit-code');
  const env = { ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID), ...extra };
  terminal.start(cliCommandLine(resolve('.'), TS_NODE, args, env, exitFile));
  return { exitFile };
}

describe.skipIf(!HAS_TMUX)('at a terminal', () => {
  it('counts the time left down on one live line, and Ctrl-C cancels (exit 6)', async () => {
    // An opener that "opens" and ends well: the browser route, waiting for a browser that never comes back.
    const { exitFile } = startInTerminal(['login', '--timeout', '120'], { BROWSER: 'true', DISPLAY: ':0' });
    const first = await terminal.waitFor(
      /Waiting for you to finish in your browser: 1:5\d left · Ctrl-C cancels/,
    );
    expect(first.match(/left · Ctrl-C cancels/g)).toHaveLength(1);
    const shown = /(\d:\d\d) left/.exec(first)![1]!;
    const later = await terminal.waitFor(new RegExp(`: (?!${shown})\\d:\\d\\d left`));
    // A second later: another time, still on one line, redrawn in place.
    expect(later.match(/left · Ctrl-C cancels/g)).toHaveLength(1);
    terminal.keys('C-c');
    expect(await exitCodeIn(exitFile)).toBe(6);
    expect(terminal.screen()).toContain('Sign-in was cancelled.');
  });

  it('shows the paste route’s link and instructions, and answers a wrong paste', async () => {
    startInTerminal(['login', '--paste', '--timeout', '120'], { DISPLAY: ':0' });
    await terminal.waitFor(/Copy that whole address from the address bar and paste it here/);
    expect(terminal.screen()).toMatch(
      /Open this link in a browser, on any device, to sign in:\n\s+http:\/\/localhost:\d+\/oauth2\/authorize\?/,
    );
    terminal.keys('http://127.0.0.1:47642/callback?code=x&state=not-this-one', 'Enter');
    await terminal.waitFor(/belongs to another sign-in attempt/);
  });
});
