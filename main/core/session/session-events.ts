/**
 * What the auth service tells its listeners (the app's controller, the CLI): changes of session,
 * a sign-in's progress, and refreshes that keep failing. Events carry profiles and errors, never
 * a token.
 */
import type { AuthError } from '../errors.ts';
import type { Profile } from './session.ts';

/** Why a session ended. `elsewhere`: another process (the CLI, another window) signed out. */
export type SignOutReason = 'user' | 'revoked' | 'expired' | 'switch-user' | 'elsewhere';

/**
 * A change of session, for the UI to show. Carries a profile, never a token. `synced`: another
 * process signed in or refreshed, and this one took the stored session over.
 */
export type SessionChange =
  | { type: 'signed-in'; profile: Profile }
  | { type: 'refreshed'; profile: Profile }
  | { type: 'synced'; profile: Profile }
  | { type: 'signed-out'; reason: SignOutReason };

/** A sign-in waiting for the browser. */
export interface SignInAttempt {
  /** The authorization URL: offered for copying when no browser opens. Holds no secret. */
  url: string;
  startedAt: number;
  expiresAt: number;
}

export interface SessionEvents {
  'session-changed': [SessionChange];
  'sign-in-started': [SignInAttempt];
  /** The provider looks unreachable while a sign-in waits for the browser. */
  'sign-in-problem': [AuthError];
  'sign-in-ended': [];
  /** Automatic refreshes failed several times in a row (offline, provider trouble); it goes on trying. */
  'refresh-failing': [AuthError];
}

/** How the parts of the auth service tell its listeners (the service's own `emit`). */
export type Emit = <E extends keyof SessionEvents>(event: E, ...args: SessionEvents[E]) => void;
