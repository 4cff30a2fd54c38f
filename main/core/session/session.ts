/**
 * What a session is, what of it may be shown, and when it needs refreshing. Pure decisions: no I/O.
 */
import type * as oidc from 'openid-client';
import { signedInWith, type SignedInWith } from '../provider/sign-in-options.ts';

/** A signed-in session as kept in the keychain. Never leaves the main process. */
export interface StoredSession {
  v: 1;
  accessToken: string;
  idToken: string;
  refreshToken?: string;
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  /** The claims of the ID token, validated when it was received. */
  claims: Record<string, unknown>;
  signedInAt: number;
  refreshedAt?: number;
}

/** What the UI and the CLI may show of a session: no token, ever. */
export interface Profile {
  /** The user's name by the configured username claim (with fallbacks). */
  username: string;
  /** Which claim gave {@link username}. */
  usernameClaim: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  groups: string[];
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  signedInAt: number;
  refreshedAt?: number;
  /** False when the keychain was unavailable: the session ends with the app. */
  persisted: boolean;
  /** A federated user's identity provider (Cognito's `identities` claim); absent for the pool's own users. */
  signedInWith?: SignedInWith;
}

/** The access token counts as expired this long before its `exp`. */
export const EXPIRY_MARGIN_MS = 60_000;
const MAX_RETRY_DELAY_MS = 10 * 60_000;
const FIRST_RETRY_DELAY_MS = 15_000;

/** Whole minutes until `expiresAt`, never below 0: "expires in 42 min" (tray, command line). */
export function minutesLeft(expiresAt: number, now: number): number {
  return Math.max(0, Math.round((expiresAt - now) / 60_000));
}

/** Which of a session's tokens a caller is handed: they expire independently (Cognito sets each). */
export type TokenKind = 'access' | 'id';

/**
 * When a session's token expires, ms since the epoch: the access token's from the token response's
 * `expires_in`, the ID token's from its own `exp` (validated when it was received).
 */
export function tokenExpiresAt(
  session: Pick<StoredSession, 'expiresAt' | 'claims'>,
  kind: TokenKind,
): number {
  if (kind === 'access') return session.expiresAt;
  const exp = session.claims.exp;
  return typeof exp === 'number' ? exp * 1000 : session.expiresAt;
}

/** True when the token of `kind` (by default the access token) must be refreshed before use. */
export function needsRefresh(
  session: Pick<StoredSession, 'expiresAt' | 'claims'>,
  now: number,
  kind: TokenKind = 'access',
): boolean {
  return tokenExpiresAt(session, kind) - now <= EXPIRY_MARGIN_MS;
}

/** True when the token of `kind` has expired: it is never handed out then, not even once. */
export function hasExpired(
  session: Pick<StoredSession, 'expiresAt' | 'claims'>,
  now: number,
  kind: TokenKind,
): boolean {
  return tokenExpiresAt(session, kind) <= now;
}

/**
 * When to refresh next, in ms from now: just before the margin, or after a failed attempt an
 * exponential back-off (15 s, 30 s, 1 min … 10 min), never later than needed.
 */
export function nextRefreshDelay(expiresAt: number, now: number, consecutiveFailures: number): number {
  const dueIn = Math.max(0, expiresAt - EXPIRY_MARGIN_MS - now);
  if (consecutiveFailures <= 0) return dueIn;
  const backoff = Math.min(FIRST_RETRY_DELAY_MS * 2 ** (consecutiveFailures - 1), MAX_RETRY_DELAY_MS);
  return Math.max(dueIn, backoff);
}

const FALLBACK_CLAIMS = ['email', 'cognito:username', 'preferred_username', 'sub'];

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The claim that names the user: the configured one, then email, `cognito:username` (Cognito),
 * `preferred_username` (standard providers), `sub`.
 */
export function pickUsername(
  claims: Record<string, unknown>,
  usernameClaim: string,
): { claim: string; value: string } {
  for (const claim of [usernameClaim, ...FALLBACK_CLAIMS]) {
    const value = stringClaim(claims, claim);
    if (value) return { claim, value };
  }
  return { claim: 'sub', value: stringClaim(claims, 'sub') ?? 'unknown' };
}

/** A groups claim as names: a list (Cognito, most providers) or one name (some `roles` claims). */
function groupNames(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return typeof claim === 'string' && claim !== '' ? [claim] : [];
}

/** The displayable profile of a session. */
export function profileOf(
  session: StoredSession,
  claimNames: { usernameClaim: string; groupsClaim: string },
  persisted: boolean,
): Profile {
  const { claims } = session;
  const username = pickUsername(claims, claimNames.usernameClaim);
  const email = stringClaim(claims, 'email');
  const profile: Profile = {
    username: username.value,
    usernameClaim: username.claim,
    subject: stringClaim(claims, 'sub') ?? '',
    groups: groupNames(claims[claimNames.groupsClaim]),
    expiresAt: session.expiresAt,
    signedInAt: session.signedInAt,
    persisted,
  };
  if (email) profile.email = email;
  if (typeof claims.email_verified === 'boolean') profile.emailVerified = claims.email_verified;
  if (session.refreshedAt !== undefined) profile.refreshedAt = session.refreshedAt;
  const identity = signedInWith(claims);
  if (identity) profile.signedInWith = identity;
  return profile;
}

/** A session from a token response; `previous` supplies what a refresh response leaves out. */
export function sessionFromTokens(
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  now: number,
  previous?: StoredSession,
): StoredSession {
  const claims = (tokens.claims() as Record<string, unknown> | undefined) ?? previous?.claims ?? {};
  const idToken = tokens.id_token ?? previous?.idToken ?? '';
  // Cognito sends no new refresh token on refresh unless rotation is on: keep the old one.
  const refreshToken = tokens.refresh_token ?? previous?.refreshToken;
  const session: StoredSession = {
    v: 1,
    accessToken: tokens.access_token,
    idToken,
    expiresAt: now + (tokens.expires_in ?? 3600) * 1000,
    claims,
    signedInAt: previous?.signedInAt ?? now,
  };
  if (refreshToken) session.refreshToken = refreshToken;
  if (previous) session.refreshedAt = now;
  return session;
}

/**
 * The claim by which an ID token from a refresh does not belong to the session it refreshes, or
 * undefined when it does. OpenID Connect Core 12.2: its `iss`, `sub` and `aud` must be those of the
 * original ID token, and a `nonce`, if it has one, the original's.
 */
export function refreshedIdTokenMismatch(
  original: Record<string, unknown>,
  refreshed: Record<string, unknown>,
): string | undefined {
  const audience = (claims: Record<string, unknown>): string => JSON.stringify([claims.aud].flat().sort());
  if (refreshed.iss !== original.iss) return 'iss';
  if (refreshed.sub !== original.sub) return 'sub';
  if (audience(refreshed) !== audience(original)) return 'aud';
  if (refreshed.nonce !== undefined && refreshed.nonce !== original.nonce) return 'nonce';
  return undefined;
}

/** True for a value read from the keychain that has the shape of a {@link StoredSession}. */
export function isStoredSession(value: unknown): value is StoredSession {
  const s = value as StoredSession;
  return (
    typeof value === 'object' &&
    value !== null &&
    s.v === 1 &&
    typeof s.accessToken === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.claims === 'object'
  );
}
