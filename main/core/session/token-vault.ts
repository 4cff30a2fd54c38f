/**
 * JSON values in the OS keychain, safe for several processes and for kills at any moment.
 *
 * Two layouts, chosen by what the OS keychain can hold:
 * - `single-entry` (macOS Keychain, the Secret Service on Linux): the value is one entry,
 *   `{"v":1,"data":…}`. One keychain call reads it, one writes it, and the keychain replaces an
 *   entry atomically, so a reader sees the old value or the new one, never a mix.
 * - `chunked` (Windows): Credential Manager refuses blobs over 2,560 bytes and Cognito tokens with
 *   groups exceed that, so the value is split into chunk entries of at most {@link CHUNK_BYTES}
 *   bytes in one of two slots (`a`, `b`) plus an index entry `{"v":1,"slot","n","sum"}`. A write
 *   fills the slot the index does not name, then rewrites the index (one keychain call, so
 *   atomic), then clears the other slot. `sum` is a checksum of the joined chunks: a reader that
 *   raced two writers and joined chunks of two values sees the mismatch and reads again, so a mix
 *   is never returned.
 * Either layout reads the other's entries, so a session stored by an older version still loads.
 *
 * Every write and removal compares the main entry with the version the caller read first
 * (compare-and-swap): nothing is trusted from a per-process cache. The vault never lists the
 * keychain: it names every entry from the index (listing a locked Secret Service collection
 * crashes libsecret).
 */
import { nodeCrypto } from '../lazy-builtins.ts';
import { withTimeout } from '../async-limits.ts';
import { AuthError, isAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { KeychainLockedError, type SecretStore } from '../ports.ts';
import { DEFAULT_PROFILE } from '../settings/profiles.ts';

/** Bytes per chunk entry: under Windows' 2,560-byte limit with room for the entry's own overhead. */
export const CHUNK_BYTES = 2000;
/** How long one keychain call may take before the keychain counts as unavailable. */
export const KEYCHAIN_TIMEOUT_MS = 5000;
/** How often a read starts again after seeing a value change under it (chunked layout only). */
const READ_ATTEMPTS = 4;

export type VaultLayout = 'single-entry' | 'chunked';
type Slot = 'a' | 'b';

interface InlineEntry {
  v: 1;
  data: unknown;
}

interface ChunkIndex {
  v: 1;
  slot: Slot;
  n: number;
  /** Checksum of the joined chunks; absent in indexes written before it existed. */
  sum?: string;
}

/** A value as read, with the version it was read at (the main entry's text; null when none). */
export interface Versioned<T> {
  value: T | undefined;
  version: string | null;
}

/** How a write or removal relates to what is stored. */
export interface WriteOptions {
  /** Only over this version (compare-and-swap); null: only where there is no entry. */
  expected?: string | null;
  /** The version the caller knows is stored, when it does not need a comparison. */
  current?: string | null;
}

/** A write or removal found the entry changed since the caller read it. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}

/** The layout the OS keychain needs: chunks only where entries have a size limit (Windows). */
export function layoutFor(platform: NodeJS.Platform = process.platform): VaultLayout {
  return platform === 'win32' ? 'chunked' : 'single-entry';
}

/** The fix to suggest when the keychain does not answer, per OS. */
export function keychainFix(platform = process.platform): string {
  if (platform === 'darwin') return t('Unlock your login keychain (Keychain Access) and try again.');
  if (platform === 'win32') return t('Check that Windows Credential Manager is running and try again.');
  return t('Install and unlock GNOME Keyring or KWallet (a Secret Service on D-Bus), then try again.');
}

/** The fix to suggest when the keychain is locked, per OS. */
export function keychainUnlockFix(platform = process.platform): string {
  if (platform === 'darwin') return t('Unlock your login keychain in Keychain Access, then try again.');
  if (platform === 'win32')
    return t('Sign in to Windows again to unlock Credential Manager, then try again.');
  return t(
    'Unlock your keyring (Passwords and Keys / Seahorse, or `gnome-keyring-daemon --unlock` in an SSH session), then try again.',
  );
}

/** JSON with every non-ASCII character escaped, so chunks can be cut at any character. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Splits ASCII text into pieces of at most `size` characters (= bytes). */
export function splitIntoChunks(text: string, size = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}

function checksum(text: string): string {
  return nodeCrypto().createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function isInlineEntry(value: unknown): value is InlineEntry {
  return typeof value === 'object' && value !== null && (value as InlineEntry).v === 1 && 'data' in value;
}

function isChunkIndex(value: unknown): value is ChunkIndex {
  const index = value as ChunkIndex;
  return (
    typeof value === 'object' &&
    value !== null &&
    index.v === 1 &&
    (index.slot === 'a' || index.slot === 'b') &&
    // A count of 0 or less reads no chunk, and a checksum that is not text matches none: both read
    // as nothing without a check of their own.
    Number.isInteger(index.n)
  );
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: not ours, or damaged. Either way there is nothing to read.
  }
  return undefined;
}

function chunkAccount(account: string, slot: Slot, i: number): string {
  return `${account}#${slot}.${i}`;
}

/** Reads and writes JSON values under one keychain service name. */
export class TokenVault {
  /** Writes and removals in this process run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A keychain call that outlived its time limit and has not settled yet. */
  private stuck: Promise<unknown> | undefined;

  constructor(
    private readonly store: SecretStore,
    readonly service: string,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
    readonly layout: VaultLayout = layoutFor(),
  ) {}

  /** The value stored under `account`, or undefined when there is none (or it is unreadable). */
  async read<T>(account: string): Promise<T | undefined> {
    return (await this.readVersioned<T>(account)).value;
  }

  /** The value under `account` with the version to pass to {@link write} or {@link remove}. */
  async readVersioned<T>(account: string): Promise<Versioned<T>> {
    let version: string | null = null;
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      version = await this.call((s) => s.get(this.service, account));
      const entry = parse(version);
      if (isInlineEntry(entry)) return { value: entry.data as T, version };
      if (!isChunkIndex(entry)) return { value: undefined, version };
      const chunks = await this.readChunks(account, entry.slot, entry.n);
      const text = chunks?.join('');
      if (text !== undefined && (entry.sum === undefined || entry.sum === checksum(text))) {
        return { value: parse(text) as T | undefined, version };
      }
      // Missing chunks or a checksum mismatch: a writer replaced the slot while we read it, or the
      // value is damaged. Read again from the index; an index that did not change means damage.
      const again = await this.call((s) => s.get(this.service, account));
      if (again === version) return { value: undefined, version };
    }
    return { value: undefined, version };
  }

  /**
   * Stores `value` under `account`, replacing the old value atomically. With `expected`, writes
   * only if the entry is still at that version, else throws {@link VersionConflictError}. Without
   * it, `current` (the version the caller knows is stored) spares reading the entry first in the
   * single-entry layout. Returns the new version.
   */
  write(account: string, value: unknown, options: WriteOptions = {}): Promise<string> {
    const { expected, current: known } = options;
    return this.serialize(async () => {
      const skipRead = expected === undefined && known !== undefined && this.layout === 'single-entry';
      const current = skipRead ? known : await this.call((s) => s.get(this.service, account));
      if (expected !== undefined && current !== expected) throw new VersionConflictError();
      const before = parse(current);
      if (this.layout === 'single-entry') {
        const entry = JSON.stringify({ v: 1, data: value } satisfies InlineEntry);
        await this.call((s) => s.set(this.service, account, entry));
        // Written by the chunked layout before: its chunks hold old token bytes.
        if (isChunkIndex(before)) await this.clearSlots(account, ['a', 'b']);
        return entry;
      }
      const text = asciiJson(value);
      const chunks = splitIntoChunks(text);
      const slot: Slot = isChunkIndex(before) && before.slot === 'a' ? 'b' : 'a';
      await Promise.all(
        chunks.map((chunk, i) =>
          this.call((s) => s.set(this.service, chunkAccount(account, slot, i), chunk)),
        ),
      );
      const index = JSON.stringify({
        v: 1,
        slot,
        n: chunks.length,
        sum: checksum(text),
      } satisfies ChunkIndex);
      await this.call((s) => s.set(this.service, account, index));
      // The previous value stays at rest nowhere: clear the other slot and this slot's tail.
      await this.clearSlots(account, [slot === 'a' ? 'b' : 'a']);
      await this.clearChunks(account, slot, chunks.length);
      return index;
    });
  }

  /**
   * Removes the value under `account`: its chunks first and the main entry last, so a kill midway
   * never leaves token bytes that no index names. With `expected`, removes only if the entry is
   * still at that version (compare-and-delete); returns false when it was not. Without it,
   * `current` (the version the caller knows is stored) spares reading the entry first.
   */
  remove(account: string, options: WriteOptions = {}): Promise<boolean> {
    const { expected, current: known } = options;
    return this.serialize(async () => {
      const current =
        expected === undefined && known !== undefined
          ? known
          : await this.call((s) => s.get(this.service, account));
      if (expected !== undefined && current !== expected) return false;
      const entry = parse(current);
      // Chunks to clear: those an index names, and in the chunked layout any a killed first write
      // left without an index.
      if (isChunkIndex(entry) || (this.layout === 'chunked' && !isInlineEntry(entry))) {
        await this.clearSlots(account, ['a', 'b']);
      }
      if (current !== null) await this.call((s) => s.delete(this.service, account));
      return true;
    });
  }

  private async readChunks(account: string, slot: Slot, n: number): Promise<string[] | undefined> {
    const chunks = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        this.call((s) => s.get(this.service, chunkAccount(account, slot, i))),
      ),
    );
    return chunks.some((c) => c === null) ? undefined : (chunks as string[]);
  }

  private async clearSlots(account: string, slots: Slot[]): Promise<void> {
    for (const slot of slots) await this.clearChunks(account, slot, 0);
  }

  /** Deletes chunks `from`, `from + 1`… of a slot until one is missing (chunks are numbered without gaps). */
  private async clearChunks(account: string, slot: Slot, from: number): Promise<void> {
    for (let i = from; await this.call((s) => s.delete(this.service, chunkAccount(account, slot, i))); i++);
  }

  private serialize<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * One keychain call, with a time limit. A call that outlives it may hold a keychain thread for
   * good (libsecret waiting on an unlock prompt nobody sees), so until it settles every further
   * call fails at once instead of queuing behind it. Every failure becomes `keychain_locked` or
   * `keychain_unavailable`.
   */
  private async call<T>(operation: (store: SecretStore) => Promise<T>): Promise<T> {
    if (this.stuck) {
      throw new AuthError(
        'keychain_unavailable',
        t('The OS keychain has stopped answering. {{fix}}', { fix: keychainFix() }),
      );
    }
    const pending = operation(this.store);
    try {
      return await withTimeout(pending, this.timeoutMs, () => {
        this.stuck = pending;
        const unstick = (): void => {
          if (this.stuck === pending) this.stuck = undefined;
        };
        pending.then(unstick, unstick);
        return new AuthError(
          'keychain_unavailable',
          t('The OS keychain did not answer within {{seconds}} s. {{fix}}', {
            seconds: this.timeoutMs / 1000,
            fix: keychainFix(),
          }),
        );
      });
    } catch (error) {
      if (isAuthError(error)) throw error;
      if (error instanceof KeychainLockedError) {
        throw new AuthError(
          'keychain_locked',
          t('The OS keychain is locked. {{fix}}', { fix: keychainUnlockFix() }),
          {
            cause: error,
          },
        );
      }
      throw new AuthError(
        'keychain_unavailable',
        t('The OS keychain is not available. {{fix}}', { fix: keychainFix() }),
        {
          cause: error,
        },
      );
    }
  }
}

/**
 * Which profile and account a keychain entry belongs to. The default profile's first account adds
 * nothing to the entry's name: the names every version before profiles used, so an upgrade finds
 * its session and secret where they were.
 */
export interface KeychainScope {
  profile?: string;
  account?: string;
}

function scoped(name: string, { profile, account }: KeychainScope = {}): string {
  const ofProfile = profile && profile !== DEFAULT_PROFILE ? ` profile=${profile}` : '';
  return `${name}${ofProfile}${account ? ` account=${account}` : ''}`;
}

/** Keychain account of the stored session for one provider and app client (and profile, account). */
export function sessionAccount(issuer: string, clientId: string, scope?: KeychainScope): string {
  return scoped(`session:${clientId}@${issuer}`, scope);
}

/** Keychain account of the AWS credentials the session got from an Identity Pool. */
export function awsCredentialsAccount(issuer: string, clientId: string, scope?: KeychainScope): string {
  return scoped(`aws-credentials:${clientId}@${issuer}`, scope);
}

/**
 * Keychain account of the client secret: one per profile, shared by its accounts. Keyed by
 * provider and client id, so switching to another app client never sends an old secret.
 */
export function clientSecretAccount(issuer: string, clientId: string, profile?: string): string {
  return scoped(`client-secret:${clientId}@${issuer}`, profile === undefined ? {} : { profile });
}
