/**
 * Signing in on another device with a code (RFC 8628), against the emulator as a standard provider
 * that offers the device flow: the CLI shows the address and the code, Chromium (the "other
 * device") enters the code on the provider's page and signs in, and the CLI stores the session as
 * a browser sign-in would. `slow_down` stretches the polling; an unused code expires (exit 6);
 * where no browser can open the CLI picks this route by itself; Cognito (no device flow) is told.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';
import { readStoredSession } from '../support/stored-session.ts';
import { useDeviceCode } from '../support/device-code.ts';
import { LiveCli } from '../support/live-cli.ts';
import { TS_NODE, runCliProcess } from '../support/cli-process.ts';
import { HAS_TMUX, Terminal, cliCommandLine, exitCodeIn } from '../support/terminal.ts';

const ENDPOINTS = testEndpoints(47643, 'device');
const parts = useRealParts({ ...ENDPOINTS, flavour: 'standard', lifetimes: { deviceCode: 20 } });
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

let env: Record<string, string>;
beforeEach(() => {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-device-'));
  env = {
    ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID),
    COGNITO_GROUPS_CLAIM: 'groups',
    BROWSER: '',
  };
});

/** The address and code the CLI printed. */
async function shownCode(cli: LiveCli): Promise<{ address: string; code: string }> {
  const [, address, code] = await cli.waitForErr(/on any device:\n {2}(\S+)\nand enter the code: {2}(\S+)\n/);
  return { address: address!, code: code! };
}

const useCodeElsewhere = (address: string, code: string) => useDeviceCode(parts.chromium, address, code);

const polls = () => parts.emulator.requests.filter((r) => r.grantType === DEVICE_GRANT);

describe('the device route', () => {
  it('signs in with the code used on another device, stored as a browser sign-in', async () => {
    const cli = new LiveCli(['login', '--device'], env);
    const { address, code } = await shownCode(cli);
    expect(address).toBe(`${parts.emulator.issuer.replace(/\/[^/]+$/, '')}/device`);
    expect(code).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(await useCodeElsewhere(address, code)).toBe('Signed in');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('Signed in as alice@example.com');
    const stored = await readStoredSession(
      ENDPOINTS.keychainService,
      parts.emulator.issuer,
      PUBLIC_CLIENT_ID,
    );
    expect(stored.refreshToken).toBeTruthy();
    // The same session as any other: the token command uses it without a sign-in.
    const token = await runCliProcess(['token'], env);
    expect(token.stdout.trim()).toBe(stored.accessToken);
  });

  it('polls more slowly after slow_down', async () => {
    parts.emulator.faults.deviceSlowDowns = 1;
    const before = polls().length;
    const cli = new LiveCli(['login', '--device'], env);
    const { address, code } = await shownCode(cli);
    // The first poll (after the server's 5 s interval) is told to slow down; the code is used
    // meanwhile, and the next poll, 5 s later than the interval alone, gets the tokens.
    await expect.poll(() => polls().length - before, { timeout: 10_000 }).toBe(1);
    await useCodeElsewhere(address, code);
    expect(await cli.exited).toBe(0);
    const [slowedDown, next] = polls()
      .slice(before)
      .map((r) => r.at);
    console.log(`the poll after slow_down came ${next! - slowedDown!} ms later`);
    expect(next! - slowedDown!).toBeGreaterThanOrEqual(9_500);
  }, 60_000);

  it('ends with exit 6 when the code is not used before it expires, storing nothing', async () => {
    const cli = new LiveCli(['login', '--device'], env);
    await shownCode(cli);
    expect(await cli.exited).toBe(6);
    expect(cli.stderr).toContain('The code was not used within 20 s');
    await expect(
      readStoredSession(ENDPOINTS.keychainService, parts.emulator.issuer, PUBLIC_CLIENT_ID),
    ).rejects.toThrow();
  }, 60_000);

  it('is chosen by itself where no browser can open, and Ctrl-C cancels it (exit 6)', async () => {
    const cli = new LiveCli(['login'], { ...env, SSH_CONNECTION: '10.0.0.1 5022 10.0.0.2 22' });
    await cli.waitForErr(/No browser can open here: this is an SSH session/);
    await shownCode(cli);
    cli.child.kill('SIGINT');
    expect({ code: await cli.exited, stderr: cli.stderr }).toMatchObject({ code: 6 });
  });
});

describe.skipIf(!HAS_TMUX)('the device route at a terminal', () => {
  const terminal = new Terminal(`cognito-desktop-device-${process.pid}`);
  afterEach(() => terminal.close());

  it('shows the address, the code, a QR code of the address with the code, and the time left', async () => {
    const exitFile = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-device-tty-')), 'exit-code');
    terminal.start(cliCommandLine(resolve('.'), TS_NODE, ['login', '--device'], env, exitFile));
    const screen = await terminal.waitFor(/Waiting for the code to be used: \d+:\d\d left · Ctrl-C cancels/);
    expect(screen).toMatch(/and enter the code: {2}[B-Z]{4}-[B-Z]{4}/);
    expect(screen).toContain('Or scan this with your phone:');
    // The QR code: rows of half-block characters, as wide as they are tall.
    const rows = screen.split('\n').filter((line) => /^[█▀▄ ]{20,}$/.test(line));
    expect(rows.length).toBeGreaterThan(10);
    terminal.keys('C-c');
    expect(await exitCodeIn(exitFile)).toBe(6);
  });
});
