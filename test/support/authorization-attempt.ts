/** An app client's authorization request, as the tests of the emulator make it with openid-client. */
import * as oidc from 'openid-client';

export interface Attempt {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

/** A fresh attempt (PKCE S256, state, nonce) at `config`'s provider, returning to `redirectUri`. */
export async function newAttempt(
  config: oidc.Configuration,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<Attempt> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, verifier, state, nonce };
}
