/**
 * Cognito's federation with outside identity providers, emulated. Each provider ("Google", a
 * company's OIDC provider) is a second, independent OpenID provider — a standard-flavour emulator
 * with its own users, sign-in page and keys — where the pool is registered as a client. What the
 * pool does, as Cognito does it:
 * - `/oauth2/authorize?identity_provider=Google` (or `idp_identifier=<a mapped identifier>`) sends
 *   the browser to that provider's sign-in page; an unknown name gets an error page;
 * - the provider returns to the pool's `/oauth2/idpresponse`; the pool exchanges the code, checks
 *   the provider's ID token (signature, issuer, audience, nonce) and signs the user in as a pool
 *   user named `<provider>_<the provider's sub>`, in the automatic group `<poolId>_<provider>`,
 *   with an `identities` claim saying where they came from;
 * - `login_hint` reaches OIDC providers only (Cognito cannot forward it to social or SAML ones).
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { CognitoEmulator, EmulatorOptions } from './emulator.ts';
import type { PoolUser } from './directory.ts';

/** An identity provider of the pool. */
export interface FederatedProviderOptions {
  /** Its name in the pool: `Google`, `Facebook`, `SignInWithApple`, `LoginWithAmazon`, or an OIDC provider's. */
  name: string;
  /** Identifiers mapped to it (email domains), for `idp_identifier`. */
  identifiers?: string[];
  /** The provider's own users; by default one, `gina`. */
  users?: PoolUser[];
}

/** One entry of Cognito's `identities` claim. */
export interface FederatedIdentity {
  userId: string;
  providerName: string;
  providerType: string;
  issuer: null;
  primary: 'true' | 'false';
  dateCreated: string;
}

/** Cognito's provider types for the social providers; any other name here is an OIDC provider. */
const SOCIAL = new Set(['Google', 'Facebook', 'SignInWithApple', 'LoginWithAmazon']);

/** Where the pool is, for the providers' redirect URI and the pool users' names. */
export interface PoolSide {
  domain: string;
  poolId: string;
  users: PoolUser[];
}

export interface Upstream {
  name: string;
  type: string;
  identifiers: string[];
  emulator: CognitoEmulator;
  clientId: string;
  clientSecret: string;
}

/** A sign-in the pool sent to a provider: which interaction it finishes. */
interface Pending {
  uid: string;
  upstream: Upstream;
  verifier: string;
  nonce: string;
}

/** What `/oauth2/idpresponse` hands to the pool's sign-in interaction. */
export type FederatedOutcome = { user: PoolUser } | { error: string };

/** A provider's default user: Google's subjects are 21 digits. */
function defaultUpstreamUser(provider: string): PoolUser {
  const digits = Array.from(randomBytes(20), (b) => String(b % 10)).join('');
  return {
    username: 'gina',
    password: 'Passw0rd!gina',
    email: `gina@${provider.toLowerCase()}.example`,
    emailVerified: true,
    sub: `1${digits}`,
    groups: [],
    name: `Gina of ${provider}`,
  };
}

export class Federation {
  private readonly pending = new Map<string, Pending>();
  private readonly outcomes = new Map<string, FederatedOutcome>();

  private constructor(
    private readonly pool: PoolSide,
    private readonly upstreams: Upstream[],
  ) {}

  /** Starts one provider per option, each registered with the pool as its client. */
  static async start(
    options: FederatedProviderOptions[],
    pool: PoolSide,
    startEmulator: (options: EmulatorOptions) => Promise<CognitoEmulator>,
  ): Promise<Federation> {
    const upstreams: Upstream[] = [];
    for (const option of options) {
      const clientId = `cognito-pool-${pool.poolId.toLowerCase()}`;
      const clientSecret = randomBytes(24).toString('hex');
      const emulator = await startEmulator({
        flavour: 'standard',
        brand: option.name,
        poolId: option.name,
        users: option.users ?? [defaultUpstreamUser(option.name)],
        clients: [
          { clientId, clientSecret, callbackUrls: [`${pool.domain}/oauth2/idpresponse`], signOutUrls: [] },
        ],
      });
      upstreams.push({
        name: option.name,
        type: SOCIAL.has(option.name) ? option.name : 'OIDC',
        identifiers: (option.identifiers ?? []).map((i) => i.toLowerCase()),
        emulator,
        clientId,
        clientSecret,
      });
    }
    return new Federation(pool, upstreams);
  }

  /** The provider emulators, by name (tests read their users and requests). */
  provider(name: string): CognitoEmulator | undefined {
    return this.upstreams.find((u) => u.name === name)?.emulator;
  }

  async stop(): Promise<void> {
    await Promise.all(this.upstreams.map((u) => u.emulator.stop()));
  }

  /**
   * Where an authorization request goes: a provider, the pool's own page (`undefined`: no
   * provider asked for, or `COGNITO`), or nowhere (`unknown`: the name or identifier maps to none).
   */
  resolve(params: {
    identity_provider?: unknown;
    idp_identifier?: unknown;
  }): Upstream | 'unknown' | undefined {
    const name = typeof params.identity_provider === 'string' ? params.identity_provider : undefined;
    const identifier =
      typeof params.idp_identifier === 'string' ? params.idp_identifier.toLowerCase() : undefined;
    if (name === 'COGNITO') return undefined;
    if (name !== undefined) return this.upstreams.find((u) => u.name === name) ?? 'unknown';
    if (identifier !== undefined)
      return this.upstreams.find((u) => u.identifiers.includes(identifier)) ?? 'unknown';
    return undefined;
  }

  /** The provider's authorization URL that finishes the pool's interaction `uid` when it comes back. */
  upstreamAuthorizeUrl(upstream: Upstream, uid: string, loginHint: string | undefined): string {
    const state = randomBytes(16).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    this.pending.set(state, { uid, upstream, verifier, nonce });
    const url = new URL(`${upstream.emulator.domain}/oauth2/authorize`);
    url.search = new URLSearchParams({
      client_id: upstream.clientId,
      response_type: 'code',
      redirect_uri: `${this.pool.domain}/oauth2/idpresponse`,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(loginHint && upstream.type === 'OIDC' ? { login_hint: loginHint } : {}),
    }).toString();
    return url.href;
  }

  /**
   * `/oauth2/idpresponse`: the provider came back. Exchanges its code, checks its ID token, and
   * returns the pool's interaction to finish and a one-time ticket for the outcome.
   */
  async complete(query: Record<string, unknown>): Promise<{ uid: string; ticket: string } | undefined> {
    const state = typeof query.state === 'string' ? query.state : '';
    const pending = this.pending.get(state);
    if (!pending) return undefined;
    this.pending.delete(state);
    const ticket = randomUUID();
    this.outcomes.set(
      ticket,
      await this.outcomeOf(pending, query).catch((error: unknown) => ({
        error: `${pending.upstream.name} Error - ${(error as Error).message}`,
      })),
    );
    return { uid: pending.uid, ticket };
  }

  /** The outcome a ticket stands for, once. */
  takeOutcome(ticket: string): FederatedOutcome | undefined {
    const outcome = this.outcomes.get(ticket);
    this.outcomes.delete(ticket);
    return outcome;
  }

  private async outcomeOf(pending: Pending, query: Record<string, unknown>): Promise<FederatedOutcome> {
    if (typeof query.error === 'string') return { error: `${pending.upstream.name} Error - ${query.error}` };
    const code = typeof query.code === 'string' ? query.code : '';
    const { upstream } = pending;
    const response = await fetch(`${upstream.emulator.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: `${this.pool.domain}/oauth2/idpresponse`,
        client_id: upstream.clientId,
        client_secret: upstream.clientSecret,
        code_verifier: pending.verifier,
      }),
    });
    const body = (await response.json()) as { id_token?: string; error?: string };
    if (!response.ok || !body.id_token)
      throw new Error(`${response.status} ${body.error ?? 'error getting token'}`);
    const jwks = (await (
      await fetch(`${upstream.emulator.issuer}/.well-known/jwks.json`)
    ).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(body.id_token, createLocalJWKSet(jwks), {
      issuer: upstream.emulator.issuer,
      audience: upstream.clientId,
    });
    if (payload.nonce !== pending.nonce) throw new Error('nonce mismatch');
    return { user: this.poolUserFor(upstream, payload) };
  }

  /** The pool's user for a provider's user: made at the first sign-in, as Cognito does. */
  private poolUserFor(upstream: Upstream, claims: JWTPayload): PoolUser {
    const userId = String(claims.sub);
    const existing = this.pool.users.find((u) =>
      u.identities?.some((i) => i.providerName === upstream.name && i.userId === userId),
    );
    if (existing) return existing;
    const user: PoolUser = {
      username: `${upstream.name}_${userId}`,
      // Federated users have no password in the pool: one nobody knows.
      password: randomBytes(32).toString('hex'),
      email: typeof claims.email === 'string' ? claims.email : '',
      emailVerified: claims.email_verified === true,
      sub: randomUUID(),
      groups: [`${this.pool.poolId}_${upstream.name}`],
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      identities: [
        {
          userId,
          providerName: upstream.name,
          providerType: upstream.type,
          issuer: null,
          primary: 'true',
          dateCreated: String(Date.now()),
        },
      ],
    };
    this.pool.users.push(user);
    return user;
  }
}
