/**
 * Where no OS keychain exists (an SSH box, a container) and COGNITO_DESKTOP_SESSION_AGENT=on, the
 * session agent keeps sessions in memory for the person's login: several real CLI processes share
 * one session through it; it answers only over a socket in the user's private folder (another
 * user cannot connect); it ends with the login session (its folder removed, as logind does) and
 * holds nothing after `logout`. Real CLI processes, Chromium as the browser, the emulator.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { runCliProcess } from '../support/cli-process.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';

const ENDPOINTS = testEndpoints(47645, 'agent');
const parts = useProviderAndKeychain(ENDPOINTS);
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

/** The agent's pid, asked over its socket; undefined when none answers. */
function agentPid(socket: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    connection.once('connect', () => connection.write('{"op":"ping"}\n'));
    connection.once('data', (data) => resolve((JSON.parse(String(data)) as { pid: number }).pid));
    connection.once('error', () => resolve(undefined));
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the session agent', () => {
  it('shares one session between CLI processes without a keychain, for other users out of reach, until logout', async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'cognito-desktop-runtime-'));
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-agent-'));
    const env = {
      ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
      ...NO_KEYCHAIN,
      BROWSER: SYSTEM_BROWSER_COMMAND,
      XDG_RUNTIME_DIR: runtime,
      COGNITO_DESKTOP_SESSION_AGENT: 'on',
    };
    const cli = (args: string[]) => runCliProcess(args, env);
    const socket = join(runtime, 'cognito-desktop', 'agent.sock');

    const login = await cli(['login', '--timeout', '60']);
    expect({ code: login.code, stderr: login.stderr }).toMatchObject({ code: 0 });
    expect(login.stderr).toContain('the session agent keeps this session in memory until you log out');
    expect(statSync(join(runtime, 'cognito-desktop')).mode & 0o777).toBe(0o700);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const pid = await agentPid(socket);
    expect(pid).toBeGreaterThan(0);

    // Other processes find the same session: one token, no new sign-in, no refresh.
    const [first, second] = await Promise.all([cli(['token']), cli(['token'])]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^eyJ/);
    expect(second.stdout).toBe(first.stdout);
    expect((await cli(['status'])).stdout).toContain('Signed in as alice@example.com');
    // Nothing was written to disk but the usual settings: no token in the settings folder.
    const grep = spawnSync('grep', ['-rl', first.stdout.trim().slice(-24), configDir, runtime], {
      encoding: 'utf8',
    });
    expect(grep.stdout).toBe('');

    // Another user cannot connect (as root, the test can try as nobody).
    if (process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0) {
      const probe = `require('net').createConnection(${JSON.stringify(socket)}).on('connect',()=>{console.log('CONNECTED');process.exit(0)}).on('error',(e)=>{console.log(e.code);process.exit(0)})`;
      const other = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', probe], {
        encoding: 'utf8',
      });
      expect(other.stdout.trim()).toBe('EACCES');
    } else
      console.log('session agent: another user’s attempt not tried (the test is not root, or no runuser).');

    // Signed out: the agent held only this session, and goes with it.
    const logout = await cli(['logout', '--no-browser']);
    expect(logout.code).toBe(0);
    await expect.poll(() => alive(pid!), { timeout: 10_000 }).toBe(false);
    expect((await cli(['status'])).code).toBe(1);

    // Signed in again (a new agent); then the login session ends: its runtime folder goes, and
    // the agent with it.
    expect((await cli(['login', '--timeout', '60'])).code).toBe(0);
    const again = await agentPid(socket);
    expect(again).toBeGreaterThan(0);
    rmSync(join(runtime, 'cognito-desktop'), { recursive: true, force: true });
    await expect.poll(() => alive(again!), { timeout: 10_000 }).toBe(false);
  }, 90_000);

  it('is not used unless asked for: without a keychain, the sign-in is not remembered (exit 5) and the way is named', async () => {
    const runtime = mkdtempSync(join(tmpdir(), 'cognito-desktop-runtime-'));
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-agent-'));
    const run = await runCliProcess(['status'], {
      ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
      ...NO_KEYCHAIN,
      XDG_RUNTIME_DIR: runtime,
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('export COGNITO_DESKTOP_SESSION_AGENT=on');
    expect(existsSync(join(runtime, 'cognito-desktop'))).toBe(false);
  });
});
