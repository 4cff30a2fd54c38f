/**
 * Browser journeys through the desktop app's UI, in Chromium: the built renderer, the real IPC
 * handlers, app controller and core, the Cognito emulator, the OS keychain, and a second Chromium
 * context as the user's system browser. Each journey saves screenshots (test-results/screenshots)
 * and checks the screen with axe-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser as Chromium, Locator, Page } from 'playwright-core';
import { AppHarness } from './app-harness.ts';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import type { SecretStore } from '../../main/core/ports.ts';
import { MIN_WINDOW_SIZE } from '../../main/core/window-state.ts';
import { CHANNELS, type Channel } from '../../preload/contract.ts';
import type { CognitoEmulator } from '../idp/emulator.ts';
import { useRealParts } from '../support/real-parts.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../idp/directory.ts';
import { PlaywrightBrowser } from '../support/playwright-browser.ts';
import { settingsValues } from '../support/settings-values.ts';
import { readStoredSession } from '../support/stored-session.ts';
import { submitSignInForm } from '../support/hosted-ui.ts';
import { followLaunch } from '../support/form-post-browser.ts';

const PORT = 47613;
const REDIRECT_URI = `http://127.0.0.1:${PORT}/callback`;
const LOGOUT_URI = `http://127.0.0.1:${PORT}/signed-out`;
const SERVICE = `cognito-desktop-journeys-${process.pid}`;
const SHOTS = 'test-results/screenshots';
const ALICE = { username: 'alice', password: 'Passw0rd!alice' };

let emulator: CognitoEmulator;
let chromium: Chromium;
let systemBrowser: PlaywrightBrowser;
let configDir: string;
const harnesses: AppHarness[] = [];

const parts = useRealParts({
  redirectUri: REDIRECT_URI,
  logoutUri: LOGOUT_URI,
  keychainService: SERVICE,
  identityProviders: [{ name: 'Google' }],
  identityPool: true,
});
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  emulator = parts.emulator;
  chromium = parts.chromium;
});

beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-journey-'));
  systemBrowser = new PlaywrightBrowser(chromium);
  systemBrowser.next = { kind: 'sign-in', credentials: ALICE };
});

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  await systemBrowser.reset();
});

const VALUES = settingsValues({
  clientId: CONFIDENTIAL_CLIENT_ID,
  redirectUri: REDIRECT_URI,
  logoutUri: LOGOUT_URI,
  scopes: 'openid email profile',
  usernameClaim: 'email',
});

/** Starts an app on `configDir`, configured for the emulator (unless `configure` is false). */
async function startApp(
  options: { configure?: boolean; secretStore?: SecretStore; values?: Partial<typeof VALUES> } = {},
): Promise<AppHarness> {
  const harness = new AppHarness({
    configDir,
    settingsStore: new JsonFileSettingsStore(configDir),
    secretStore: options.secretStore ?? new KeytarSecretStore(),
    browser: systemBrowser,
    env: { COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE },
  });
  harnesses.push(harness);
  if (options.configure !== false) {
    await harness.controller.init();
    await harness.controller.settings.saveSettings({
      values: { ...VALUES, discoveryUrl: emulator.issuer, ...options.values },
      clientSecret: CONFIDENTIAL_CLIENT_SECRET,
    });
  }
  await harness.open(chromium);
  return harness;
}

/** Waits until `locator` is visible. */
async function see(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until `locator`'s text contains `text`. */
async function seeText(locator: Locator, text: string): Promise<void> {
  await expect
    .poll(async () => (await locator.first().textContent({ timeout: 15_000 })) ?? '', { timeout: 15_000 })
    .toContain(text);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

async function shot(page: Page, name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * The words (runs of letters and digits) of the cards' values that a line break splits, measured
 * by Chromium's layout at the window's minimum size: each word's boxes must sit on one line.
 */
async function wordsSplitAcrossLines(page: Page): Promise<string[]> {
  await page.setViewportSize(MIN_WINDOW_SIZE);
  try {
    return await page.evaluate(() => {
      const split: string[] = [];
      for (const value of document.querySelectorAll('.panel dd')) {
        const walker = document.createTreeWalker(value, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const word of (node.textContent ?? '').matchAll(/[\p{L}\p{N}]+/gu)) {
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)));
            if (lines.size > 1) split.push(word[0]);
          }
        }
      }
      return split;
    });
  } finally {
    await page.setViewportSize({ width: 980, height: 720 });
  }
}

async function signInThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Profile' }).waitFor({ timeout: 30_000 });
}

async function sessionEntries(): Promise<string[]> {
  return (await keytar.findCredentials(SERVICE))
    .map((c) => c.account)
    .filter((a) => a.startsWith('session:') && !a.includes('#'));
}

describe('journeys', () => {
  it('sign in → the profile is shown, and the window was brought to the front', async () => {
    const app = await startApp();
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(app.page, 'signed-out');
    await shot(app.page, 'signed-out');
    await signInThroughUi(app.page);
    await expect(app.page.getByLabel('Signed in as').textContent()).resolves.toBe('alice@example.com');
    await see(app.page.getByText('admins'));
    await app.page.getByRole('button', { name: 'Call userinfo' }).click();
    await seeText(app.page.getByLabel('API answer'), '"username": "alice"');
    await expectAccessible(app.page, 'signed-in');
    await shot(app.page, 'signed-in');
    await shot(app.page, 'signed-in-dark', 'dark');
    expect(app.signedInCount).toBe(1);
    expect(systemBrowser.opened[0]!.finalTitle).toContain('Signed in');
    expect(await sessionEntries()).toHaveLength(1);
  });

  it('Continue with Google → Google’s own page → signed in as Google_… with how, and the pool’s group', async () => {
    const app = await startApp({ values: { identityProviders: 'Google, Facebook' } });
    const google = emulator.identityProvider('Google')!;
    const gina = google.users[0]!;
    systemBrowser.next = {
      kind: 'sign-in',
      credentials: { username: gina.username, password: gina.password },
    };
    await see(app.page.getByRole('button', { name: 'Continue with Google' }));
    await expectAccessible(app.page, 'signed-out with providers');
    await shot(app.page, 'signed-out-providers');
    await app.page.getByRole('button', { name: 'Continue with Google' }).click();
    await app.page.getByRole('heading', { name: 'Profile' }).waitFor({ timeout: 30_000 });
    // The system browser went to the pool, was sent on to Google's own page and signed in there.
    await systemBrowser.idle();
    expect(systemBrowser.opened[0]!.url).toContain('identity_provider=Google');
    expect(systemBrowser.opened[0]!.sawPasswordForm).toBe(true);
    expect(google.countRequests('/oauth2/token', 'authorization_code')).toBeGreaterThan(0);
    await expect(app.page.getByLabel('Signed in as').textContent()).resolves.toBe(gina.email);
    await see(app.page.getByText('Signed in through'));
    await seeText(app.page.locator('dd', { hasText: /^Google$/ }), 'Google');
    await see(app.page.getByText(`${emulator.poolId}_Google`));
    // At the window's minimum size no value breaks inside a word; the same cards with the old
    // rule (break anywhere, label beside value) do, so the measure can tell.
    expect(await wordsSplitAcrossLines(app.page)).toEqual([]);
    // (Set through the CSS object model: the window's CSP refuses a <style> tag.)
    const oldRule = (on: boolean) =>
      app.page.evaluate((apply) => {
        for (const list of document.querySelectorAll<HTMLElement>('.panel dl'))
          list.style.gridTemplateColumns = apply ? 'max-content 1fr' : '';
        for (const value of document.querySelectorAll<HTMLElement>('.panel dd'))
          value.style.overflowWrap = apply ? 'anywhere' : '';
      }, on);
    await oldRule(true);
    expect((await wordsSplitAcrossLines(app.page)).length).toBeGreaterThan(0);
    await oldRule(false);
    await app.page.getByRole('button', { name: 'Call userinfo' }).click();
    await seeText(app.page.getByLabel('API answer'), `"username": "Google_${gina.sub}"`);
    await shot(app.page, 'signed-in-google');

    // A provider the app offers but the pool does not have: the pool's error page in the browser;
    // a name the app does not offer: a readable error in the app, before any browser opens.
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await see(app.page.getByRole('button', { name: 'Continue with Facebook' }));
    const opened = systemBrowser.opened.length;
    const trusted = { frameUrl: app.page.url(), isMainFrame: true, webContentsId: 1 };
    const answer = await app.handlers[CHANNELS.signInWith](trusted, ['Okta']);
    expect(answer).toEqual({ ok: true, value: null });
    await seeText(app.page.getByRole('alert'), 'No identity provider named "Okta" is configured');
    expect(systemBrowser.opened.length).toBe(opened);
  });

  it('German: the window, the provider’s page (lang=de) and the browser page speak German; clearing the setting follows the OS', async () => {
    const app = await startApp({ values: { language: 'de' } });
    const page = app.page;
    await see(page.getByRole('button', { name: 'Anmelden' }));
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await seeText(page.locator('.provider'), 'Anmeldung über');
    await expectAccessible(page, 'signed-out (de)');
    await shot(page, 'signed-out-de');

    // The person's browser: driven here, to look at the pages it shows.
    systemBrowser.next = { kind: 'ignore' };
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await see(page.getByRole('heading', { name: 'Schließen Sie die Anmeldung in Ihrem Browser ab' }));
    await seeText(page.getByRole('status'), 'Abbruch in');
    await expectAccessible(page, 'waiting (de)');
    await shot(page, 'waiting-de');
    const authorize = new URL(await followLaunch(systemBrowser.opened.at(-1)!.launchUrl));
    expect(authorize.searchParams.get('lang')).toBe('de');
    const browser = await chromium.newPage();
    try {
      await browser.goto(authorize.href, { waitUntil: 'domcontentloaded' });
      expect(await browser.getAttribute('html', 'lang')).toBe('de');
      await browser.screenshot({ path: join(SHOTS, 'provider-page-de.png') });
      await submitSignInForm(browser, ALICE);
      await browser.waitForFunction(() => document.title.includes('cognito-desktop'), undefined, {
        timeout: 15_000,
      });
      expect(await browser.getAttribute('html', 'lang')).toBe('de');
      expect(await browser.title()).toBe('Angemeldet – cognito-desktop');
      await seeText(browser.locator('main'), 'Sie können diesen Tab schließen');
      await browser.screenshot({ path: join(SHOTS, 'browser-signed-in-de.png') });
    } finally {
      await browser.close();
    }

    await see(page.getByRole('heading', { name: 'Profil' }));
    await seeText(page.getByLabel('Angemeldet als'), 'alice@example.com');
    await see(page.getByRole('heading', { name: 'Sitzung' }));
    await see(page.getByRole('button', { name: 'userinfo aufrufen' }));
    await expectAccessible(page, 'signed-in (de)');
    await shot(page, 'signed-in-de');

    // Settings in German; the setting cleared, the window follows the OS's language (English here).
    await page.getByRole('button', { name: 'Profile verwalten…' }).click();
    await see(page.getByRole('heading', { name: 'Einstellungen' }));
    const language = page.getByLabel('Sprache (App und Anmeldeseite)');
    await expect.poll(() => language.inputValue()).toBe('de');
    await expectAccessible(page, 'settings (de)');
    await shot(page, 'settings-de');
    await language.fill('');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await see(page.getByRole('heading', { name: 'Settings' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await see(page.getByLabel('Language (app and sign-in page)'));
  });

  it('accounts: add a second person, switch back with the keyboard and no request, remove one; profiles in Settings', async () => {
    const app = await startApp();
    await signInThroughUi(app.page);
    await seeText(app.page.getByLabel('Signed in as'), 'alice@example.com');
    systemBrowser.next = { kind: 'sign-in', credentials: { username: 'bob', password: 'Passw0rd!bob' } };
    await app.page.getByRole('button', { name: 'Add account…' }).click();
    await seeText(app.page.getByLabel('Signed in as'), 'bob@example.com');
    await systemBrowser.idle();
    const accounts = app.page.getByRole('region', { name: 'Accounts' });
    await seeText(accounts, 'alice@example.com');
    await expect.poll(() => accounts.getByRole('listitem').count()).toBe(2);
    await expectAccessible(app.page, 'accounts');
    await shot(app.page, 'accounts-switcher');
    expect(await sessionEntries()).toHaveLength(2);

    // Back to alice from the keyboard: no request reaches the provider.
    const requests = emulator.requests.length;
    await app.page.getByRole('button', { name: 'Switch to alice@example.com' }).focus();
    await app.page.keyboard.press('Enter');
    await seeText(app.page.getByLabel('Signed in as'), 'alice@example.com');
    expect(emulator.requests.length).toBe(requests);
    expect(app.states.at(-1)?.switcher?.accounts.find((a) => a.name === 'bob@example.com')?.signedIn).toBe(
      true,
    );

    // Remove bob: alice stays signed in, bob's session leaves the keychain.
    await app.page.getByRole('button', { name: 'Remove bob@example.com' }).click();
    await expect.poll(() => accounts.getByRole('listitem').count()).toBe(1);
    await seeText(app.page.getByLabel('Signed in as'), 'alice@example.com');
    expect(await sessionEntries()).toHaveLength(1);

    // Profiles live in Settings: add one (empty, not set up), then go back to the first.
    await accounts.getByRole('button', { name: 'Manage profiles…' }).click();
    await app.page.getByLabel('New profile').fill('prod');
    await app.page.getByRole('button', { name: 'Add profile' }).click();
    await expect.poll(() => app.page.getByLabel('Settings of profile').inputValue()).toBe('prod');
    await expect.poll(() => app.page.getByLabel('Discovery URL').inputValue()).toBe('');
    await expectAccessible(app.page, 'settings with profiles');
    await shot(app.page, 'settings-profiles');
    await app.page.getByLabel('Settings of profile').selectOption('default');
    await expect.poll(() => app.page.getByLabel('Discovery URL').inputValue()).toBe(emulator.issuer);
  });

  it('signed in with an Identity Pool and an API: AWS credentials ready, and the API answers without echoing a token', async () => {
    const aws = emulator.aws!;
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY = aws.endpoint;
    // The team's API: answers with what it got, the Authorization header included.
    const apiServer = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization }));
    });
    const apiPort = await listen(apiServer, 0, '127.0.0.1');
    try {
      const app = await startApp({
        values: { identityPoolId: aws.identityPoolId, apiUrl: `http://127.0.0.1:${apiPort}/hello` },
      });
      await signInThroughUi(app.page);
      const panel = app.page.getByRole('region', { name: 'AWS credentials' });
      await see(panel.getByText('ready'));
      await see(panel.getByText(/^us-east-1:/));
      expect(aws.calls.GetCredentialsForIdentity).toBeGreaterThan(0);
      await app.page.getByRole('button', { name: 'Call API' }).click();
      await seeText(app.page.getByLabel('API status'), '200 OK');
      const body = (await app.page.getByLabel('API answer').textContent()) ?? '';
      expect(body).toContain('"path": "/hello"');
      expect(body).toContain('Bearer [a token of yours]');
      expect(body).not.toMatch(/eyJ/);
      await expectAccessible(app.page, 'signed-in with AWS and API');
      await shot(app.page, 'signed-in-aws');
    } finally {
      delete process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY;
      await closeServer(apiServer);
    }
  });

  it('a fresh app instance restores the session from the keychain without the browser or the network', async () => {
    const first = await startApp();
    await signInThroughUi(first.page);
    await first.close();
    const opened = systemBrowser.opened.length;
    const requests = emulator.requests.length;
    // Same settings folder and keychain, nothing configured anew: a restarted app.
    const second = await startApp({ configure: false });
    await second.page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(systemBrowser.opened.length).toBe(opened);
    expect(emulator.requests.length).toBe(requests);
  });

  it('Sign Out (the menu’s action) → sign-in screen, keychain cleared, logout URL visited', async () => {
    const app = await startApp();
    await signInThroughUi(app.page);
    systemBrowser.next = { kind: 'visit' };
    // The menu item "Sign Out" calls exactly this.
    await app.controller.signOut();
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await systemBrowser.idle();
    expect(await sessionEntries()).toEqual([]);
    const logout = new URL(systemBrowser.opened.at(-1)!.url);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${emulator.domain}/logout`);
    expect(logout.searchParams.get('logout_uri')).toBe(LOGOUT_URI);
    expect(systemBrowser.opened.at(-1)!.finalTitle).toContain('Signed out');
  });

  it('cancel while waiting → back to sign-in, told it was cancelled', async () => {
    const app = await startApp();
    systemBrowser.next = { kind: 'ignore' };
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    await app.page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
    await app.page.getByRole('button', { name: 'Copy sign-in link' }).click();
    await app.page.getByRole('button', { name: 'Link copied' }).waitFor();
    expect(app.clipboard.at(-1)).toMatch(new RegExp(`^${emulator.domain}/oauth2/authorize\\?`));
    await expectAccessible(app.page, 'waiting');
    await shot(app.page, 'waiting');
    await app.page.getByRole('button', { name: 'Cancel' }).click();
    await seeText(app.page.getByRole('alert'), 'Sign-in was cancelled');
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('provider down → a readable error, and the app still works once it is back', async () => {
    // Down before the app starts: no discovery document was ever fetched.
    await emulator.pause();
    let app: AppHarness;
    try {
      app = await startApp();
      await app.page.getByRole('button', { name: 'Sign in' }).click();
      await seeText(app.page.getByRole('alert'), 'Could not reach the sign-in service');
      await seeText(app.page.getByRole('alert'), 'nothing answers at');
      await seeText(app.page.getByRole('alert'), 'Check that the provider is running');
      await expectAccessible(app.page, 'provider-down');
      await shot(app.page, 'provider-down');
    } finally {
      await emulator.resume();
    }
    await signInThroughUi(app.page);
  });

  it('provider down with discovery cached → the browser opens at once, and the wait screen says it is unreachable', async () => {
    const app = await startApp();
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The app names the provider by its pool id from the start, and fetches discovery in the
    // background: wait until that is cached.
    await see(app.page.getByText(emulator.poolId));
    await expect
      .poll(
        () => existsSync(join(configDir, 'discovery')) && readdirSync(join(configDir, 'discovery')).length,
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    systemBrowser.next = { kind: 'ignore' };
    await emulator.pause();
    try {
      await app.page.getByRole('button', { name: 'Sign in' }).click();
      await app.page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
      await seeText(app.page.getByRole('alert'), 'Could not reach the sign-in service');
      expect(systemBrowser.opened).toHaveLength(1);
      await app.page.getByRole('button', { name: 'Cancel' }).click();
      await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    } finally {
      await emulator.resume();
    }
  });

  it('settings: validation beside the field, then save; the secret goes to the keychain only', async () => {
    const app = await startApp({ configure: false });
    await app.page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectAccessible(app.page, 'settings-first-run');
    await app.page.getByLabel('Discovery URL').fill(emulator.discoveryUrl);
    await app.page.getByLabel('Client ID').fill(CONFIDENTIAL_CLIENT_ID);
    await app.page.getByLabel('Redirect URI').fill('http://127.0.0.1/callback');
    await see(app.page.getByText('Redirect URI must name a port'));
    await app.page.getByRole('button', { name: 'Save' }).click();
    await see(app.page.getByText('Not saved'));
    await app.page.getByLabel('Redirect URI').fill(REDIRECT_URI);
    await app.page.getByLabel('Client secret').fill(CONFIDENTIAL_CLIENT_SECRET);
    await app.page.getByRole('button', { name: 'Save' }).click();
    await see(app.page.getByText('Settings saved.'));
    await see(app.page.getByText(`http://127.0.0.1:${PORT}/signed-out`));
    await app.page.getByRole('button', { name: 'Check configuration' }).click();
    await see(app.page.getByText('Discovery document is reachable and well-formed'));
    await expectAccessible(app.page, 'settings');
    await shot(app.page, 'settings');
    const file = readFileSync(join(configDir, 'config.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ redirectUri: REDIRECT_URI, clientId: CONFIDENTIAL_CLIENT_ID });
    expect(file).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    expect((await keytar.findCredentials(SERVICE)).some((c) => c.account.startsWith('client-secret:'))).toBe(
      true,
    );
    await app.page.getByRole('button', { name: 'Close' }).click();
    await signInThroughUi(app.page);
  });

  it('keychain unavailable → signed in with a lasting notice that it will not be remembered', async () => {
    // keytar's own error when no Secret Service answers; the CLI test reaches that state for real
    // (a process with no D-Bus), which cannot be done inside this process.
    const noKeychain: SecretStore = {
      get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      delete: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
    };
    const app = await startApp({ configure: false, secretStore: noKeychain });
    await app.controller.settings
      .saveSettings({ values: { ...VALUES, clientId: 'x', discoveryUrl: emulator.issuer } })
      .catch(() => undefined);
    await new JsonFileSettingsStore(configDir).write({
      ...VALUES,
      discoveryUrl: emulator.issuer,
      clientId: '7emu1atorpub1icc1ientnosecret',
    });
    await app.close();
    const again = await startApp({ configure: false, secretStore: noKeychain });
    await seeText(again.page.getByRole('alert'), 'The system keychain is not available');
    await signInThroughUi(again.page);
    await seeText(again.page.getByRole('status').first(), 'will not be remembered');
    await expectAccessible(again.page, 'keychain-unavailable');
    await shot(again.page, 'keychain-unavailable');
  });

  it('no IPC handler ever returns a token or the client secret', async () => {
    const app = await startApp();
    await signInThroughUi(app.page);
    const service = (
      app.controller as unknown as {
        service: { getAccessToken(): Promise<string>; getIdToken(): Promise<string> };
      }
    ).service;
    const secrets = [await service.getAccessToken(), await service.getIdToken(), CONFIDENTIAL_CLIENT_SECRET];
    const { refreshToken } = await readStoredSession(SERVICE, emulator.issuer, CONFIDENTIAL_CLIENT_ID);
    expect(refreshToken).toBeTruthy();
    secrets.push(refreshToken!);
    const trusted = { frameUrl: app.page.url(), isMainFrame: true, webContentsId: 1 };
    const settingsArg = { ...VALUES, discoveryUrl: emulator.issuer };
    const args: Partial<Record<Channel, unknown[]>> = {
      [CHANNELS.validateSettings]: [settingsArg],
      [CHANNELS.checkConfiguration]: [settingsArg],
      [CHANNELS.copyText]: ['x'],
    };
    const skip = new Set<Channel>([
      CHANNELS.signOut,
      CHANNELS.addAccount,
      CHANNELS.signOutAccount,
      CHANNELS.removeProfile,
      CHANNELS.signIn,
      CHANNELS.useEmulator,
      CHANNELS.saveSettings,
    ]);
    for (const channel of Object.values(CHANNELS)) {
      if (skip.has(channel)) continue;
      const answer = JSON.stringify(await app.handlers[channel](trusted, args[channel] ?? []));
      for (const secret of secrets) expect(answer, channel).not.toContain(secret.slice(-24));
    }
    for (const state of app.states)
      for (const secret of secrets) expect(JSON.stringify(state)).not.toContain(secret.slice(-24));
  });
});
