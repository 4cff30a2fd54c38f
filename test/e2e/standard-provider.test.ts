/**
 * The app's sign-in and sign-out journey through its UI against standard OpenID providers that
 * are not Cognito (the emulator's `standard` flavour: PS256, `client_secret_post` only,
 * `preferred_username` and `groups`, an end-session endpoint that requires `id_token_hint`; and
 * the same without an end-session endpoint).
 * Chromium shows the app and stands in for the system browser; the keychain is the OS's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppHarness } from './app-harness.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../idp/directory.ts';
import type { ProviderFlavour } from '../idp/emulator.ts';
import { PlaywrightBrowser } from '../support/playwright-browser.ts';
import { testEndpoints, useRealParts } from '../support/real-parts.ts';
import { settingsValues } from '../support/settings-values.ts';
import { useDeviceCode } from '../support/device-code.ts';
import { AxeBuilder } from '@axe-core/playwright';

const ENDPOINTS = testEndpoints(47624, 'standard-journey');

describe.each<ProviderFlavour>(['standard', 'standard-without-logout'])(
  'against a %s provider',
  (flavour) => {
    const parts = useRealParts({ ...ENDPOINTS, flavour });
    const harnesses: AppHarness[] = [];
    afterEach(async () => {
      for (const h of harnesses.splice(0)) await h.close();
    });

    /** The app set up for the provider (confidential client, its claims), its window open. */
    async function startApp(systemBrowser: PlaywrightBrowser) {
      const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-standard-journey-'));
      const app = new AppHarness({
        configDir,
        settingsStore: new JsonFileSettingsStore(configDir),
        secretStore: new KeytarSecretStore(),
        browser: systemBrowser,
        env: { COGNITO_DESKTOP_KEYCHAIN_SERVICE: ENDPOINTS.keychainService },
      });
      harnesses.push(app);
      await app.controller.init();
      await app.controller.settings.saveSettings({
        values: settingsValues({
          discoveryUrl: parts.emulator.issuer,
          clientId: CONFIDENTIAL_CLIENT_ID,
          redirectUri: ENDPOINTS.redirectUri,
          logoutUri: ENDPOINTS.logoutUri,
          scopes: 'openid profile',
          groupsClaim: 'groups',
        }),
        clientSecret: CONFIDENTIAL_CLIENT_SECRET,
      });
      return { app, page: await app.open(parts.chromium) };
    }

    it('signs in, shows the standard claims, signs out (at the provider when it can)', async () => {
      const systemBrowser = new PlaywrightBrowser(parts.chromium);
      systemBrowser.next = {
        kind: 'sign-in',
        credentials: { username: 'alice', password: 'Passw0rd!alice' },
      };
      const { app, page } = await startApp(systemBrowser);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Profile' }).waitFor({ timeout: 30_000 });
      // No email scope: the name comes from preferred_username; groups from the `groups` claim.
      await expect(page.getByLabel('Signed in as').textContent()).resolves.toBe('alice');
      await page.getByText('admins').first().waitFor();

      systemBrowser.next = { kind: 'visit' };
      await app.controller.signOut();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await systemBrowser.idle();
      if (flavour === 'standard') {
        const logout = new URL(systemBrowser.opened.at(-1)!.url);
        expect(logout.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
        expect(systemBrowser.opened.at(-1)!.finalTitle).toContain('Signed out');
      } else {
        // Nothing to open: the app says the provider's session may still be active.
        expect(systemBrowser.opened).toHaveLength(1);
        await page.getByText('The provider has no end-session endpoint').waitFor();
      }
      await systemBrowser.reset();
    });

    // The device flow is a standard provider's (the one without logout is the same provider).
    if (flavour === 'standard')
      it('offers signing in on another device while waiting: the code and QR code, then signed in', async () => {
        const systemBrowser = new PlaywrightBrowser(parts.chromium);
        systemBrowser.next = { kind: 'ignore' };
        const { page } = await startApp(systemBrowser);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Sign in on another device' }).click();
        await page.getByRole('heading', { name: 'Sign in on another device' }).waitFor();
        const code = (await page.getByLabel('Code', { exact: true }).textContent())!;
        const address = (await page.locator('strong.mono').textContent())!;
        expect(code).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
        await page.getByRole('img', { name: 'QR code of the address with the code' }).waitFor();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
          [],
        );
        await page.screenshot({ path: 'test-results/screenshots/waiting-device.png', fullPage: true });
        expect(await useDeviceCode(parts.chromium, address, code)).toBe('Signed in');
        await page.getByRole('heading', { name: 'Profile' }).waitFor({ timeout: 30_000 });
        await expect(page.getByLabel('Signed in as').textContent()).resolves.toBe('alice');
        await systemBrowser.reset();
      });
  },
);
