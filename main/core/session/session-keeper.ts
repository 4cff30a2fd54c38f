/**
 * Keeps one account's session: restores it from the keychain, hands out valid tokens (refreshing
 * first, one refresh at a time across every process of the user), takes over what another process
 * stored, stores a new sign-in, and forgets a session that ended. The stored session is shared
 * through {@link SharedSession}: a lock, compare-and-swap writes and a change marker.
 */
import { AuthError, isAuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Clock, Logger } from '../ports.ts';
import type { ProviderClient } from '../provider/provider.ts';
import type { Settings } from '../settings/settings.ts';
import {
  hasExpired,
  needsRefresh,
  nextRefreshDelay,
  profileOf,
  refreshedIdTokenMismatch,
  sessionFromTokens,
  tokenExpiresAt,
  type Profile,
  type StoredSession,
  type TokenKind,
} from './session.ts';
import type { Emit, SignOutReason } from './session-events.ts';
import type { SharedSession } from './shared-session.ts';

/** After this many automatic refreshes in a row fail, the user is told (15 s, 30 s, 1 min: under 2 min). */
const REFRESH_FAILURES_WORTH_TELLING = 3;

export interface SessionKeeperDeps {
  settings: Settings;
  shared: SharedSession;
  clock: Clock;
  logger: Logger;
  /** The provider, connected with the client secret in use. */
  connect: () => Promise<ProviderClient>;
  emit: Emit;
  /** True while this process is busy with the session itself (a sign-in): following waits. */
  busy: () => boolean;
}

export class SessionKeeper {
  private session: StoredSession | undefined;
  private persisted = true;
  private restored = false;
  private refreshing: Promise<StoredSession> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshFailures = 0;
  private autoRefresh = false;
  private stopFollowing: (() => void) | undefined;

  constructor(private readonly deps: SessionKeeperDeps) {}

  /**
   * Loads the stored session from the keychain, with no network request. Returns its profile, or
   * undefined when signed out. A keychain that does not answer raises `keychain_unavailable`.
   */
  async restore(): Promise<Profile | undefined> {
    if (!this.restored) {
      const { session } = await this.deps.shared.latest();
      // A sign-in or sign-out that finished while the keychain was read is newer than what it held.
      // Stryker disable next-line ConditionalExpression: a race of two keychain calls no test can order.
      if (!this.restored) this.session = session;
      this.restored = true;
    }
    return this.profile();
  }

  /** The current profile, or undefined when signed out. */
  profile(): Profile | undefined {
    return this.session ? profileOf(this.session, this.deps.settings, this.persisted) : undefined;
  }

  /** The session in memory (its tokens included), with no keychain call: undefined when signed out. */
  current(): StoredSession | undefined {
    return this.session;
  }

  /** A valid token of `kind` and when it expires: see {@link validSession}. */
  async getToken(kind: TokenKind): Promise<{ token: string; expiresAt: number }> {
    const session = await this.validSession(kind);
    return {
      token: kind === 'id' ? session.idToken : session.accessToken,
      expiresAt: tokenExpiresAt(session, kind),
    };
  }

  /**
   * The session, refreshed first when its token of `kind` expires within the margin. Concurrent
   * callers share one refresh. Network trouble raises `network` and keeps the session; a refused
   * refresh token signs out and raises `not_signed_in`. An expired token is never handed out:
   * when the refresh brings no fresh one (a provider that sends no new ID token), `not_signed_in`.
   */
  async validSession(kind: TokenKind = 'access'): Promise<StoredSession> {
    await this.restore();
    const session = this.session;
    if (!session) throw new AuthError('not_signed_in', t('You are not signed in. Sign in first.'));
    if (!needsRefresh(session, this.deps.clock.now(), kind)) return session;
    this.refreshing ??= this.refreshShared(session, kind).finally(() => {
      this.refreshing = undefined;
    });
    const refreshed = await this.refreshing;
    // A token shorter-lived than the margin is still handed out after its refresh; an expired one never.
    if (hasExpired(refreshed, this.deps.clock.now(), kind)) {
      throw new AuthError(
        'not_signed_in',
        kind === 'id'
          ? t('The provider sent no new ID token when the session was refreshed. Sign in again.')
          : t('The provider sent an access token that has already expired. Check this computer’s clock.'),
      );
    }
    return refreshed;
  }

  /** Refreshes the session shortly before it expires, until signed out or {@link dispose}d. */
  startAutoRefresh(): void {
    this.autoRefresh = true;
    this.scheduleRefresh();
  }

  /**
   * Follows the stored session as other processes change it (a CLI sign-in, refresh or sign-out
   * shows here within a second), until {@link dispose}d.
   */
  followSharedSession(): void {
    this.stopFollowing ??= this.deps.shared.watch(() => void this.syncFromStore().catch(() => undefined));
  }

  /** Stops following and the refresh timer. */
  dispose(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.autoRefresh = false;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /**
   * Stores a new sign-in, replacing whatever is stored (with no keychain it lives in memory only),
   * and tells listeners as soon as it is stored, not after the lock's release (a file-system call
   * the user should not wait for). The sign-in calls it while the token request is still under way,
   * so waiting for the lock costs the sign-in nothing in the usual case.
   */
  async storeSignedIn(exchanged: Promise<StoredSession>): Promise<Profile> {
    const announce = (): void => {
      this.deps.emit('session-changed', { type: 'signed-in', profile: this.profile()! });
    };
    const save = async (): Promise<void> => {
      const session = await exchanged;
      this.session = session;
      this.restored = true;
      await this.deps.shared.save(session, false);
      announce();
    };
    await this.persist(() => this.deps.shared.exclusive(save));
    // Not stored (no keychain: signed in for this session only), so not announced yet.
    if (!this.persisted) announce();
    this.scheduleRefreshIfStarted();
    return this.profile()!;
  }

  /**
   * Deletes the stored session under the lock and returns the session that ended: the stored one
   * (another process may have refreshed it: its refresh token is the live one), else this
   * process's. A session kept in memory only (no keychain when it was stored) ends even when the
   * keychain still cannot be reached.
   */
  async deleteStored(notes: string[]): Promise<StoredSession | undefined> {
    try {
      return await this.deps.shared.exclusive(async () => {
        const { session } = await this.deps.shared.latest();
        // Stryker disable next-line BooleanLiteral: the version compared was read under this same lock a moment before.
        await this.deps.shared.remove(false);
        return session ?? this.session;
      });
    } catch (error) {
      const mapped = toAuthError(error);
      const keychainError = mapped.code === 'keychain_unavailable' || mapped.code === 'keychain_locked';
      if (!keychainError || this.persisted || !this.session) {
        throw new AuthError(
          mapped.code,
          t('You are still signed in: the session could not be deleted. {{reason}}', {
            reason: mapped.message,
          }),
          { cause: error },
        );
      }
      notes.push(
        t('The OS keychain could not be reached; this session was kept in memory only and has ended.'),
      );
      return this.session;
    }
  }

  /** Drops the session from memory and tells listeners. */
  forget(reason: SignOutReason): void {
    // Stryker disable next-line ConditionalExpression: a non-user reason always comes with a session in memory.
    const wasSignedIn = this.session !== undefined;
    this.session = undefined;
    // Stryker disable next-line all: equivalent: every path here follows a restore() already done.
    this.restored = true;
    // Stryker disable next-line all: equivalent: the timer left over finds no session and stops (it is unref'd).
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (wasSignedIn || reason === 'user') this.deps.emit('session-changed', { type: 'signed-out', reason });
  }

  /**
   * Refreshes across processes: under the lock, re-read the stored session; if another process
   * refreshed it meanwhile, take that one over with no request; only otherwise refresh, and store
   * the result before the lock is released. A session kept in memory only is this process's own.
   */
  private async refreshShared(session: StoredSession, kind: TokenKind): Promise<StoredSession> {
    // Stryker disable next-line BooleanLiteral: equivalent: a memory-only session's keychain write fails as 'no keychain' and is caught.
    if (!this.persisted) return this.refresh(session, false);
    return this.deps.shared.exclusive(async () => {
      const latest = await this.adoptStored();
      if (!latest) throw new AuthError('not_signed_in', t('You were signed out elsewhere. Sign in again.'));
      if (!needsRefresh(latest, this.deps.clock.now(), kind)) return latest;
      return this.refresh(latest, true);
    });
  }

  /** One refresh request. Inside the lock when `shared`; `retried` guards the one retry. */
  private async refresh(session: StoredSession, shared: boolean, retried = false): Promise<StoredSession> {
    if (!session.refreshToken) {
      await this.endRefusedSession('expired', shared);
      throw new AuthError('not_signed_in', t('Your session has expired. Sign in again.'));
    }
    let next: StoredSession;
    try {
      next = await this.requestRefresh(session);
    } catch (error) {
      const mapped = toAuthError(error);
      this.deps.logger.debug?.(`Refresh failed: ${mapped.code}: ${mapped.message}`);
      if (mapped.providerError !== 'invalid_grant') throw mapped;
      // Refused: but if the stored session is no longer the one we sent (a process that ignores
      // the lock refreshed it), take that one over and try once more rather than sign out.
      if (shared && !retried) {
        const latest = await this.adoptStored();
        if (latest && latest.refreshToken !== session.refreshToken) {
          return needsRefresh(latest, this.deps.clock.now()) ? this.refresh(latest, shared, true) : latest;
        }
      }
      await this.endRefusedSession('revoked', shared);
      throw new AuthError('not_signed_in', t('Your sign-in has expired or was revoked. Sign in again.'), {
        cause: error,
      });
    }
    // A rotated refresh token replaces the old one, which dies soon: store before use.
    await this.storeRefreshed(next, shared);
    this.deps.logger.debug?.(
      `Refreshed; the access token is valid until ${new Date(next.expiresAt).toISOString()}.`,
    );
    this.deps.emit('session-changed', { type: 'refreshed', profile: this.profile()! });
    return next;
  }

  /** The refresh request, and the checks of OpenID Connect Core 12.2 on the ID token it brings. */
  private async requestRefresh(session: StoredSession): Promise<StoredSession> {
    const client = await this.deps.connect();
    const tokens = await client.oidc.refreshTokenGrant(client.config, session.refreshToken!, {
      // Stryker disable next-line ObjectLiteral: Cognito and the emulated providers ignore scope on refresh; some others need it.
      scope: this.deps.settings.scopes,
    });
    if (tokens.id_token) await client.verifier.verify(tokens.id_token);
    const claims = tokens.claims() as Record<string, unknown> | undefined;
    const mismatch = claims && refreshedIdTokenMismatch(session.claims, claims);
    if (mismatch) {
      throw new AuthError(
        'provider_rejected',
        t(
          'The provider\'s refreshed ID token is not for this sign-in (its "{{claim}}" differs). Sign in again; if it persists, report it.',
          { claim: mismatch },
        ),
        { providerError: 'invalid_id_token' },
      );
    }
    return sessionFromTokens(tokens, this.deps.clock.now(), session);
  }

  /**
   * Re-reads the stored session and, when another process changed it, makes it this process's
   * (announcing the change to listeners). Returns the session now current.
   */
  private async adoptStored(): Promise<StoredSession | undefined> {
    const { session, changed } = await this.deps.shared.latest();
    if (!changed) return this.session;
    if (!session) {
      this.forget('elsewhere');
      return undefined;
    }
    this.session = session;
    this.persisted = true;
    this.deps.emit('session-changed', { type: 'synced', profile: this.profile()! });
    this.scheduleRefreshIfStarted();
    return session;
  }

  /** Follows a change another process announced. */
  private async syncFromStore(): Promise<void> {
    if (this.refreshing || this.deps.busy()) return;
    await this.adoptStored();
  }

  /** Stores a refreshed session over the one it came from (compare-and-swap inside the lock). */
  private async storeRefreshed(session: StoredSession, shared: boolean): Promise<void> {
    this.session = session;
    // Stryker disable next-line all: equivalent: a memory-only session's save fails as 'no keychain' and is caught.
    if (!shared) return;
    await this.persist(async () => {
      if (!(await this.deps.shared.save(session, true))) {
        throw new AuthError('internal', t('The stored session changed during a refresh.'));
      }
    });
  }

  private async persist(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
      this.persisted = true;
    } catch (error) {
      if (!isAuthError(error, 'keychain_unavailable')) throw error;
      this.persisted = false;
      this.deps.logger.warn(`${error.message} Signed in for this session only: it will not be remembered.`);
    }
  }

  /**
   * Ends a session the provider refused: deletes it only if it is still the stored version
   * (compare-and-delete: never someone else's newer session).
   */
  private async endRefusedSession(reason: SignOutReason, shared: boolean): Promise<void> {
    try {
      // Stryker disable next-line all: the version compared was read under this same lock a moment before.
      if (shared) await this.deps.shared.remove(true);
    } catch (error) {
      this.deps.logger.warn(`Could not remove the session from the keychain: ${toAuthError(error).message}`);
    }
    this.forget(reason);
  }

  private scheduleRefreshIfStarted(): void {
    if (this.autoRefresh) this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    // Stryker disable next-line all: equivalent: the one timer left over finds a valid session and reschedules the same.
    clearTimeout(this.refreshTimer);
    const session = this.session;
    if (!session?.refreshToken) {
      this.refreshTimer = undefined;
      return;
    }
    const delay = nextRefreshDelay(session.expiresAt, this.deps.clock.now(), this.refreshFailures);
    this.refreshTimer = setTimeout(() => {
      // Rescheduled only while still started: a dispose() during the refresh ends it.
      this.validSession().then(
        () => {
          this.refreshFailures = 0;
          this.scheduleRefreshIfStarted();
        },
        (error: unknown) => {
          // Stryker disable next-line all: equivalent: after not_signed_in there is no session, so a reschedule schedules nothing.
          if (isAuthError(error, 'not_signed_in')) return;
          // Offline or provider trouble: stay signed in and try again later.
          this.refreshFailures += 1;
          // Said once per run of failures: the session still works until it expires.
          if (this.refreshFailures === REFRESH_FAILURES_WORTH_TELLING)
            this.deps.emit('refresh-failing', toAuthError(error));
          this.scheduleRefreshIfStarted();
        },
      );
    }, delay);
    // Stryker disable next-line all: unref only lets a CLI process exit before the timer fires; no test can see it.
    this.refreshTimer.unref();
  }
}
