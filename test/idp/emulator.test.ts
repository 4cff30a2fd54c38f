/**
 * The Cognito emulator is infrastructure every auth test trusts: these tests hold it to the Cognito
 * behaviour listed in docs/ARCHITECTURE.md ("What the code relies on"), with a real browser and openid-client as the client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { newAttempt as newAttemptAt, type Attempt } from '../support/authorization-attempt.ts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Browser } from 'playwright-core';
import { startCognitoEmulator, type CognitoEmulator } from './emulator.ts';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  PUBLIC_CLIENT_ID,
  DEFAULT_APP_REDIRECT_URI,
  defaultClients,
  type PoolUser,
} from './directory.ts';
import { describeEmulator, tryItUrl } from './cli.ts';
import { launchChromium } from '../support/chromium.ts';
import {
  signInAndCatchRedirect,
  signInWithFormPosts,
  startPageStub,
  submitSignInForm,
} from '../support/hosted-ui.ts';

const REDIRECT_URI = 'http://127.0.0.1:47699/callback';
const SIGN_OUT_URI = 'http://127.0.0.1:47699/signed-out';

let emulator: CognitoEmulator;
let browser: Browser;
let alice: PoolUser;
let manyGroups: PoolUser;
let appStub: { close(): Promise<void> };

beforeAll(async () => {
  emulator = await startCognitoEmulator({ clients: defaultClients(REDIRECT_URI, SIGN_OUT_URI) });
  alice = emulator.users.find((u) => u.username === 'alice')!;
  manyGroups = emulator.users.find((u) => u.username === 'many.groups')!;
  browser = await launchChromium();
  appStub = await startPageStub(Number(new URL(REDIRECT_URI).port));
});

afterAll(async () => {
  await appStub?.close();
  await browser?.close();
  await emulator?.stop();
});

beforeEach(() => emulator.resetFaults());

async function configFor(clientId: string, secret?: string): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(emulator.issuer),
    clientId,
    undefined,
    secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] },
  );
}

/** An attempt of `config`'s client, returning to this file's redirect URI. */
function newAttempt(config: oidc.Configuration, extra: Record<string, string> = {}): Promise<Attempt> {
  return newAttemptAt(config, REDIRECT_URI, extra);
}

async function signInWithPosts(config: oidc.Configuration, user: PoolUser = alice) {
  const attempt = await newAttempt(config);
  const callback = await signInWithFormPosts(attempt.url.href, REDIRECT_URI, user);
  return oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
}

describe('discovery and origins', () => {
  it('publishes exactly Cognito’s 12 keys, endpoints on the domain, JWKS on the issuer', async () => {
    const doc = (await (await fetch(emulator.discoveryUrl)).json()) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(
      [
        'authorization_endpoint',
        'end_session_endpoint',
        'id_token_signing_alg_values_supported',
        'issuer',
        'jwks_uri',
        'response_types_supported',
        'revocation_endpoint',
        'scopes_supported',
        'subject_types_supported',
        'token_endpoint',
        'token_endpoint_auth_methods_supported',
        'userinfo_endpoint',
      ].sort(),
    );
    expect(doc).not.toHaveProperty('code_challenge_methods_supported');
    expect(doc.issuer).toBe(emulator.issuer);
    expect(doc.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/us-east-1_\w+$/);
    expect(doc.jwks_uri).toBe(`${emulator.issuer}/.well-known/jwks.json`);
    expect(doc.end_session_endpoint).toBe(`${emulator.domain}/logout`);
    expect(doc.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'revocation_endpoint',
    ]) {
      expect(new URL(doc[key] as string).origin).toBe(emulator.domain);
    }
    expect(new URL(emulator.domain).origin).not.toBe(new URL(emulator.issuer).origin);
  });

  it('does not serve endpoints at URLs built from the issuer, nor discovery on the domain', async () => {
    const wrongToken = await fetch(`${emulator.issuer}/oauth2/token`, { method: 'POST' });
    expect(wrongToken.status).toBe(404);
    const wrongDiscovery = await fetch(`${emulator.domain}/.well-known/openid-configuration`);
    expect(wrongDiscovery.status).toBe(404);
  });
});

describe('sign-in', () => {
  it('signs in through the hosted page in Chromium and exchanges the code with openid-client', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const attempt = await newAttempt(config);
    const page = await browser.newPage();
    const callback = await signInAndCatchRedirect(page, attempt.url.href, REDIRECT_URI, alice);
    await page.close();
    expect(callback.searchParams.get('state')).toBe(attempt.state);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: attempt.verifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const id = tokens.claims()!;
    expect(id).toMatchObject({
      aud: CONFIDENTIAL_CLIENT_ID,
      iss: emulator.issuer,
      sub: alice.sub,
      email: alice.email,
      email_verified: true,
      'cognito:username': 'alice',
      'cognito:groups': ['admins'],
      token_use: 'id',
    });
    expect(typeof id.auth_time).toBe('number');
    const access = decodeJwt(tokens.access_token);
    expect(access).toMatchObject({
      client_id: CONFIDENTIAL_CLIENT_ID,
      username: 'alice',
      token_use: 'access',
      sub: alice.sub,
    });
    expect(access.scope).toContain('openid');
    expect(access).not.toHaveProperty('aud');
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.expires_in).toBe(3600);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, alice.sub);
    expect(info).toMatchObject({ sub: alice.sub, email: alice.email, username: 'alice' });
  });

  it('gives a public client tokens without a secret', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const tokens = await signInWithPosts(config);
    expect(decodeJwt(tokens.access_token).client_id).toBe(PUBLIC_CLIENT_ID);
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('refuses a wrong password with a visible message and stays on the form', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const attempt = await newAttempt(config);
    const page = await browser.newPage();
    await page.goto(attempt.url.href, { waitUntil: 'domcontentloaded' });
    await submitSignInForm(page, { username: 'alice', password: 'not-the-password' });
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('Incorrect username or password');
    expect(page.url()).toContain(`${emulator.domain}/login/`);
    await page.close();
  });

  it('refuses a redirect URI that differs from the registered one only by port', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const attempt = await newAttempt(config, { redirect_uri: 'http://127.0.0.1:47698/callback' });
    const response = await fetch(attempt.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });

  it('requires PKCE', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 's',
    });
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('issues tokens over 2,560 bytes for a user with many groups', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const tokens = await signInWithPosts(config, manyGroups);
    const size = Buffer.byteLength(JSON.stringify(tokens));
    expect(size).toBeGreaterThan(2560);
    expect(tokens.claims()!['cognito:groups']).toHaveLength(manyGroups.groups.length);
  });
});

describe('refresh and revoke', () => {
  it('refreshes without a new refresh token while rotation is off', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const first = await signInWithPosts(config);
    const refreshed = await oidc.refreshTokenGrant(config, first.refresh_token!);
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.access_token).not.toBe(first.access_token);
    await expect(oidc.refreshTokenGrant(config, first.refresh_token!)).resolves.toBeTruthy();
  });

  it('grace rotation: the old refresh token works within the grace period, then dies alone', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const first = await signInWithPosts(config);
    emulator.refreshTokenRotation = 'grace';
    emulator.rotationGraceSeconds = 1;
    const rotated = await oidc.refreshTokenGrant(config, first.refresh_token!);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    // Within the grace period the old token still refreshes.
    const retry = await oidc.refreshTokenGrant(config, first.refresh_token!);
    expect(retry.access_token).toBeTruthy();
    await new Promise((r) => setTimeout(r, 1100));
    await expect(oidc.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // The family lives on: the newest token still works.
    await expect(oidc.refreshTokenGrant(config, retry.refresh_token!)).resolves.toBeTruthy();
  });

  it('grace rotation with 0 s: the old refresh token dies at once', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const first = await signInWithPosts(config);
    emulator.refreshTokenRotation = 'grace';
    const rotated = await oidc.refreshTokenGrant(config, first.refresh_token!);
    await new Promise((r) => setTimeout(r, 5));
    await expect(oidc.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token!)).resolves.toBeTruthy();
  });

  it('reuse detection: an old refresh token coming back revokes the whole family', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const first = await signInWithPosts(config);
    emulator.refreshTokenRotation = 'reuse-detection';
    const rotated = await oidc.refreshTokenGrant(config, first.refresh_token!);
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    await expect(oidc.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('revokes refresh tokens only, and only with HTTP Basic for a client with a secret', async () => {
    const config = await configFor(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
    const tokens = await signInWithPosts(config);
    await expect(oidc.tokenRevocation(config, tokens.access_token)).rejects.toMatchObject({
      error: 'unsupported_token_type',
    });
    const withoutBasic = await fetch(config.serverMetadata().revocation_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token!, client_id: CONFIDENTIAL_CLIENT_ID }),
    });
    expect(withoutBasic.status).toBe(401);
    await oidc.tokenRevocation(config, tokens.refresh_token!);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(oidc.fetchUserInfo(config, tokens.access_token, oidc.skipSubjectCheck)).rejects.toThrow();
  });
});

describe('logout', () => {
  it('ends the session and goes to an allowed logout_uri; the next sign-in asks for the password', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const page = await browser.newPage();
    await signInAndCatchRedirect(page, (await newAttempt(config)).url.href, REDIRECT_URI, alice);
    // While the hosted-UI session lives, a new attempt goes straight back to the app.
    await signInAndCatchRedirect(page, (await newAttempt(config)).url.href, REDIRECT_URI);
    const logout = new URL(`${emulator.domain}/logout`);
    logout.search = new URLSearchParams({ client_id: PUBLIC_CLIENT_ID, logout_uri: SIGN_OUT_URI }).toString();
    await page.goto(logout.href, { waitUntil: 'domcontentloaded' });
    expect(page.url()).toBe(SIGN_OUT_URI);
    await page.goto((await newAttempt(config)).url.href, { waitUntil: 'domcontentloaded' });
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    await page.close();
  });

  it('refuses a logout_uri that is not an allowed sign-out URL', async () => {
    const url = `${emulator.domain}/logout?client_id=${PUBLIC_CLIENT_ID}&logout_uri=${encodeURIComponent('https://evil.example/')}`;
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Invalid logout_uri');
  });

  it('shows the sign-in page again for the redirect_uri + response_type form', async () => {
    const url = new URL(`${emulator.domain}/logout`);
    url.search = new URLSearchParams({
      client_id: PUBLIC_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    }).toString();
    const page = await browser.newPage();
    await page.goto(url.href, { waitUntil: 'domcontentloaded' });
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    await page.close();
  });
});

describe('npm run idp', () => {
  it('prints a try-it URL a person can sign in through', async () => {
    const page = await browser.newPage();
    const stub = await startPageStub(Number(new URL(DEFAULT_APP_REDIRECT_URI).port)).catch(() => undefined);
    try {
      const standalone = await startCognitoEmulator({ users: emulator.users });
      try {
        const text = describeEmulator(standalone);
        const url = /Try it[^\n]*\n[^\n]*\n\s+(\S+)/.exec(text)?.[1];
        expect(url).toBe(tryItUrl(standalone));
        const callback = await signInAndCatchRedirect(page, url!, DEFAULT_APP_REDIRECT_URI, alice);
        expect(callback.searchParams.get('code')).toBeTruthy();
        expect(callback.searchParams.get('state')).toBe('try-it');
      } finally {
        await standalone.stop();
      }
    } finally {
      await stub?.close();
      await page.close();
    }
  });
});

describe('fault switches', () => {
  it('answers discovery with the chosen status', async () => {
    emulator.faults.discoveryStatus = 503;
    expect((await fetch(emulator.discoveryUrl)).status).toBe(503);
    await expect(configFor(PUBLIC_CLIENT_ID)).rejects.toThrow();
  });

  it('answers the token endpoint with 5xx, invalid_grant, or after a delay', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const tokens = await signInWithPosts(config);
    emulator.faults.tokenStatus = 502;
    const failure: unknown = await oidc
      .refreshTokenGrant(config, tokens.refresh_token!)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(oidc.ClientError);
    expect(((failure as oidc.ClientError).cause as Response).status).toBe(502);
    emulator.faults.tokenStatus = undefined;
    emulator.faults.tokenInvalidGrant = true;
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    emulator.faults.tokenInvalidGrant = false;
    emulator.faults.tokenDelayMs = 300;
    const started = performance.now();
    await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('rotates the signing key: new kid in the JWKS and on new tokens', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const before = await signInWithPosts(config);
    const oldKid = decodeProtectedHeader(before.id_token!).kid;
    const newKid = await emulator.rotateSigningKey();
    expect(newKid).not.toBe(oldKid);
    const jwks = (await (await fetch(`${emulator.issuer}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    const after = await oidc.refreshTokenGrant(config, before.refresh_token!);
    expect(decodeProtectedHeader(after.id_token!).kid).toBe(newKid);
  });

  it('offsets the clock of issued tokens', async () => {
    const config = await configFor(PUBLIC_CLIENT_ID);
    const tokens = await signInWithPosts(config);
    emulator.faults.clockOffsetSeconds = -7200;
    const now = Math.floor(Date.now() / 1000);
    const response = await fetch(config.serverMetadata().token_endpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
        client_id: PUBLIC_CLIENT_ID,
      }),
    });
    const body = (await response.json()) as { access_token: string; id_token: string };
    for (const token of [body.access_token, body.id_token]) {
      const { iat, exp } = decodeJwt(token);
      expect(Math.abs(iat! - (now - 7200))).toBeLessThan(5);
      expect(exp! - iat!).toBe(3600);
    }
  });
});
