/**
 * The stored session as several processes share it: the app and any number of CLI calls read and
 * write one keychain entry. This class keeps what one process knows of it — the version it last
 * read or wrote — and offers the three moves that keep sharing safe:
 *
 * - `exclusive(task)`: every change runs under one lock across processes, so two refreshes never
 *   race (with refresh-token rotation the loser's refresh token is dead, and with reuse detection
 *   (Okta, Auth0) using it revokes the whole session).
 * - `latest()`: inside the lock, re-read before acting: another process may have refreshed or
 *   signed out since this one last looked.
 * - `save` / `remove` with compare: a write or delete happens only if the entry is still the
 *   version this process read, so nobody ever deletes or overwrites a session they did not see.
 *
 * Every change is announced through the {@link SessionSignal}, so a running app can follow
 * sign-ins, refreshes and sign-outs made by the CLI.
 */
import type { SessionLock, SessionSignal } from '../ports.ts';
import { isStoredSession, type StoredSession } from './session.ts';
import { VersionConflictError, type TokenVault, type WriteOptions } from './token-vault.ts';

/** What a re-read found. */
export interface LatestSession {
  session: StoredSession | undefined;
  /** True when the stored entry is not the version this process last saw. */
  changed: boolean;
}

export class SharedSession {
  /** The version of the entry this process last read or wrote; undefined before the first read. */
  private version: string | null | undefined;

  constructor(
    private readonly vault: TokenVault,
    readonly account: string,
    private readonly lock: SessionLock,
    private readonly signal: SessionSignal,
  ) {}

  /** Runs `task` holding the session's cross-process lock. Do not nest. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run(this.account, task);
  }

  /** Reads the stored session (no lock needed: each read sees one whole version). */
  async latest(): Promise<LatestSession> {
    const { value, version } = await this.vault.readVersioned(this.account);
    const changed = this.version !== undefined && version !== this.version;
    this.version = version;
    return { session: isStoredSession(value) ? value : undefined, changed };
  }

  /**
   * Stores `session`. With `compare`, only over the version last seen (inside {@link exclusive}
   * only a process that ignores the lock could have changed it); returns false when it changed.
   */
  async save(session: StoredSession, compare: boolean): Promise<boolean> {
    try {
      this.version = await this.vault.write(this.account, session, this.versionOptions(compare));
    } catch (error) {
      if (error instanceof VersionConflictError) return false;
      throw error;
    }
    this.announce();
    return true;
  }

  /** Deletes the stored session; with `compare`, only the version last seen. False when it changed. */
  async remove(compare: boolean): Promise<boolean> {
    const removed = await this.vault.remove(this.account, this.versionOptions(compare));
    if (!removed) return false;
    this.version = null;
    this.announce();
    return true;
  }

  /**
   * What the vault is told of the version this process knows: to compare against, or (when no
   * comparison is wanted) to spare it reading the entry again.
   */
  private versionOptions(compare: boolean): WriteOptions {
    if (compare) return { expected: this.version ?? null };
    return this.version === undefined ? {} : { current: this.version };
  }

  /**
   * Tells the other processes, just after this turn: the caller's own reaction to the change
   * (showing the new state) comes first, and a slow disk never delays it.
   */
  private announce(): void {
    setImmediate(() => this.signal.announce(this.account));
  }

  /** Calls `listener` when another process changed the stored session; returns a stop function. */
  watch(listener: () => void): () => void {
    return this.signal.watch(this.account, listener);
  }
}
