/**
 * The provider, as openid-client sees it: discovery (cached in the settings folder so a sign-in
 * click opens the browser without waiting on the network) and the client configuration.
 */
import { readFileSync } from 'node:fs';
import type * as oidc from 'openid-client';
import { AuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { writeFileAtomically } from '../files.ts';
import { IdTokenSignatureVerifier } from './id-token-signature.ts';
import { isLoopbackHost } from '../origin.ts';
import type { Fetch } from '../network/network.ts';
import type { Clock } from '../ports.ts';
import { loadOnce } from '../load-once.ts';

/** How long a discovery document is trusted before it is fetched again. */
export const DISCOVERY_TTL_MS = 24 * 60 * 60 * 1000;
/** Seconds an HTTP request to the provider may take. */
export const PROVIDER_TIMEOUT_SECONDS = 15;

export interface CachedDiscovery {
  issuer: string;
  fetchedAt: number;
  metadata: oidc.ServerMetadata;
}

/** The client authentication methods for a client secret (`private_key_jwt` is not supported). */
export const TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];
export type TokenAuthMethodSetting = 'auto' | TokenAuthMethod;

/** What the provider directory needs of the settings: where the provider is, and who the client is. */
export interface ProviderSettings {
  discoveryUrl: string;
  clientId: string;
  tokenAuthMethod: TokenAuthMethodSetting;
}

/** openid-client, loaded on first use: commands that never talk to the provider never load it. */
export type OpenIdClient = typeof oidc;
export const loadOpenIdClient: () => Promise<OpenIdClient> = loadOnce(() => import('openid-client'));

/** A connected client: openid-client and its configuration, plus the ID token signature check. */
export interface ProviderClient {
  oidc: OpenIdClient;
  config: oidc.Configuration;
  metadata: oidc.ServerMetadata;
  verifier: IdTokenSignatureVerifier;
  /** How the client secret is sent; undefined for a public client. */
  secretSentAs?: TokenAuthMethod;
}

/**
 * A refusal of the client (`invalid_client`, `unauthorized_client`) when the secret went one way
 * and discovery offers the other: some providers register each client for one method only and
 * answer with a misleading error for the other. Says so and names the setting that switches.
 */
export function withClientAuthenticationAdvice(error: AuthError, client: ProviderClient): AuthError {
  const sent = client.secretSentAs;
  if (!sent || !['invalid_client', 'unauthorized_client'].includes(error.providerError ?? '')) return error;
  // Cognito takes either method: there a refusal means a wrong id or secret.
  if (isCognitoIssuer(client.metadata.issuer)) return error;
  const offered = client.metadata.token_endpoint_auth_methods_supported ?? [];
  const other = TOKEN_AUTH_METHODS.find((method) => method !== sent && offered.includes(method));
  if (!other) return error;
  return new AuthError(
    'provider_rejected',
    t(
      'The provider refused the client ({{error}}). If the client id and secret are right, it may want the secret sent as {{other}}, which its discovery document offers (it went as {{sent}}): set tokenAuthMethod (Token endpoint authentication) to {{other}}, then sign in again.',
      { error: error.providerError!, sent, other },
    ),
    { cause: error, providerError: error.providerError!, setting: 'tokenAuthMethod' },
  );
}

/**
 * How a client secret is sent: the forced method, else Basic when the provider offers it or says
 * nothing (RFC 8414's default), else Post when that is what it offers. Cognito accepts both.
 */
export function chooseTokenAuthMethod(
  supported: readonly string[] | undefined,
  setting: TokenAuthMethodSetting,
): TokenAuthMethod {
  if (setting !== 'auto') return setting;
  if (!supported || supported.includes('client_secret_basic')) return 'client_secret_basic';
  return supported.includes('client_secret_post') ? 'client_secret_post' : 'client_secret_basic';
}

/** A Cognito user pool id: `<region>_<id>`, as the issuer's path carries it. */
const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d_[0-9A-Za-z]+$/;

/**
 * How every screen names the provider, known from the settings alone (so it never changes when
 * discovery arrives): a user pool by its id (`eu-west-1_AbC123`, what its admin knows it by),
 * any other provider by its issuer's host and path (`idp.example.com/realms/acme`).
 */
export function providerDisplayName(issuer: string): string {
  const url = new URL(issuer.replace(/\/\.well-known\/openid-configuration$/, ''));
  const path = url.pathname.replace(/\/+$/, '');
  const poolId = path.split('/')[1] ?? '';
  return USER_POOL_ID.test(poolId) && path === `/${poolId}` ? poolId : `${url.host}${path}`;
}

/** A Cognito user pool's issuer host (`cognito-idp.<region>.amazonaws.com`). */
export function isCognitoIssuer(issuer: string): boolean {
  return /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/.test(new URL(issuer).hostname);
}

/**
 * Whether the provider's end-session endpoint takes `id_token_hint` (OpenID Connect RP-Initiated
 * Logout). Cognito's `/logout` does not: it ignores the hint, so sending an ID token there only
 * spreads it. Cognito is known by its issuer, or by its layout wherever it runs: `/logout` on the
 * user-pool domain, an origin other than the issuer's.
 */
export function takesIdTokenHint(
  metadata: Pick<oidc.ServerMetadata, 'issuer' | 'end_session_endpoint'>,
): boolean {
  if (!metadata.end_session_endpoint || isCognitoIssuer(metadata.issuer)) return false;
  const endSession = new URL(metadata.end_session_endpoint);
  return !(endSession.pathname === '/logout' && endSession.origin !== new URL(metadata.issuer).origin);
}

/** The members of a discovery document that name where requests go. */
export const ENDPOINT_MEMBERS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'revocation_endpoint',
  'end_session_endpoint',
  'jwks_uri',
  'device_authorization_endpoint',
  'pushed_authorization_request_endpoint',
] as const;

/**
 * Whether a cached discovery document may stand in for a fresh one: for this issuer (the
 * document's own `issuer` too, as openid-client checks on discovery), fetched in the past (a
 * `fetchedAt` from the future would keep a planted document "fresh" for ever), and every endpoint
 * https, as requests refuse otherwise (plain http only for a provider on this machine).
 */
export function cachedDiscoveryUsable(
  cached: CachedDiscovery,
  issuer: string,
  now: number,
  loopbackProvider: boolean,
): boolean {
  if (cached.issuer !== issuer || cached.metadata?.issuer !== issuer) return false;
  if (typeof cached.fetchedAt !== 'number' || cached.fetchedAt > now) return false;
  return ENDPOINT_MEMBERS.every((member) => {
    const value: unknown = cached.metadata[member];
    if (value === undefined) return true;
    if (typeof value !== 'string') return false;
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (loopbackProvider && url.protocol === 'http:');
    } catch {
      return false;
    }
  });
}

/** Discovery with a file cache, and client configurations built from it. */
export class ProviderDirectory {
  private client:
    { metadata: oidc.ServerMetadata; secret: string | undefined; value: ProviderClient } | undefined;
  /** The cache in memory; the file is read once, at first use, and written on every change. */
  private cache: { entry: CachedDiscovery | undefined } | undefined;

  constructor(
    private readonly settings: ProviderSettings,
    private readonly cacheFile: string | undefined,
    private readonly clock: Clock,
    private readonly fetchImpl: Fetch = (url, init) => fetch(url, init),
  ) {}

  /** True when the provider is on this machine (the emulator): plain http is allowed then only. */
  get isLoopbackProvider(): boolean {
    return isLoopbackHost(new URL(this.settings.discoveryUrl).hostname);
  }

  /**
   * The provider's metadata: from the cache when fresh, else fetched. A failed fetch falls back to a
   * stale cache, so being offline never blocks sign-out or an already-valid session.
   */
  async metadata(options: { refresh?: boolean } = {}): Promise<oidc.ServerMetadata> {
    const cached = this.readCache();
    const fresh = cached && this.clock.now() - cached.fetchedAt < DISCOVERY_TTL_MS;
    if (cached && fresh && !options.refresh) return cached.metadata;
    try {
      return await this.discover();
    } catch (error) {
      if (cached && !options.refresh) return cached.metadata;
      throw toAuthError(error);
    }
  }

  /** The metadata from the cache only (no network), or undefined. */
  cachedMetadata(): oidc.ServerMetadata | undefined {
    return this.readCache()?.metadata;
  }

  /**
   * Marks the cached document stale after a failure that may mean it changed: the next use fetches
   * it again, and still falls back to it when the provider cannot be reached (offline sign-out).
   */
  markStale(): void {
    const cached = this.readCache();
    if (cached) this.writeCache({ ...cached, fetchedAt: 0 });
  }

  /** A client for `clientSecret` (undefined = public client), reused while nothing changes. */
  async connect(clientSecret: string | undefined): Promise<ProviderClient> {
    const metadata = await this.metadata();
    // Reused while the document and the secret are the same: the client holds the JWKS cache.
    if (this.client?.metadata === metadata && this.client.secret === clientSecret) return this.client.value;
    const value = this.buildClient(await loadOpenIdClient(), metadata, clientSecret);
    this.client = { metadata, secret: clientSecret, value };
    return value;
  }

  private buildClient(
    oidc: OpenIdClient,
    metadata: oidc.ServerMetadata,
    clientSecret: string | undefined,
  ): ProviderClient {
    const method = chooseTokenAuthMethod(
      metadata.token_endpoint_auth_methods_supported,
      this.settings.tokenAuthMethod,
    );
    const auth = !clientSecret
      ? oidc.None()
      : method === 'client_secret_post'
        ? oidc.ClientSecretPost(clientSecret)
        : oidc.ClientSecretBasic(clientSecret);
    const config = new oidc.Configuration(metadata, this.settings.clientId, undefined, auth);
    this.applyTransport(oidc, config);
    if (!metadata.jwks_uri)
      throw new AuthError(
        'provider_rejected',
        t('The provider publishes no jwks_uri: ID tokens cannot be checked.'),
      );
    const verifier = new IdTokenSignatureVerifier(
      metadata.jwks_uri,
      (url) =>
        this.fetchImpl(url, {
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_SECONDS * 1000),
          headers: { accept: 'application/json' },
        }),
      metadata.id_token_signing_alg_values_supported,
    );
    return { oidc, config, metadata, verifier, ...(clientSecret ? { secretSentAs: method } : {}) };
  }

  private applyTransport(oidc: OpenIdClient, config: oidc.Configuration): void {
    config.timeout = PROVIDER_TIMEOUT_SECONDS;
    config[oidc.customFetch] = (url, init) => this.fetchImpl(url, init as RequestInit);
    if (this.isLoopbackProvider) oidc.allowInsecureRequests(config);
  }

  private async discover(): Promise<oidc.ServerMetadata> {
    const oidc = await loadOpenIdClient();
    const issuer = new URL(this.settings.discoveryUrl);
    const config = await oidc.discovery(issuer, this.settings.clientId, undefined, oidc.None(), {
      execute: this.isLoopbackProvider ? [oidc.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_SECONDS,
      [oidc.customFetch]: (url: string, init: oidc.CustomFetchOptions) =>
        this.fetchImpl(url, init as RequestInit),
    });
    const metadata = config.serverMetadata();
    this.writeCache({ issuer: this.settings.discoveryUrl, fetchedAt: this.clock.now(), metadata });
    return metadata;
  }

  private readCache(): CachedDiscovery | undefined {
    this.cache ??= { entry: this.readCacheFile() };
    return this.cache.entry;
  }

  private readCacheFile(): CachedDiscovery | undefined {
    if (!this.cacheFile) return undefined;
    try {
      const cached = JSON.parse(readFileSync(this.cacheFile, 'utf8')) as CachedDiscovery;
      return cachedDiscoveryUsable(
        cached,
        this.settings.discoveryUrl,
        this.clock.now(),
        this.isLoopbackProvider,
      )
        ? cached
        : undefined;
    } catch {
      return undefined;
    }
  }

  private writeCache(entry: CachedDiscovery): void {
    this.cache = { entry };
    if (!this.cacheFile) return;
    try {
      writeFileAtomically(this.cacheFile, JSON.stringify(entry));
    } catch {
      // A cache that cannot be written only costs a network request next time.
    }
  }
}
