/**
 * The CLI journey against standard OpenID providers that are not Cognito, as a user runs it: a
 * separate process, the real keychain, Chromium as the system browser. The emulator's `standard`
 * flavour (PS256, `client_secret_post` only, `preferred_username` and `groups`, an end-session
 * endpoint that requires `id_token_hint`) and the same without an end-session endpoint.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProviderFlavour } from '../idp/emulator.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import {
  SYSTEM_BROWSER_COMMAND,
  readBrowserVisits,
  type BrowserVisit,
} from '../support/system-browser-log.ts';
import { cliEnvironment, testEndpoints, useRealParts } from '../support/real-parts.ts';

const ENDPOINTS = testEndpoints(47623, 'standard');

describe.each<ProviderFlavour>(['standard', 'standard-without-logout'])(
  'against a %s provider',
  (flavour) => {
    const parts = useRealParts({ ...ENDPOINTS, chromium: false, flavour });
    let configDir: string;
    let browserLog: string;
    beforeEach(() => {
      configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-standard-'));
      browserLog = join(configDir, 'browser.log');
    });

    const cli = (args: string[], stdin?: string): Promise<CliRun> =>
      runCliProcess(
        args,
        {
          ...cliEnvironment(parts.emulator, configDir, ENDPOINTS, CONFIDENTIAL_CLIENT_ID),
          COGNITO_GROUPS_CLAIM: 'groups',
          BROWSER: SYSTEM_BROWSER_COMMAND,
          SYSTEM_BROWSER_LOG: browserLog,
        },
        stdin,
      );

    const visits = (): BrowserVisit[] => readBrowserVisits(browserLog);

    it('config check → login → status → token → userinfo → logout', async () => {
      expect((await cli(['config', 'set-secret'], `${CONFIDENTIAL_CLIENT_SECRET}\n`)).code).toBe(0);
      const check = await cli(['config', 'check']);
      expect(check.code).toBe(0);
      expect(check.stdout).toContain('(sent as client_secret_post)');
      if (flavour === 'standard-without-logout') {
        expect(check.stdout).toMatch(/^! Provider sign-out page/m);
        expect(check.stdout).toContain('Ask the provider’s admin to enable RP-initiated logout');
      }

      const login = await cli(['login', '--timeout', '60']);
      expect(login.stdout).toContain('Signed in as alice@example.com');
      const status = await cli(['status', '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ profile: { groups: ['admins'] } });
      const token = await cli(['token', '--id']);
      expect(JSON.parse(Buffer.from(token.stdout.split('.')[0]!, 'base64url').toString())).toMatchObject({
        alg: 'PS256',
      });
      expect(JSON.parse((await cli(['userinfo'])).stdout)).toMatchObject({ preferred_username: 'alice' });

      const logout = await cli(['logout']);
      expect(logout.code).toBe(0);
      if (flavour === 'standard') {
        expect(logout.stdout).toContain('The provider session has ended.');
        for (let i = 0; i < 100 && visits().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
        expect(visits()[1]!.params).toEqual(
          expect.arrayContaining(['id_token_hint', 'post_logout_redirect_uri', 'state']),
        );
        expect(visits()[1]!.title).toContain('Signed out');
      } else {
        expect(logout.stdout).toContain('The provider has no end-session endpoint');
      }
      expect((await cli(['status'])).code).toBe(1);
    });
  },
);
