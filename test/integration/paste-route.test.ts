/**
 * Signing in where no browser can reach this machine (over SSH, in a container): the CLI prints the
 * link, the person signs in on any device, their browser ends on the redirect address where
 * nothing listens, and they paste that address at the prompt. Real CLI processes, the real
 * keychain, the emulator, and Chromium — kept from reaching the loopback receiver by aborting its
 * requests to the redirect address, as a browser on another machine would fail to connect.
 */
import { existsSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';
import { readStoredSession } from '../support/stored-session.ts';
import { submitSignInForm } from '../support/hosted-ui.ts';
import { LiveCli } from '../support/live-cli.ts';
import { runCliProcess } from '../support/cli-process.ts';

const ENDPOINTS = testEndpoints(47641, 'paste');
const REDIRECT = ENDPOINTS.redirectUri;
const parts = useRealParts(ENDPOINTS);
const ALICE = { username: 'alice', password: 'Passw0rd!alice' };

let env: Record<string, string>;
beforeEach(() => {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-paste-'));
  env = { ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID), BROWSER: '' };
});

/** The sign-in link the CLI printed. */
async function printedLink(cli: LiveCli): Promise<string> {
  const [, link] = await cli.waitForErr(/sign in:\n {2}(\S+)\n/);
  return link!;
}

/**
 * Signs in at `link` in Chromium as a browser on another device would: its request to the redirect
 * address fails to connect (failed through the DevTools protocol's Fetch domain, which catches the
 * provider's redirect too; Playwright's own routes do not). Returns
 * the address it ended on (what the person copies from the address bar).
 */
async function signInElsewhere(link: string): Promise<string> {
  const context = await parts.chromium.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let address: string | undefined;
  cdp.on('Fetch.requestPaused', (event) => {
    address = event.request.url;
    void cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'ConnectionRefused' });
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `${REDIRECT}?*` }] });
  await page.goto(link);
  await submitSignInForm(page, ALICE);
  await expect.poll(() => address, { timeout: 15_000 }).toBeDefined();
  await context.close();
  return address!;
}

describe('the paste route', () => {
  it('signs in with the address a browser elsewhere ended on; refuses other pastes and keeps waiting', async () => {
    const cli = new LiveCli(['login', '--paste', '--timeout', '60'], env);
    const link = await printedLink(cli);
    await cli.waitForErr(/paste it here/);
    const address = await signInElsewhere(link);
    expect(address).toMatch(new RegExp(`^${REDIRECT}\\?code=`));

    const wrong: [string, RegExp][] = [
      ['hello', /not the address the browser ended on/],
      [address.replace('127.0.0.1', 'localhost'), /not the address the browser ended on/],
      [address.replace('/callback', '/elsewhere'), /not the address the browser ended on/],
      [address.replace(/state=[^&]+/, 'state=someone-elses'), /belongs to another sign-in attempt/],
    ];
    for (const [paste, answer] of wrong) {
      const before = cli.stderr.length;
      cli.type(paste);
      await expect.poll(() => cli.stderr.slice(before), { timeout: 5000 }).toMatch(answer);
    }
    expect(cli.child.exitCode).toBeNull();
    cli.type(address);
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('Signed in as alice@example.com');
    // The pasted address (with its code) is never echoed.
    expect(cli.stderr).not.toContain(new URL(address).searchParams.get('code')!);
    const stored = await readStoredSession(
      ENDPOINTS.keychainService,
      parts.emulator.issuer,
      PUBLIC_CLIENT_ID,
    );
    expect(stored.accessToken).toBeTruthy();

    // The same address again, for a new attempt: another attempt's state, refused; the new one waits.
    const again = new LiveCli(['login', '--paste', '--timeout', '60'], env);
    await again.waitForErr(/paste it here/);
    again.type(address);
    await again.waitForErr(/belongs to another sign-in attempt/);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(6);
  });

  it('a paste and the browser’s own callback racing: one wins, one token request', async () => {
    const cli = new LiveCli(['login', '--no-browser', '--timeout', '60'], env);
    const link = await printedLink(cli);
    const before = parts.emulator.countRequests('/oauth2/token', 'authorization_code');
    const context = await parts.chromium.newContext();
    const page = await context.newPage();
    let pasted = false;
    page.on('request', (request) => {
      // Both at once: the address pasted as the browser sends it to the receiver.
      if (!request.url().startsWith(`${REDIRECT}?`)) return;
      cli.type(request.url());
      pasted = true;
    });
    await page.goto(link);
    await submitSignInForm(page, ALICE);
    expect(await cli.exited).toBe(0);
    expect(pasted).toBe(true);
    expect(parts.emulator.countRequests('/oauth2/token', 'authorization_code') - before).toBe(1);
    await context.close();
  });
});

describe('the device route at Cognito', () => {
  it('is refused with the reason: a user pool offers no device flow', async () => {
    const run = await runCliProcess(['login', '--device'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('This provider offers no sign-in on another device');
  });
});

describe('when no browser can open', () => {
  /** A PATH whose xdg-open records that it ran, and fails as it does without a desktop. */
  function recordingOpener(): { path: string; ran: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-opener-'));
    const ran = join(dir, 'ran');
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\ntouch '${ran}'\nexit 3\n`);
    chmodSync(join(dir, 'xdg-open'), 0o755);
    return { path: `${dir}:${process.env.PATH}`, ran };
  }

  it('says so at once when the opener fails, and offers the paste prompt', async () => {
    const opener = recordingOpener();
    const cli = new LiveCli(['login', '--timeout', '60'], { ...env, PATH: opener.path, DISPLAY: ':0' });
    await cli.waitForErr(/Opening your browser/);
    const opening = Date.now();
    await cli.waitForErr(/Could not open a browser here \(xdg-open failed \(exit 3\)\)/);
    const saidAfterMs = Date.now() - opening;
    await cli.waitForErr(/paste it here/);
    expect(existsSync(opener.ran)).toBe(true);
    console.log(`opener failure reported ${saidAfterMs} ms after the browser was asked for`);
    expect(saidAfterMs).toBeLessThan(10_000);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(6);
  });

  it.each([
    [
      'an SSH session',
      { SSH_CONNECTION: '10.0.0.1 5022 10.0.0.2 22', DISPLAY: ':0' },
      /this is an SSH session/,
    ],
    ['no display', { DISPLAY: '', WAYLAND_DISPLAY: '' }, /there is no display/],
  ])('starts no opener in %s without BROWSER, and goes to the paste route', async (_, extra, reason) => {
    const opener = recordingOpener();
    const run = await runCliProcess(['login', '--timeout', '2'], { ...env, ...extra, PATH: opener.path });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toContain('Open this link in a browser, on any device');
    expect(existsSync(opener.ran)).toBe(false);
  });
});
