/**
 * A local Cognito user pool, for tests and for `npm start` without an AWS account.
 *
 * The OAuth 2.0 / OpenID Connect protocol (authorization, PKCE, exact redirect matching, client
 * authentication, codes, refresh, revocation, sessions) is oidc-provider's, an OpenID-certified
 * provider. Around it, this file reproduces what our code can notice of Cognito:
 * - two origins: the issuer (discovery, JWKS) on 127.0.0.1, everything else on the user-pool
 *   domain `http://localhost:<port>`;
 * - Cognito's 12-key discovery document (no `code_challenge_methods_supported`);
 * - federation with identity providers (`identity_provider`, `idp_identifier`; federation.ts);
 * - `lang` (two languages besides English) and `login_hint` on the sign-in page;
 * - Cognito-shaped tokens: a JWT access token with `client_id`, `username`, `token_use` and no `aud`;
 *   an ID token with `cognito:username`, `cognito:groups`, `token_use: "id"`;
 * - no refresh token in a refresh response unless rotation is on; rotation in the three modes real
 *   providers have (off; Cognito's, with a retry grace period; Okta's and Auth0's, with reuse
 *   detection that revokes the whole token family);
 * - `/logout?client_id&logout_uri` with no confirm page;
 * - a sign-in form that checks passwords;
 * - fault switches a test flips at run time.
 *
 * Two more flavours stand for the standard OpenID providers that are not Cognito (see
 * {@link ProviderFlavour}).
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { decodeJwt, type JWK, type JWTPayload } from 'jose';
import { defaultClients, defaultUsers, type AppClient, type PoolUser } from './directory.ts';
import { deviceCodePage, deviceSuccessPage, errorPage, signInPage, signOutConfirmPage } from './pages.ts';
import { memoryAdapterFor, type Stored } from './memory-adapter.ts';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import { SigningKeys, accessTokenHash, generatePrivateJwk } from './signing-keys.ts';
import { Federation, type FederatedProviderOptions } from './federation.ts';
import { AwsIdentityEmulator } from './aws-identity.ts';
import { readBody } from '../support/http.ts';

/** Token and session lifetimes in seconds. Cognito's defaults: 1 h, 1 h, 30 days, 1 h. */
export interface Lifetimes {
  accessToken: number;
  idToken: number;
  refreshToken: number;
  session: number;
  /** How long a device code (RFC 8628) can be used; oidc-provider's default, 10 min. */
  deviceCode: number;
}

export interface EmulatorOptions {
  region?: string;
  poolId?: string;
  /** Port of the issuer origin (discovery, JWKS); 0 picks a free one. */
  issuerPort?: number;
  /** Port of the user-pool-domain origin (authorize, token, logout…); 0 picks a free one. */
  domainPort?: number;
  users?: PoolUser[];
  clients?: AppClient[];
  lifetimes?: Partial<Lifetimes>;
  /** Refresh-token rotation; off by default, as in Cognito. */
  refreshTokenRotation?: RotationMode;
  /** With `grace` rotation: how long a replaced refresh token keeps working (Cognito: 0–60 s). */
  rotationGraceSeconds?: number;
  /** Which provider this one stands for; Cognito by default. */
  flavour?: ProviderFlavour;
  /**
   * Serve both origins over HTTPS under `hostname` with this certificate: a provider behind a
   * corporate network (its name resolved by the test's proxy; its certificate from the test's CA).
   */
  tls?: { hostname: string; key: string; cert: string };
  /** The pool's identity providers: each a second OpenID provider the pool federates with. */
  identityProviders?: FederatedProviderOptions[];
  /** The name on the sign-in page, for an emulator that plays another provider ("Google"). */
  brand?: string;
  /** An Identity Pool trusting this user pool (all its app clients), and STS: see aws-identity.ts. */
  identityPool?: boolean;
}

/**
 * - `cognito`: Cognito as described above.
 * - `standard`: a standard OpenID provider, not Cognito: one origin for everything (the issuer's),
 *   PS256 keys, `client_secret_post` only,
 *   `preferred_username` and `groups` claims (no `cognito:` claims), and an end-session endpoint
 *   that requires `id_token_hint`, asks the user to confirm, then returns to
 *   `post_logout_redirect_uri` with the `state`.
 * - `standard-without-logout`: the same without any end-session endpoint.
 */
export type ProviderFlavour = 'cognito' | 'standard' | 'standard-without-logout';

/**
 * How refresh tokens rotate:
 * - `off`: the refresh token stays the same and a refresh response carries none (Cognito's default);
 * - `grace`: each refresh returns a new refresh token; the old one keeps working for the grace
 *   period, then is refused with `invalid_grant` (Cognito's `RefreshTokenRotation` with
 *   `RetryGracePeriodSeconds`, 0 = at once);
 * - `reuse-detection`: each refresh returns a new refresh token; an old one coming back revokes the
 *   whole family, the newest token included (Okta, Auth0; oidc-provider's own behaviour).
 */
export type RotationMode = 'off' | 'grace' | 'reuse-detection';

/** Switches a test flips at run time to make the provider misbehave. */
export interface FaultSwitches {
  /** Status the discovery document answers with instead of 200 (e.g. 503). */
  discoveryStatus?: number;
  /** Status the token endpoint answers with (a JSON `server_error` body). */
  tokenStatus?: number;
  /** With `tokenStatus`: a load balancer's HTML error page instead of the JSON body. */
  tokenErrorPage?: boolean;
  /** Delay before the token endpoint answers, in ms. */
  tokenDelayMs: number;
  /** How many device-code polls to answer with `slow_down` (RFC 8628) before the usual answer. */
  deviceSlowDowns?: number;
  /** The token endpoint answers every request with `invalid_grant`. */
  tokenInvalidGrant: boolean;
  /** Seconds added to `iat`, `exp` and `auth_time` of issued tokens (a provider clock that is off). */
  clockOffsetSeconds: number;
  /** Issued ID tokens are forged this way: what a client must refuse, at sign-in and at refresh. */
  idTokenForgery?: IdTokenForgery;
}

/**
 * ID tokens an attacker or a broken provider could hand out: signed by a key the JWKS does not
 * publish, unsigned (`alg: none`), from another issuer, for another client, with another nonce, or
 * (on refresh) for another user.
 */
export type IdTokenForgery =
  'foreign-key' | 'alg-none' | 'foreign-issuer' | 'foreign-audience' | 'wrong-nonce' | 'other-subject';

/** One request the emulator saw, for tests that count them. */
export interface SeenRequest {
  origin: 'issuer' | 'domain';
  method: string;
  path: string;
  /** For token requests: the `grant_type`. */
  grantType?: string;
  /** When it came, ms since the epoch. */
  at: number;
}

const DEFAULT_LIFETIMES: Lifetimes = {
  accessToken: 3600,
  idToken: 3600,
  refreshToken: 30 * 24 * 3600,
  session: 3600,
  deviceCode: 600,
};
const SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
const epochSeconds = (): number => Math.floor(Date.now() / 1000);

/** A running emulator. Create it with {@link startCognitoEmulator}. */
export class CognitoEmulator {
  readonly faults: FaultSwitches = { tokenDelayMs: 0, tokenInvalidGrant: false, clockOffsetSeconds: 0 };
  readonly requests: SeenRequest[] = [];
  refreshTokenRotation: RotationMode;
  rotationGraceSeconds: number;
  readonly users: PoolUser[];
  readonly clients: AppClient[];
  readonly lifetimes: Lifetimes;

  private readonly issuerServer: Server;
  private readonly domainServers: Server[] = [];
  private issuerPort = 0;
  private domainPort = 0;
  private provider!: Provider;
  private providerCallback: ReturnType<Provider['callback']> | undefined;
  private readonly storage = new Map<string, Stored>();
  /** The pool's identity providers, when it has any. */
  private federation: Federation | undefined;
  /** The Identity Pool and STS, when asked for. */
  aws: AwsIdentityEmulator | undefined;
  /** With `grace` rotation: each replaced refresh token, when it was replaced and by which. */
  private readonly replacedRefreshTokens = new Map<string, { at: number; by: string }>();

  private constructor(
    private readonly options: EmulatorOptions,
    private readonly keys: SigningKeys,
    /** oidc-provider's own key: it signs the ID token we then re-issue in Cognito's shape. */
    private readonly providerKey: JWK,
  ) {
    this.users = options.users ?? defaultUsers();
    this.clients = options.clients ?? defaultClients();
    this.lifetimes = { ...DEFAULT_LIFETIMES, ...options.lifetimes };
    this.refreshTokenRotation = options.refreshTokenRotation ?? 'off';
    this.rotationGraceSeconds = options.rotationGraceSeconds ?? 0;
    this.issuerServer = this.createServer((req, res) => this.serveIssuerOrigin(req, res));
  }

  /** An HTTP server, or an HTTPS one with the certificate of {@link EmulatorOptions.tls}. */
  private createServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
    const { tls } = this.options;
    return tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  }

  private get scheme(): string {
    return this.options.tls ? 'https' : 'http';
  }

  /** @internal use {@link startCognitoEmulator}. */
  static async start(options: EmulatorOptions): Promise<CognitoEmulator> {
    const alg = (options.flavour ?? 'cognito') === 'cognito' ? 'RS256' : 'PS256';
    const emulator = new CognitoEmulator(options, await SigningKeys.create(alg), await generatePrivateJwk());
    await emulator.listen(options.issuerPort ?? 0, options.domainPort ?? 0);
    if (options.identityPool) {
      emulator.aws = new AwsIdentityEmulator(options.region ?? 'us-east-1', {
        providerName: emulator.issuer.replace(/^https?:\/\//, ''),
        clientIds: emulator.clients.map((c) => c.clientId),
        verify: (token) => emulator.verifyIdToken(token),
      });
      await emulator.aws.start();
    }
    if (options.identityProviders?.length) {
      emulator.federation = await Federation.start(
        options.identityProviders,
        { domain: emulator.domain, poolId: emulator.poolId, users: emulator.users },
        (upstream) => CognitoEmulator.start(upstream),
      );
    }
    return emulator;
  }

  /** One of the pool's identity providers, as an emulator of its own (its users, its requests). */
  identityProvider(name: string): CognitoEmulator | undefined {
    return this.federation?.provider(name);
  }

  get poolId(): string {
    return `${this.options.region ?? 'us-east-1'}_${this.options.poolId ?? 'Emu1ator'}`;
  }

  /** The issuer, as Cognito's: `http://127.0.0.1:<port>/<region>_<poolId>`, no trailing slash. */
  get issuer(): string {
    return `${this.scheme}://${this.options.tls?.hostname ?? '127.0.0.1'}:${this.issuerPort}/${this.poolId}`;
  }

  get discoveryUrl(): string {
    return `${this.issuer}/.well-known/openid-configuration`;
  }

  /** The user-pool domain origin, like `https://<prefix>.auth.<region>.amazoncognito.com`. */
  get domain(): string {
    // A standard provider serves everything on its issuer's origin.
    return this.isStandard
      ? new URL(this.issuer).origin
      : `${this.scheme}://${this.options.tls?.hostname ?? 'localhost'}:${this.domainPort}`;
  }

  /** The kid that signs new tokens. */
  get signingKid(): string {
    return this.keys.currentKid;
  }

  /** Turns every fault switch off and refresh-token rotation back to its start value. */
  resetFaults(): void {
    Object.assign(this.faults, {
      discoveryStatus: undefined,
      tokenStatus: undefined,
      tokenErrorPage: undefined,
      deviceSlowDowns: undefined,
      tokenDelayMs: 0,
      tokenInvalidGrant: false,
      clockOffsetSeconds: 0,
      idTokenForgery: undefined,
    });
    this.refreshTokenRotation = this.options.refreshTokenRotation ?? 'off';
    this.rotationGraceSeconds = this.options.rotationGraceSeconds ?? 0;
  }

  /** Rotates the signing key: new tokens carry a new `kid`; the JWKS publishes it. */
  rotateSigningKey(): Promise<string> {
    return this.keys.rotate();
  }

  /** How many requests to `path` (with this `grant_type`, for the token endpoint) the emulator saw. */
  countRequests(path: string, grantType?: string): number {
    return this.requests.filter(
      (r) => r.path === path && (grantType === undefined || r.grantType === grantType),
    ).length;
  }

  /** Stops answering (the "provider down" case) until {@link resume}; state is kept. */
  async pause(): Promise<void> {
    await Promise.all([this.issuerServer, ...this.domainServers].map(closeServer));
    this.domainServers.length = 0;
  }

  /** Answers again on the same ports after {@link pause}. */
  async resume(): Promise<void> {
    await this.listen(this.issuerPort, this.domainPort);
  }

  /** Stops the emulator, its identity providers and AWS endpoints, and frees their ports. */
  async stop(): Promise<void> {
    await Promise.all([this.pause(), this.federation?.stop(), this.aws?.stop()]);
  }

  /** The claims of an ID token this pool issued and that has not expired; undefined otherwise. */
  async verifyIdToken(token: string): Promise<JWTPayload | undefined> {
    const claims = await this.keys
      .verify(token, epochSeconds() + this.faults.clockOffsetSeconds)
      .catch(() => undefined);
    return claims?.token_use === 'id' ? claims : undefined;
  }

  private async listen(issuerPort: number, domainPort: number): Promise<void> {
    this.issuerPort = await listen(this.issuerServer, issuerPort, '127.0.0.1');
    // A browser may resolve `localhost` to ::1 or to 127.0.0.1: answer on both.
    const domainV4 = this.createServer(this.domainHandler());
    this.domainPort = await listen(domainV4, domainPort, '127.0.0.1');
    this.domainServers.push(domainV4);
    const domainV6 = this.createServer(this.domainHandler());
    try {
      await listen(domainV6, this.domainPort, '::1');
      this.domainServers.push(domainV6);
    } catch {
      // No IPv6 loopback on this machine: 127.0.0.1 alone is then what `localhost` means.
    }
  }

  private domainHandler(): (req: IncomingMessage, res: ServerResponse) => void {
    this.provider ??= this.createProvider();
    const handle = (this.providerCallback ??= this.provider.callback());
    return (req, res) => void handle(req, res);
  }

  private serveIssuerOrigin(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const base = `/${this.poolId}/.well-known`;
    if (this.isStandard && !path.startsWith(`${base}/`)) return this.domainHandler()(req, res);
    this.requests.push({ origin: 'issuer', method: req.method ?? '', path, at: Date.now() });
    if (req.method === 'GET' && path === `${base}/openid-configuration`) {
      if (this.faults.discoveryStatus)
        return sendJson(res, this.faults.discoveryStatus, { message: 'unavailable' });
      return sendJson(res, 200, this.discoveryDocument());
    }
    if (req.method === 'GET' && path === `${base}/jwks.json`) return sendJson(res, 200, this.keys.jwks());
    sendJson(res, 404, { message: 'Not found' });
  }

  get flavour(): ProviderFlavour {
    return this.options.flavour ?? 'cognito';
  }

  private get isStandard(): boolean {
    return this.flavour !== 'cognito';
  }

  /** Exactly the 12 keys Cognito publishes; endpoints on the domain origin, JWKS on the issuer's. */
  private discoveryDocument(): Record<string, unknown> {
    return {
      authorization_endpoint: `${this.domain}/oauth2/authorize`,
      ...(this.flavour === 'standard-without-logout'
        ? {}
        : { end_session_endpoint: `${this.domain}/logout` }),
      id_token_signing_alg_values_supported: [this.keys.alg],
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${this.domain}/oauth2/revoke`,
      scopes_supported: SCOPES,
      subject_types_supported: ['public'],
      token_endpoint: `${this.domain}/oauth2/token`,
      token_endpoint_auth_methods_supported: this.isStandard
        ? ['client_secret_post']
        : ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${this.domain}/oauth2/userInfo`,
      ...(this.isStandard ? { device_authorization_endpoint: `${this.domain}/device/auth` } : {}),
      // Standard providers say which `prompt` values they honour; Cognito says nothing.
      ...(this.isStandard ? { prompt_values_supported: ['none', 'login', 'consent'] } : {}),
    };
  }

  private createProvider(): Provider {
    const configuration: Configuration = {
      adapter: memoryAdapterFor(this.storage),
      jwks: { keys: [this.providerKey] },
      clients: this.clients.map((c) => ({
        client_id: c.clientId,
        ...(c.clientSecret
          ? {
              client_secret: c.clientSecret,
              token_endpoint_auth_method: this.isStandard ? 'client_secret_post' : 'client_secret_basic',
            }
          : { token_endpoint_auth_method: 'none' }),
        // 'web' clients get an exact redirect URI match, as Cognito does (no RFC 8252 "any port").
        application_type: 'web',
        redirect_uris: c.callbackUrls,
        post_logout_redirect_uris: c.signOutUrls,
        response_types: ['code'],
        // Standard providers offer the device flow (RFC 8628); Cognito does not.
        grant_types: [
          'authorization_code',
          'refresh_token',
          ...(this.isStandard ? ['urn:ietf:params:oauth:grant-type:device_code'] : []),
        ],
        require_auth_time: true,
      })),
      cookies: { keys: [randomBytes(32).toString('hex')] },
      claims: {
        openid: [
          'sub',
          'cognito:username',
          'cognito:groups',
          'identities',
          'token_use',
          'preferred_username',
          'groups',
        ],
        email: ['email', 'email_verified'],
        profile: ['name'],
        phone: ['phone_number', 'phone_number_verified'],
      },
      conformIdTokenClaims: false,
      scopes: SCOPES,
      findAccount: (_ctx, sub) => {
        const user = this.users.find((u) => u.sub === sub);
        if (!user) return undefined;
        const claims = (
          this.isStandard ? standardClaims(user) : { ...idTokenClaims(user), sub, token_use: 'id' }
        ) as { sub: string } & Record<string, unknown>;
        return { accountId: sub, claims: () => claims };
      },
      features: {
        devInteractions: { enabled: false },
        // A client may revoke only its own refresh tokens, as in Cognito.
        revocation: {
          enabled: true,
          allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
        },
        // Cognito's /logout is served below; oidc-provider's confirm-page logout is not exposed.
        rpInitiatedLogout: { enabled: false },
        // Cognito's /oauth2/userInfo takes the Cognito-shaped access token: served below.
        userinfo: { enabled: false },
        // The device flow, for standard providers only: oidc-provider's own code pages, then the
        // emulator's sign-in page.
        deviceFlow: {
          enabled: this.isStandard,
          charset: 'base-20',
          mask: '****-****',
          userCodeInputSource: (ctx, form, _out, error) => {
            ctx.type = 'html';
            ctx.body = deviceCodePage(form, 'op.deviceInputForm', error !== undefined);
          },
          userCodeConfirmSource: (ctx, form) => {
            ctx.type = 'html';
            ctx.body = deviceCodePage(form, 'op.deviceConfirmForm', false);
          },
          successSource: (ctx) => {
            ctx.type = 'html';
            ctx.body = deviceSuccessPage();
          },
        },
      },
      interactions: { url: (_ctx, interaction) => `/login/${interaction.uid}` },
      // Cognito's own authorization parameters, kept for the sign-in page.
      extraParams: ['identity_provider', 'idp_identifier', 'lang'],
      // Cognito has no consent screen: a registered client gets every scope it asks for.
      loadExistingGrant: async (ctx) => {
        const { oidc } = ctx;
        const clientId = oidc.client!.clientId;
        const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(clientId);
        const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
        const grant = existing ?? new oidc.provider.Grant({ clientId, accountId: oidc.session!.accountId! });
        const scope = oidc.params?.scope;
        grant.addOIDCScope(typeof scope === 'string' ? scope : 'openid');
        await grant.save();
        return grant;
      },
      // Cognito has no offline_access scope: every code grant yields a refresh token.
      issueRefreshToken: () => true,
      rotateRefreshToken: () => this.refreshTokenRotation !== 'off',
      pkce: { required: () => true },
      responseTypes: ['code'],
      routes: {
        authorization: '/oauth2/authorize',
        token: '/oauth2/token',
        revocation: '/oauth2/revoke',
        jwks: '/.well-known/jwks.json',
      },
      ttl: {
        AccessToken: this.lifetimes.accessToken,
        IdToken: this.lifetimes.idToken,
        RefreshToken: this.lifetimes.refreshToken,
        Session: this.lifetimes.session,
        Grant: this.lifetimes.refreshToken,
        Interaction: 3600,
        AuthorizationCode: 300,
        DeviceCode: this.lifetimes.deviceCode,
      },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = errorPage(`${out.error}: ${out.error_description ?? ''}`);
      },
    };
    const provider = new Provider(this.issuer, configuration);
    provider.on('server_error', (_ctx, error) => console.error('[emulator] server_error', error));
    provider.use((ctx, next) => this.handleDomainRequest(ctx as KoaContextWithOIDC, next));
    return provider;
  }

  /** Runs in front of oidc-provider's routes on the domain origin. */
  private async handleDomainRequest(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    const seen: SeenRequest = { origin: 'domain', method: ctx.method, path: ctx.path, at: Date.now() };
    this.requests.push(seen);
    // Cognito serves discovery and JWKS only on the issuer origin.
    if (ctx.path.startsWith('/.well-known/')) {
      ctx.status = 404;
      ctx.body = { message: 'Not found' };
      return;
    }
    if (ctx.path === '/logout' && ctx.method === 'GET') return this.handleLogout(ctx);
    if (ctx.path === '/logout/confirm' && ctx.method === 'POST' && this.flavour === 'standard') {
      const form = Object.fromEntries(new URLSearchParams(await readBody(ctx.req)));
      return this.handleEndSession(ctx, form);
    }
    if (ctx.path === '/oauth2/userInfo') return this.handleUserInfo(ctx);
    if (ctx.path === '/oauth2/authorize' && ctx.method === 'GET' && !this.routeToIdentityProvider(ctx))
      return;
    if (ctx.path === '/oauth2/idpresponse' && ctx.method === 'GET') return this.handleIdpResponse(ctx);
    if (ctx.path.startsWith('/login/')) return this.handleSignInForm(ctx);
    if (ctx.path === '/oauth2/token' && ctx.method === 'POST') return this.handleToken(ctx, next, seen);
    await next();
  }

  private async handleToken(
    ctx: KoaContextWithOIDC,
    next: () => Promise<void>,
    seen: SeenRequest,
  ): Promise<void> {
    if (this.faults.tokenDelayMs > 0) await new Promise((r) => setTimeout(r, this.faults.tokenDelayMs));
    if (this.faults.tokenStatus) {
      ctx.status = this.faults.tokenStatus;
      if (this.faults.tokenErrorPage) {
        ctx.type = 'text/html';
        ctx.body = `<html><body><h1>${this.faults.tokenStatus} Service Temporarily Unavailable</h1></body></html>`;
      } else ctx.body = { error: 'server_error' };
      return;
    }
    if (this.faults.tokenInvalidGrant) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_grant', error_description: 'Refresh Token has been revoked' };
      return;
    }
    // A strict standard provider: only the method it registered (oidc-provider itself takes any).
    if (this.isStandard && /^Basic /i.test(ctx.get('authorization'))) {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Basic error="invalid_client", error_description="use client_secret_post"');
      ctx.body = { error: 'invalid_client', error_description: 'use client_secret_post' };
      return;
    }
    if (this.refreshTokenRotation === 'grace' && !(await this.applyGracePeriod(ctx, seen))) return;
    if (this.faults.deviceSlowDowns && !(await this.slowDownDevicePoll(ctx, seen))) return;
    try {
      await next();
    } finally {
      // Recorded for refused grants too (a device poll still pending ends in an OAuth error).
      const grantType = ctx.oidc?.params?.grant_type;
      if (typeof grantType === 'string') seen.grantType = grantType;
    }
    const params = ctx.oidc?.params;
    const grantType = typeof params?.grant_type === 'string' ? params.grant_type : undefined;
    if (ctx.status === 200 && isTokenResponse(ctx.body)) {
      const used = typeof params?.refresh_token === 'string' ? params.refresh_token : undefined;
      const issued = ctx.body.refresh_token;
      if (grantType === 'refresh_token' && used && issued && issued !== used) {
        this.replacedRefreshTokens.set(used, { at: Date.now(), by: issued });
      }
      ctx.body = await this.cognitoTokenResponse(ctx.body, grantType);
    }
  }

  /**
   * Cognito's retry grace period: a replaced refresh token still works for a while (the request
   * goes on with the newest token of its family), then is refused without revoking the family.
   * Reads the form itself; oidc-provider then takes the rewritten body. False when answered here.
   */
  private async applyGracePeriod(ctx: KoaContextWithOIDC, seen: SeenRequest): Promise<boolean> {
    const form = new URLSearchParams(await readBody(ctx.req));
    const presented = form.get('refresh_token');
    let replaced = presented === null ? undefined : this.replacedRefreshTokens.get(presented);
    if (form.get('grant_type') === 'refresh_token' && replaced) {
      seen.grantType = 'refresh_token';
      if (Date.now() - replaced.at > this.rotationGraceSeconds * 1000) {
        ctx.status = 400;
        ctx.body = { error: 'invalid_grant', error_description: 'Invalid Refresh Token' };
        return false;
      }
      let newest = replaced.by;
      while ((replaced = this.replacedRefreshTokens.get(newest))) newest = replaced.by;
      form.set('refresh_token', newest);
    }
    (ctx.req as IncomingMessage & { body?: string }).body = form.toString();
    return true;
  }

  /**
   * The `slow_down` fault: a device-code poll is answered "slow down" while the count lasts.
   * Reads the form itself; oidc-provider then takes it. False when answered here.
   */
  private async slowDownDevicePoll(ctx: KoaContextWithOIDC, seen: SeenRequest): Promise<boolean> {
    const form = new URLSearchParams(await readBody(ctx.req));
    (ctx.req as IncomingMessage & { body?: string }).body = form.toString();
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:device_code') return true;
    seen.grantType = 'urn:ietf:params:oauth:grant-type:device_code';
    this.faults.deviceSlowDowns! -= 1;
    ctx.status = 400;
    ctx.body = { error: 'slow_down', error_description: 'Polling too often' };
    return false;
  }

  /** Re-issues oidc-provider's token response in Cognito's shape, signed with the emulator's keys. */
  private async cognitoTokenResponse(
    body: TokenResponseBody,
    grantType: string | undefined,
  ): Promise<Record<string, unknown>> {
    const issued = await this.provider.AccessToken.find(body.access_token);
    const user = this.users.find((u) => u.sub === issued?.accountId);
    if (!issued || !user) throw new Error('emulator: token response without a known user');
    const offset = this.faults.clockOffsetSeconds;
    const now = epochSeconds() + offset;
    const idTokenFromProvider = body.id_token ? decodeJwt(body.id_token) : undefined;
    const authTime = Number(idTokenFromProvider?.auth_time ?? epochSeconds()) + offset;
    const accessToken = await this.keys.sign({
      sub: user.sub,
      ...(user.groups.length > 0 ? { [this.isStandard ? 'groups' : 'cognito:groups']: user.groups } : {}),
      iss: this.issuer,
      version: 2,
      client_id: issued.clientId,
      // Cognito's origin_jti ties the access token to its sign-in; here: the grant, so revocation kills it.
      origin_jti: issued.grantId,
      token_use: 'access',
      scope: issued.scope,
      auth_time: authTime,
      iat: now,
      exp: now + this.lifetimes.accessToken,
      jti: randomUUID(),
      username: user.username,
    });
    const response: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: this.lifetimes.accessToken,
      token_type: 'Bearer',
    };
    if (idTokenFromProvider) {
      const idToken: JWTPayload = {
        ...idTokenFromProvider,
        at_hash: accessTokenHash(accessToken),
        auth_time: authTime,
        iat: now,
        exp: now + this.lifetimes.idToken,
        jti: randomUUID(),
      };
      response.id_token = await this.signIdToken(idToken);
    }
    // Cognito returns no refresh token on refresh unless rotation is on.
    const keepRefreshToken = grantType !== 'refresh_token' || this.refreshTokenRotation !== 'off';
    if (body.refresh_token && keepRefreshToken) response.refresh_token = body.refresh_token;
    return response;
  }

  /** Signs an ID token, forged as the fault switch says. */
  private signIdToken(claims: JWTPayload): Promise<string> {
    const forgery = this.faults.idTokenForgery;
    if (forgery === 'foreign-key' || forgery === 'alg-none') return this.keys.forge(claims, forgery);
    const forged: Record<IdTokenForgery, JWTPayload> = {
      'foreign-key': claims,
      'alg-none': claims,
      'foreign-issuer': { ...claims, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Attacker' },
      'foreign-audience': { ...claims, aud: 'another-app-client-of-the-pool' },
      'wrong-nonce': { ...claims, nonce: 'not-the-nonce-the-client-sent' },
      'other-subject': { ...claims, sub: randomUUID() },
    };
    return this.keys.sign(forgery ? forged[forgery] : claims);
  }

  private async handleUserInfo(ctx: KoaContextWithOIDC): Promise<void> {
    const match = /^Bearer (.+)$/.exec(ctx.get('authorization'));
    const now = epochSeconds() + this.faults.clockOffsetSeconds;
    const payload = match?.[1] ? await this.keys.verify(match[1], now).catch(() => undefined) : undefined;
    const grant =
      payload?.token_use === 'access' && typeof payload.origin_jti === 'string'
        ? await this.provider.Grant.find(payload.origin_jti)
        : undefined;
    const user = grant ? this.users.find((u) => u.sub === payload?.sub) : undefined;
    if (!user) {
      ctx.status = 401;
      ctx.set(
        'WWW-Authenticate',
        'Bearer error="invalid_token", error_description="Access token is not valid"',
      );
      ctx.body = { error: 'invalid_token', error_description: 'Access token is not valid' };
      return;
    }
    if (this.isStandard) {
      // The user's attributes; groups stay in the tokens.
      const claims = standardClaims(user);
      delete claims.groups;
      ctx.body = claims;
      return;
    }
    // Cognito's userInfo: the user's attributes and `username`, no groups.
    const { 'cognito:username': username, ...claims } = idTokenClaims(user);
    delete claims['cognito:groups'];
    // Cognito's userInfo gives a federated user's identities as JSON text, not as a list.
    if (claims.identities) claims.identities = JSON.stringify(claims.identities);
    ctx.body = { ...claims, username };
  }

  /**
   * Cognito's `/logout`: `client_id` + `logout_uri` ends the hosted-UI session and goes to
   * `logout_uri` if it is an allowed sign-out URL; `client_id` + `redirect_uri` + `response_type`
   * ends it and shows the sign-in page again. No confirm page either way.
   */
  private async handleLogout(ctx: KoaContextWithOIDC): Promise<void> {
    if (this.flavour === 'standard-without-logout') {
      ctx.status = 404;
      ctx.body = { message: 'Not found' };
      return;
    }
    if (this.isStandard) return this.handleEndSession(ctx, ctx.query as Record<string, string | undefined>);
    const query = ctx.query as Record<string, string | undefined>;
    const client = this.clients.find((c) => c.clientId === query.client_id);
    if (!client) return showError(ctx, 'Invalid client_id.');
    const session = await this.provider.Session.get(ctx);
    await session.destroy();
    if (query.logout_uri !== undefined) {
      if (!client.signOutUrls.includes(query.logout_uri)) return showError(ctx, 'Invalid logout_uri.');
      return ctx.redirect(query.logout_uri);
    }
    if (query.redirect_uri !== undefined && query.response_type !== undefined) {
      ctx.redirect(`/oauth2/authorize?${new URLSearchParams(query as Record<string, string>).toString()}`);
      return;
    }
    showError(ctx, 'Required parameter missing: logout_uri.');
  }

  /**
   * A standard provider's end-session endpoint (RP-Initiated Logout 1.0), of the strict kind: it
   * requires an `id_token_hint` it issued to this client, asks the user to confirm (GET shows the
   * page, its form POSTs the same fields to `/logout/confirm`), and returns to an allowed
   * `post_logout_redirect_uri` with the `state`.
   */
  private async handleEndSession(
    ctx: KoaContextWithOIDC,
    query: Record<string, string | undefined>,
  ): Promise<void> {
    // Checked as of the epoch: an expired hint is still a valid one (RP-Initiated Logout 1.0, 2).
    const hint = query.id_token_hint
      ? await this.keys.verify(query.id_token_hint, 0).catch(() => undefined)
      : undefined;
    const client = this.clients.find((c) => c.clientId === query.client_id);
    if (!hint || !client || ![hint.aud].flat().includes(client.clientId))
      return showError(ctx, 'Sign-out needs an id_token_hint this provider issued to the client.');
    const target = query.post_logout_redirect_uri;
    if (!target || !client.signOutUrls.includes(target))
      return showError(ctx, 'Invalid post_logout_redirect_uri.');
    if (ctx.method === 'GET') {
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(query)) if (typeof value === 'string') fields[name] = value;
      ctx.type = 'html';
      ctx.body = signOutConfirmPage(fields);
      return;
    }
    const session = await this.provider.Session.get(ctx);
    await session.destroy();
    const back = new URL(target);
    if (query.state) back.searchParams.set('state', query.state);
    ctx.redirect(back.href);
  }

  /**
   * `/oauth2/authorize` with `identity_provider` or `idp_identifier`: an unknown one gets an error
   * page; a known one always signs in again at the provider (a pool session does not skip it), so
   * the request goes on with `prompt=login`. False when answered here.
   */
  private routeToIdentityProvider(ctx: KoaContextWithOIDC): boolean {
    const query = ctx.query as Record<string, string | undefined>;
    if (query.identity_provider === undefined && query.idp_identifier === undefined) return true;
    const upstream = this.federation
      ? this.federation.resolve(query)
      : query.identity_provider === 'COGNITO'
        ? undefined
        : 'unknown';
    if (upstream === 'unknown') {
      showError(ctx, 'Login option is not available. Please try another one.');
      return false;
    }
    if (upstream) ctx.query = { ...query, prompt: 'login' };
    return true;
  }

  /** The identity provider came back: finish the pool's sign-in interaction with its outcome. */
  private async handleIdpResponse(ctx: KoaContextWithOIDC): Promise<void> {
    const done = await this.federation?.complete(ctx.query);
    if (!done) return showError(ctx, 'Invalid state: this sign-in was not started here.');
    ctx.redirect(`/login/${done.uid}/federated?ticket=${done.ticket}`);
  }

  /** The hosted sign-in page: GET shows it, POST checks the password, `/abort` is "Cancel". */
  private async handleSignInForm(ctx: KoaContextWithOIDC): Promise<void> {
    const [, , uid = '', action] = ctx.path.split('/');
    const details = await this.provider.interactionDetails(ctx.req, ctx.res).catch(() => undefined);
    if (!details || details.uid !== uid) return showError(ctx, 'This sign-in page has expired. Start again.');
    const clientId = String(details.params.client_id);
    const finish = async (result: Parameters<Provider['interactionResult']>[2]): Promise<void> => {
      const url = await this.provider.interactionResult(ctx.req, ctx.res, result, {
        mergeWithLastSubmission: false,
      });
      ctx.status = 303;
      ctx.redirect(url);
    };
    if (action === 'abort')
      return finish({ error: 'access_denied', error_description: 'End-User aborted interaction' });
    if (action === 'federated') {
      const outcome = this.federation?.takeOutcome(String(ctx.query.ticket));
      if (!outcome) return showError(ctx, 'This sign-in page has expired. Start again.');
      if ('error' in outcome) return finish({ error: 'invalid_request', error_description: outcome.error });
      return finish({ login: { accountId: outcome.user.sub } });
    }
    if (details.prompt.name !== 'login') return finish({});
    const upstream = this.federation?.resolve(details.params);
    if (upstream && upstream !== 'unknown') {
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
      return ctx.redirect(this.federation!.upstreamAuthorizeUrl(upstream, uid, hint));
    }
    const page = {
      uid,
      clientId,
      ...(this.options.brand ? { brand: this.options.brand } : {}),
      ...(typeof details.params.lang === 'string' ? { lang: details.params.lang } : {}),
    };
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      // Managed login fills the user name from `login_hint`.
      const hint = details.params.login_hint;
      ctx.body = signInPage({ ...page, ...(typeof hint === 'string' ? { login: hint } : {}) });
      return;
    }
    const form = new URLSearchParams(await readBody(ctx.req));
    const login = form.get('login') ?? '';
    // Federated users sign in at their provider, never with a password here.
    const user = this.users.find((u) => !u.identities && (u.username === login || u.email === login));
    if (!user || !samePassword(user.password, form.get('password') ?? '')) {
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body = signInPage({ ...page, login, error: 'Incorrect username or password.' });
      return;
    }
    return finish({ login: { accountId: user.sub } });
  }
}

interface TokenResponseBody {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
}

function isTokenResponse(body: unknown): body is TokenResponseBody {
  return (
    typeof body === 'object' && body !== null && typeof (body as TokenResponseBody).access_token === 'string'
  );
}

/** The user's claims as a standard provider puts them in the ID token. */
function standardClaims(user: PoolUser): Record<string, unknown> {
  return {
    sub: user.sub,
    preferred_username: user.username,
    ...(user.groups.length > 0 ? { groups: user.groups } : {}),
    email: user.email,
    email_verified: user.emailVerified,
    ...(user.name ? { name: user.name } : {}),
  };
}

/** The user's claims as Cognito puts them in the ID token. */
function idTokenClaims(user: PoolUser): Record<string, unknown> {
  return {
    sub: user.sub,
    'cognito:username': user.username,
    ...(user.groups.length > 0 ? { 'cognito:groups': user.groups } : {}),
    ...(user.identities ? { identities: user.identities } : {}),
    email: user.email,
    email_verified: user.emailVerified,
    ...(user.name ? { name: user.name } : {}),
  };
}

function samePassword(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function showError(ctx: KoaContextWithOIDC, message: string): void {
  ctx.status = 400;
  ctx.type = 'html';
  ctx.body = errorPage(message);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts a local Cognito user pool emulator. */
export function startCognitoEmulator(options: EmulatorOptions = {}): Promise<CognitoEmulator> {
  return CognitoEmulator.start(options);
}
