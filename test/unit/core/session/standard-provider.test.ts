/**
 * The auth service against standard OpenID providers that are not Cognito: the emulator's
 * `standard` flavour (PS256 keys, `client_secret_post` only, `preferred_username` and `groups`, an
 * end-session endpoint that requires `id_token_hint`) and the same without an end-session endpoint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../../../../main/core/session/auth-service.ts';
import { type SettingsInput } from '../../../../main/core/settings/settings.ts';
import { type CognitoEmulator, type ProviderFlavour } from '../../../idp/emulator.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../../../idp/directory.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';
import { FormPostBrowser } from '../../../support/form-post-browser.ts';
import { buildAuthService, useEmulator } from '../../../support/auth-service-harness.ts';

describe.each<ProviderFlavour>(['standard', 'standard-without-logout'])('a %s provider', (flavour) => {
  let emulator: CognitoEmulator;
  let redirectUri: string;
  let logoutUri: string;

  const provider = useEmulator({ flavour });
  beforeAll(() => {
    ({ emulator, redirectUri, logoutUri } = provider);
  });

  async function signedIn(
    settings: SettingsInput = {},
  ): Promise<{ service: AuthService; browser: FormPostBrowser }> {
    const browser = new FormPostBrowser(emulator.domain, redirectUri);
    const service = buildAuthService(
      { issuer: emulator.issuer, redirectUri, logoutUri },
      {
        clientId: CONFIDENTIAL_CLIENT_ID,
        settings: { groupsClaim: 'groups', ...settings },
        secretStore: new MemorySecretStore(),
        browser,
      },
    );
    service.useClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    await service.signIn({ timeoutMs: 10_000 });
    await browser.settle();
    return { service, browser };
  }

  it('signs in with client_secret_post and PS256, names the user by preferred_username, reads groups', async () => {
    const { service } = await signedIn();
    expect(service.profile()).toMatchObject({
      username: 'alice@example.com',
      subject: expect.any(String) as string,
      groups: ['admins'],
    });
    const header = JSON.parse(
      Buffer.from((await service.getIdToken()).split('.')[0]!, 'base64url').toString(),
    ) as { alg: string };
    expect(header.alg).toBe('PS256');
    expect(await service.fetchUserInfo()).toMatchObject({ preferred_username: 'alice' });
    service.dispose();
  });

  it('falls back to preferred_username when the email is not there', async () => {
    const { service } = await signedIn({ scopes: 'openid profile' });
    expect(service.profile()).toMatchObject({ username: 'alice', usernameClaim: 'preferred_username' });
    service.dispose();
  });

  it('is refused when Basic is forced, with advice that names the method discovery offers and its setting', async () => {
    await expect(signedIn({ tokenAuthMethod: 'client_secret_basic' })).rejects.toMatchObject({
      code: 'provider_rejected',
      providerError: 'invalid_client',
      setting: 'tokenAuthMethod',
      message:
        'The provider refused the client (invalid_client). If the client id and secret are right, it may want the secret sent as client_secret_post, which its discovery document offers (it went as client_secret_basic): set tokenAuthMethod (Token endpoint authentication) to client_secret_post, then sign in again.',
    });
  });

  it(
    flavour === 'standard'
      ? 'signs out at the provider with id_token_hint and comes back with its state'
      : 'signs out here and says the provider has no end-session endpoint',
    async () => {
      const { service, browser } = await signedIn();
      const idToken = await service.getIdToken();
      const result = await service.signOut({ signedOutPageTimeoutMs: 5000 });
      await browser.settle();
      if (flavour === 'standard') {
        // RP-initiated logout takes the ended session's ID token, through the one-time address only.
        expect(new URL(browser.visited.at(-1)!).searchParams.get('id_token_hint')).toBe(idToken);
        expect(result.logoutUrl).not.toContain(idToken);
        expect(result).toMatchObject({
          revoked: true,
          browserOpened: true,
          signedOutPageServed: true,
          notes: [],
        });
      } else {
        expect(result).toMatchObject({ browserOpened: false, signedOutPageServed: false });
        expect(result.notes).toContain(
          'The provider has no end-session endpoint: its own sign-in session may still be active.',
        );
      }
    },
  );
});
