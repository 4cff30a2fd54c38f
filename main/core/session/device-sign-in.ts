/**
 * Signing in on another device (OAuth 2.0 Device Authorization Grant, RFC 8628), for providers
 * whose discovery lists a `device_authorization_endpoint` (Keycloak, Okta, Entra ID, Auth0…; not
 * Cognito): the person opens the verification address anywhere and types the code; this process
 * polls the token endpoint at the server's interval (slowing down when told) until the code is
 * used, refused or expired. The session is checked and stored exactly as a browser sign-in's.
 */
import { AuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { describeSeconds } from '../async-limits.ts';
import type { Clock } from '../ports.ts';
import type { ProviderClient } from '../provider/provider.ts';
import type { Settings } from '../settings/settings.ts';
import type { SessionKeeper } from './session-keeper.ts';
import { sessionFromTokens, type Profile } from './session.ts';

/** What the person needs to sign in elsewhere. Holds no secret (the device code stays here). */
export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  /** The address with the code in it, for a link or a QR code (when the provider gives one). */
  verificationUriComplete?: string;
  expiresAt: number;
}

export interface DeviceSignInDeps {
  settings: Settings;
  clock: Clock;
  connect: () => Promise<ProviderClient>;
  keeper: SessionKeeper;
}

export class DeviceSignIn {
  private cancelling: AbortController | undefined;

  constructor(private readonly deps: DeviceSignInDeps) {}

  /** Whether the provider offers the device flow (from its discovery document). */
  async offered(): Promise<boolean> {
    const client = await this.deps.connect();
    return typeof client.metadata.device_authorization_endpoint === 'string';
  }

  /**
   * Asks for a code, hands it to `onCode`, then waits for the person to use it. Rejects with
   * `timeout` when the code expires, `cancelled` on {@link cancel} or a refusal on the other device.
   */
  async signIn(onCode: (code: DeviceCode) => void): Promise<Profile> {
    const client = await this.deps.connect().catch((error: unknown) => Promise.reject(toAuthError(error)));
    if (typeof client.metadata.device_authorization_endpoint !== 'string')
      throw new AuthError(
        'invalid_settings',
        t(
          'This provider offers no sign-in on another device (its discovery lists no device_authorization_endpoint).',
        ),
      );
    const { oidc, config } = client;
    const response = await oidc
      .initiateDeviceAuthorization(config, { scope: this.deps.settings.scopes })
      .catch((error: unknown) => Promise.reject(toAuthError(error)));
    const expiresAt = this.deps.clock.now() + response.expires_in * 1000;
    onCode({
      userCode: response.user_code,
      verificationUri: response.verification_uri,
      ...(response.verification_uri_complete
        ? { verificationUriComplete: response.verification_uri_complete }
        : {}),
      expiresAt,
    });
    this.cancelling = new AbortController();
    const expiry = AbortSignal.timeout(response.expires_in * 1000);
    const signal = AbortSignal.any([this.cancelling.signal, expiry]);
    const exchanged = oidc
      .pollDeviceAuthorizationGrant(config, response, undefined, { signal })
      .then(async (tokens) => {
        await client.verifier.verify(tokens.id_token!);
        return sessionFromTokens(tokens, this.deps.clock.now());
      })
      .catch((error: unknown) => {
        if (this.cancelling?.signal.aborted)
          throw new AuthError('cancelled', t('Sign-in was cancelled.'), { cause: error });
        const expired = expiry.aborted || (error as { error?: string }).error === 'expired_token';
        if (expired)
          throw new AuthError(
            'timeout',
            t('The code was not used within {{time}}. Sign in again for a new one.', {
              time: describeSeconds(response.expires_in),
            }),
            { cause: error },
          );
        throw toAuthError(error);
      })
      .finally(() => (this.cancelling = undefined));
    // Stored once the tokens are here: the session lock is not held through minutes of waiting
    // (other processes refresh meanwhile), unlike a browser sign-in's second-long exchange.
    const session = await exchanged;
    return this.deps.keeper.storeSignedIn(Promise.resolve(session));
  }

  /** Stops waiting for the code to be used, if a device sign-in waits. */
  cancel(): void {
    this.cancelling?.abort();
  }
}
