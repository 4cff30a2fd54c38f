/**
 * Forged ID tokens, through the real path: the emulator hands them out from its token endpoint
 * and the auth core must refuse each one, at sign-in (nothing stored) and at refresh (the session
 * it had stays, untouched). Breaking any check of the ID token (signature, algorithm, issuer,
 * audience, nonce, subject) fails one of these rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthService } from '../../main/core/session/auth-service.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import type { Browser } from '../../main/core/ports.ts';
import type { IdTokenForgery } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { FormPostBrowser, followLaunch } from '../support/form-post-browser.ts';
import { readStoredSession } from '../support/stored-session.ts';
import { keychainAccounts } from '../support/keychain-inspect.ts';
import { buildAuthService } from '../support/auth-service-harness.ts';

const ENDPOINTS = testEndpoints(47622, 'forgery');
const { redirectUri: REDIRECT_URI, keychainService: SERVICE } = ENDPOINTS;

const parts = useProviderAndKeychain(ENDPOINTS);
let configDir: string;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-forgery-'));
});

function service(browser: Browser, clock?: { now(): number }): AuthService {
  return buildAuthService(
    { issuer: parts.emulator.issuer, redirectUri: REDIRECT_URI, keychainService: SERVICE },
    { secretStore: new KeytarSecretStore(), browser, configDir, ...(clock ? { clock } : {}) },
  );
}

const AT_SIGN_IN: IdTokenForgery[] = [
  'foreign-key',
  'alg-none',
  'foreign-issuer',
  'foreign-audience',
  'wrong-nonce',
];
const AT_REFRESH: IdTokenForgery[] = [...AT_SIGN_IN, 'other-subject'];

describe('a forged ID token', () => {
  it.each(AT_SIGN_IN)('%s: sign-in refuses it and stores nothing', async (forgery) => {
    parts.emulator.faults.idTokenForgery = forgery;
    const browser = new FormPostBrowser(parts.emulator.domain, REDIRECT_URI);
    const auth = service(browser);
    const failure = await auth.signIn({ timeoutMs: 30_000 }).catch((e: unknown) => e);
    await browser.settle();
    expect(failure).toMatchObject({ code: 'provider_rejected', providerError: 'invalid_id_token' });
    expect(auth.profile()).toBeUndefined();
    expect(await keychainAccounts(SERVICE)).toEqual([]);
  });

  it.each(AT_REFRESH)('%s: refresh refuses it and keeps the session it had', async (forgery) => {
    const browser = new FormPostBrowser(parts.emulator.domain, REDIRECT_URI);
    await service(browser).signIn({ timeoutMs: 30_000 });
    await browser.settle();
    const before = await readStoredSession(SERVICE, parts.emulator.issuer, PUBLIC_CLIENT_ID);
    parts.emulator.faults.idTokenForgery = forgery;
    const later = service(browser, { now: () => Date.now() + 59.5 * 60_000 });
    await expect(later.getAccessToken()).rejects.toMatchObject({
      code: 'provider_rejected',
      providerError: 'invalid_id_token',
    });
    const after = await readStoredSession(SERVICE, parts.emulator.issuer, PUBLIC_CLIENT_ID);
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.claims).toEqual(before.claims);
    expect(parts.emulator.countRequests('/oauth2/token', 'refresh_token')).toBeGreaterThan(0);
  });

  it('the control: the same flows pass with an honest token', async () => {
    const browser = new FormPostBrowser(parts.emulator.domain, REDIRECT_URI);
    await service(browser).signIn({ timeoutMs: 30_000 });
    await browser.settle();
    const later = service(browser, { now: () => Date.now() + 59.5 * 60_000 });
    await expect(later.getAccessToken()).resolves.toMatch(/^eyJ/);
  });
});

describe('the authorization request', () => {
  it('carries a fresh state, nonce and S256 code challenge on every attempt', async () => {
    const opened: URL[] = [];
    const auth = service({
      open: async (url) => {
        opened.push(new URL(await followLaunch(url)));
      },
    });
    for (let i = 0; i < 2; i++) {
      const attempt = auth.signIn({ timeoutMs: 30_000 });
      await expect.poll(() => opened.length).toBe(i + 1);
      auth.cancelSignIn();
      await attempt.catch(() => undefined);
    }
    const [first, second] = opened.map((u) => u.searchParams);
    for (const params of [first!, second!]) {
      expect(params.get('nonce')).toMatch(/^[\w-]{43,}$/);
      expect(params.get('state')).toMatch(/^[\w-]{43,}$/);
      expect(params.get('code_challenge_method')).toBe('S256');
      expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    }
    expect(first!.get('nonce')).not.toBe(second!.get('nonce'));
    expect(first!.get('state')).not.toBe(second!.get('state'));
  });
});
