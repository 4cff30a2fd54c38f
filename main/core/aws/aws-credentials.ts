/**
 * Temporary AWS credentials from the sign-in, through a Cognito Identity Pool (what Amplify's
 * `fetchAuthSession` does): the pool's ID token goes to `GetId` and `GetCredentialsForIdentity`,
 * which answer with credentials for the identity pool's authenticated role (or the `roleArn`
 * setting, for pools with rule- or token-based role choice).
 *
 * Credentials are kept in memory and in the keychain (so `aws-credentials` in one process reuses
 * what another fetched) until 5 minutes before they expire, tied to the session they came from: a
 * new sign-in, or another user, fetches new ones; a sign-out here removes them. Nothing of them is
 * ever logged, shown or written to a file.
 */
import { AuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Clock } from '../ports.ts';
import type { Profile } from '../session/session.ts';
import type { TokenVault } from '../session/token-vault.ts';

/** Credentials are used until this long before they expire. */
export const AWS_CREDENTIALS_MARGIN_MS = 5 * 60_000;

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ms since the epoch. */
  expiresAt: number;
  identityId: string;
  /** The role asked for (the `roleArn` setting); absent: the identity pool's authenticated role. */
  roleArn?: string;
}

/** What the keychain keeps: the credentials, and the session they belong to. */
interface CachedCredentials extends AwsCredentials {
  subject: string;
  signedInAt: number;
  identityPoolId: string;
}

/** The Identity Pool calls (the AWS SDK in main/adapters/cognito-identity.ts). */
export interface IdentityExchange {
  credentialsFor(request: {
    identityPoolId: string;
    region: string;
    /** `{ "<issuer without scheme>": "<ID token>" }`: the login Cognito Identity checks. */
    logins: Record<string, string>;
    roleArn?: string;
  }): Promise<AwsCredentials>;
}

/** The identity pool's region: the part of its id before the colon (`eu-west-1:…`). */
export function identityPoolRegion(identityPoolId: string): string {
  return identityPoolId.split(':')[0] ?? '';
}

/** The key of a user pool's login for Cognito Identity: its issuer without the scheme. */
export function loginKeyFor(issuer: string): string {
  return issuer.replace(/^https?:\/\//, '');
}

/** True when `credentials` can still be handed out at `now`. */
export function areFresh(credentials: Pick<AwsCredentials, 'expiresAt'>, now: number): boolean {
  return credentials.expiresAt - now > AWS_CREDENTIALS_MARGIN_MS;
}

/** The AWS CLI's and SDKs' `credential_process` output (version 1). */
export function credentialProcessOutput(credentials: AwsCredentials): Record<string, unknown> {
  return {
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: new Date(credentials.expiresAt).toISOString(),
  };
}

/**
 * A Kubernetes `ExecCredential` (client.authentication.k8s.io/v1) carrying the ID token, for a
 * kubeconfig `exec` plugin: EKS takes a Cognito user pool as its OIDC identity provider. The expiry
 * is the token's own `exp`.
 */
export function execCredentialOutput(idToken: string): Record<string, unknown> {
  const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp?: unknown;
  };
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  return {
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: {
      token: idToken,
      ...(exp !== undefined
        ? { expirationTimestamp: new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') }
        : {}),
    },
  };
}

/** What the app shows of the AWS credentials: never a key. */
export type AwsCredentialsStatus =
  | { state: 'not-configured' }
  | { state: 'ready'; identityId: string; roleArn?: string; expiresAt: number }
  | { state: 'failed'; error: AuthError };

/** What the credentials need of the session: its ID token (refreshed when due) and whose it is. */
export interface SessionForAws {
  getIdToken(): Promise<string>;
  profile(): Profile | undefined;
  readonly settings: { discoveryUrl: string; identityPoolId: string; roleArn: string };
}

export class AwsCredentialSource {
  private memory: CachedCredentials | undefined;
  private pending: Promise<AwsCredentials> | undefined;

  constructor(
    private readonly session: SessionForAws,
    private readonly exchange: IdentityExchange,
    private readonly vault: TokenVault,
    private readonly account: string,
    private readonly clock: Clock,
  ) {}

  /** Fresh credentials: from memory, the keychain, or the Identity Pool. Concurrent callers share one fetch. */
  async get(): Promise<AwsCredentials> {
    const { identityPoolId } = this.session.settings;
    if (!identityPoolId)
      throw new AuthError(
        'invalid_settings',
        t('No Identity Pool is set (identityPoolId), so there are no AWS credentials to get.'),
        { setting: 'identityPoolId' },
      );
    // The session first: signed out means no credentials, whatever the keychain still holds.
    const idToken = await this.session.getIdToken();
    const cached = this.memory && this.fits(this.memory) ? this.memory : await this.fromKeychain();
    if (cached) return withoutOwner(cached);
    this.pending ??= this.fetch(idToken).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** What the app shows: ready (with identity id, role and expiry), failed (why), or not configured. */
  async status(): Promise<AwsCredentialsStatus> {
    if (!this.session.settings.identityPoolId) return { state: 'not-configured' };
    try {
      const credentials = await this.get();
      return {
        state: 'ready',
        identityId: credentials.identityId,
        expiresAt: credentials.expiresAt,
        ...(credentials.roleArn ? { roleArn: credentials.roleArn } : {}),
      };
    } catch (error) {
      return { state: 'failed', error: toAuthError(error) };
    }
  }

  /** Forgets the credentials here and in the keychain (at sign-out). */
  async forget(): Promise<void> {
    this.memory = undefined;
    await this.vault.remove(this.account).catch(() => false);
  }

  private async fetch(idToken: string): Promise<AwsCredentials> {
    const { discoveryUrl, identityPoolId, roleArn } = this.session.settings;
    let credentials: AwsCredentials;
    try {
      credentials = await this.exchange.credentialsFor({
        identityPoolId,
        region: identityPoolRegion(identityPoolId),
        logins: { [loginKeyFor(discoveryUrl)]: idToken },
        ...(roleArn ? { roleArn } : {}),
      });
    } catch (error) {
      throw toAuthError(error);
    }
    const profile = this.session.profile();
    const cached: CachedCredentials = {
      ...credentials,
      subject: profile?.subject ?? '',
      signedInAt: profile?.signedInAt ?? 0,
      identityPoolId,
    };
    this.memory = cached;
    // Another process may use them too; a keychain that cannot keep them costs only a new fetch.
    await this.vault.write(this.account, cached).catch(() => undefined);
    return withoutOwner(cached);
  }

  private async fromKeychain(): Promise<CachedCredentials | undefined> {
    const stored = await this.vault.read<CachedCredentials>(this.account).catch(() => undefined);
    if (!stored || !this.fits(stored)) return undefined;
    this.memory = stored;
    return stored;
  }

  /** Fresh, for this identity pool and role, and for the session signed in now. */
  private fits(cached: CachedCredentials): boolean {
    const profile = this.session.profile();
    const { identityPoolId, roleArn } = this.session.settings;
    return (
      areFresh(cached, this.clock.now()) &&
      cached.identityPoolId === identityPoolId &&
      (cached.roleArn ?? '') === roleArn &&
      profile !== undefined &&
      cached.subject === profile.subject &&
      cached.signedInAt === profile.signedInAt
    );
  }
}

function withoutOwner(cached: CachedCredentials): AwsCredentials {
  return {
    accessKeyId: cached.accessKeyId,
    secretAccessKey: cached.secretAccessKey,
    sessionToken: cached.sessionToken,
    expiresAt: cached.expiresAt,
    identityId: cached.identityId,
    ...(cached.roleArn ? { roleArn: cached.roleArn } : {}),
  };
}
