/**
 * The emulator federates like Cognito: `identity_provider` and `idp_identifier` send the browser to
 * a second, independent OpenID provider ("Google", a company's OIDC provider), which returns to the
 * pool's `/oauth2/idpresponse`; the pool then issues its own tokens for a user named
 * `<provider>_<sub>`. Real Chromium, openid-client as the app client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { newAttempt as newAttemptAt, type Attempt } from '../support/authorization-attempt.ts';
import type { Browser, Page } from 'playwright-core';
import { startCognitoEmulator, type CognitoEmulator } from './emulator.ts';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  defaultClients,
  type PoolUser,
} from './directory.ts';
import { launchChromium } from '../support/chromium.ts';
import { startPageStub, submitSignInForm } from '../support/hosted-ui.ts';

const REDIRECT_URI = 'http://127.0.0.1:47698/callback';
const SIGN_OUT_URI = 'http://127.0.0.1:47698/signed-out';

let pool: CognitoEmulator;
let google: CognitoEmulator;
let acme: CognitoEmulator;
let browser: Browser;
let appStub: { close(): Promise<void> };
let config: oidc.Configuration;

beforeAll(async () => {
  pool = await startCognitoEmulator({
    clients: defaultClients(REDIRECT_URI, SIGN_OUT_URI),
    identityProviders: [{ name: 'Google' }, { name: 'AcmeOIDC', identifiers: ['acme.example'] }],
  });
  google = pool.identityProvider('Google')!;
  acme = pool.identityProvider('AcmeOIDC')!;
  browser = await launchChromium();
  appStub = await startPageStub(Number(new URL(REDIRECT_URI).port));
  config = await oidc.discovery(
    new URL(pool.issuer),
    CONFIDENTIAL_CLIENT_ID,
    undefined,
    oidc.ClientSecretBasic(CONFIDENTIAL_CLIENT_SECRET),
    { execute: [oidc.allowInsecureRequests] },
  );
});

afterAll(async () => {
  await appStub?.close();
  await browser?.close();
  await pool?.stop();
});

/** An attempt of the app client, returning to this file's redirect URI. */
function newAttempt(extra: Record<string, string>): Promise<Attempt> {
  return newAttemptAt(config, REDIRECT_URI, extra);
}

/**
 * Opens the attempt (unless the page is already there), signs in at the upstream provider's page
 * when it asks (it does not while its own session lasts), and exchanges the code at the pool.
 */
async function federatedSignIn(page: Page, attempt: Attempt, upstream: CognitoEmulator, user: PoolUser) {
  if (page.url() !== attempt.url.href) await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
  const askedForPassword = page.url().startsWith(`${upstream.domain}/login/`);
  if (askedForPassword) await submitSignInForm(page, user);
  await page.waitForURL((url) => url.href.startsWith(REDIRECT_URI), { waitUntil: 'domcontentloaded' });
  const tokens = await oidc.authorizationCodeGrant(config, new URL(page.url()), {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  return { tokens, askedForPassword };
}

describe('federation', () => {
  it('identity_provider=Google: Google’s own page, then the pool’s tokens for Google_<sub>, with identities and group', async () => {
    const gina = google.users[0]!;
    const page = await browser.newPage();
    const attempt = await newAttempt({ identity_provider: 'Google', login_hint: 'gina@google.example' });
    await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
    // Google's page: its own origin and name, not the pool's; Cognito forwards no hint to Google.
    expect(await page.title()).toBe('Sign in – Google');
    expect(await page.inputValue('input[name="login"]')).toBe('');
    await page.close();

    const again = await browser.newPage();
    const first = await federatedSignIn(
      again,
      await newAttempt({ identity_provider: 'Google' }),
      google,
      gina,
    );
    expect(first.askedForPassword).toBe(true);
    const claims = first.tokens.claims()!;
    expect(claims).toMatchObject({
      iss: pool.issuer,
      'cognito:username': `Google_${gina.sub}`,
      'cognito:groups': [`${pool.poolId}_Google`],
      email: gina.email,
      identities: [{ userId: gina.sub, providerName: 'Google', providerType: 'Google', primary: 'true' }],
    });
    // The pool's own subject, not Google's; the same pool user the next time, through Google's
    // own session (Google does not ask again; the pool still goes there).
    expect(claims.sub).not.toBe(gina.sub);
    const next = await federatedSignIn(
      again,
      await newAttempt({ identity_provider: 'Google' }),
      google,
      gina,
    );
    expect(next.askedForPassword).toBe(false);
    expect(next.tokens.claims()!.sub).toBe(claims.sub);
    // A federated user has no password at the pool.
    expect(pool.users.filter((u) => u.username === `Google_${gina.sub}`)).toHaveLength(1);
    expect(google.countRequests('/oauth2/token', 'authorization_code')).toBe(2);
    await again.close();
  });

  it('a pool session does not skip the provider: identity_provider always signs in there', async () => {
    const page = await browser.newPage();
    const alice = pool.users.find((u) => u.username === 'alice')!;
    const local = await newAttempt({});
    await page.goto(local.url.href, { waitUntil: 'domcontentloaded' });
    await submitSignInForm(page, alice);
    await page.waitForURL((url) => url.href.startsWith(REDIRECT_URI));
    const attempt = await newAttempt({ identity_provider: 'Google' });
    await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
    expect(page.url().startsWith(`${google.domain}/login/`)).toBe(true);
    await page.close();
  });

  it('idp_identifier routes by a mapped identifier, and forwards login_hint to an OIDC provider', async () => {
    const page = await browser.newPage();
    const hint = 'carol@acme.example';
    const attempt = await newAttempt({ idp_identifier: 'acme.example', login_hint: hint });
    await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
    expect(page.url().startsWith(`${acme.domain}/login/`)).toBe(true);
    expect(await page.inputValue('input[name="login"]')).toBe(hint);
    const { tokens } = await federatedSignIn(page, attempt, acme, acme.users[0]!);
    expect(tokens.claims()!.identities).toMatchObject([{ providerName: 'AcmeOIDC', providerType: 'OIDC' }]);
    await page.close();
  });

  it.each([
    ['an unknown provider name', { identity_provider: 'Facebook' }],
    ['an identifier mapped to no provider', { idp_identifier: 'nowhere.example' }],
  ])('shows an error page for %s, and the browser stays at the pool', async (_name, extra) => {
    const page = await browser.newPage();
    const attempt = await newAttempt(extra);
    const response = await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(400);
    expect(await page.textContent('main')).toContain('Login option is not available');
    expect(page.url().startsWith(pool.domain)).toBe(true);
    await page.close();
  });

  it('lang changes the hosted page’s language; login_hint fills the user name there', async () => {
    const page = await browser.newPage();
    await page.goto((await newAttempt({ lang: 'de', login_hint: 'alice' })).url.href);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.textContent('h1')).toBe('Anmelden');
    expect(await page.inputValue('input[name="login"]')).toBe('alice');
    await page.goto((await newAttempt({ lang: 'fr' })).url.href);
    expect(await page.textContent('h1')).toBe('Se connecter');
    await page.goto((await newAttempt({})).url.href);
    expect(await page.textContent('h1')).toBe('Sign in');
    await page.close();
  });
});
