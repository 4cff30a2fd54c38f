/**
 * Sign in and sign out in the real Electron app (npm run test:electron; skipped where no Electron
 * binary exists). The system browser is Chromium driven by Playwright: the app's openExternal is
 * replaced in the main process so the test can follow the URL it opens.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { _electron as electron, type ElectronApplication, type Browser } from 'playwright-core';
import keytar from 'keytar';
import { startCognitoEmulator, type CognitoEmulator } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../idp/directory.ts';
import { launchChromium } from '../support/chromium.ts';
import { signInAndCatchRedirect } from '../support/hosted-ui.ts';

const PORT = 47614;
const REDIRECT_URI = `http://127.0.0.1:${PORT}/callback`;
const SERVICE = `cognito-desktop-electron-${process.pid}`;

let emulator: CognitoEmulator;
let app: ElectronApplication;
let browser: Browser;

beforeAll(async () => {
  emulator = await startCognitoEmulator({
    clients: defaultClients(REDIRECT_URI, `http://127.0.0.1:${PORT}/signed-out`),
  });
  browser = await launchChromium();
  app = await electron.launch({
    args: ['.'],
    env: {
      ...process.env,
      COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cognito-desktop-electron-')),
      COGNITO_DISCOVERY_URL: emulator.issuer,
      COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
      COGNITO_REDIRECT_URI: REDIRECT_URI,
      COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
    },
  });
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { openedUrls: string[] }).openedUrls = opened;
    shell.openExternal = (url: string) => {
      opened.push(url);
      return Promise.resolve();
    };
  });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await emulator?.stop();
  for (const c of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, c.account);
});

async function nextOpenedUrl(count: number): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const urls = await app.evaluate(() => (globalThis as unknown as { openedUrls: string[] }).openedUrls);
    if (urls.length >= count) return urls[count - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not open the browser');
}

it('signs in through the system browser and signs out from the menu', async () => {
  const window = await app.firstWindow();
  await window.getByRole('button', { name: 'Sign in' }).click();
  const page = await browser.newPage();
  await signInAndCatchRedirect(page, await nextOpenedUrl(1), REDIRECT_URI, {
    username: 'alice',
    password: 'Passw0rd!alice',
  });
  await window.getByRole('heading', { name: 'Profile' }).waitFor();
  expect(await window.getByLabel('Signed in as').textContent()).toBe('alice@example.com');

  // Exactly what choosing File → Sign Out does.
  await app.evaluate(({ Menu }) => {
    Menu.getApplicationMenu()?.getMenuItemById('sign-out')?.click();
  });
  await window.getByRole('button', { name: 'Sign in' }).waitFor();
  const logout = new URL(await nextOpenedUrl(2));
  expect(logout.pathname).toBe('/logout');
  await page.goto(logout.href);
  expect(await page.title()).toContain('Signed out');
});
