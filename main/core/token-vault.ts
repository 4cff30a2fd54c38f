/**
 * JSON values in the OS keychain, safe for large values and for crashes.
 *
 * Windows Credential Manager refuses blobs over 2,560 bytes, and Cognito tokens with groups exceed
 * that, so a value is split into numbered chunk entries of at most {@link CHUNK_BYTES} bytes plus an
 * index entry naming the slot that holds the chunks. There are two slots, `a` and `b`: a write fills
 * the slot the index does not name, then rewrites the index (one keychain write, so atomic). A crash
 * at any point leaves the old value or the new one readable, never a mix. Reusing two fixed slots
 * (rather than new entry names each time) keeps writes fast: replacing an entry costs a fraction of
 * creating one in GNOME Keyring, and no listing or deleting is needed on the way.
 */
import { withTimeout } from './async-limits.ts';
import { AuthError, isAuthError } from './errors.ts';
import type { SecretStore } from './ports.ts';

/** Bytes per keychain entry: under Windows' 2,560-byte limit with room for the entry's own overhead. */
export const CHUNK_BYTES = 2000;
/** How long one keychain call may take before the keychain counts as unavailable. */
export const KEYCHAIN_TIMEOUT_MS = 5000;

type Slot = 'a' | 'b';

interface ChunkIndex {
  v: 1;
  slot: Slot;
  n: number;
}

/** The fix to suggest when the keychain does not answer, per OS. */
export function keychainFix(platform = process.platform): string {
  if (platform === 'darwin') return 'Unlock your login keychain (Keychain Access) and try again.';
  if (platform === 'win32') return 'Check that Windows Credential Manager is running and try again.';
  return 'Install and unlock GNOME Keyring or KWallet (a Secret Service on D-Bus), then try again.';
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

function isChunkIndex(value: unknown): value is ChunkIndex {
  const index = value as ChunkIndex;
  return (
    typeof value === 'object' &&
    value !== null &&
    index.v === 1 &&
    (index.slot === 'a' || index.slot === 'b') &&
    Number.isInteger(index.n) &&
    index.n > 0
  );
}

/** Reads and writes JSON values under one keychain service name. */
export class TokenVault {
  /** The slot each account's index names, as last read or written by this process. */
  private readonly slots = new Map<string, Slot | undefined>();
  /** Writes run one at a time, so two writers never fill the same slot. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: SecretStore,
    readonly service: string,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
  ) {}

  /** The value stored under `account`, or undefined when there is none (or it is unreadable). */
  async read<T>(account: string): Promise<T | undefined> {
    const index = this.parse(await this.call((s) => s.get(this.service, account)));
    if (!isChunkIndex(index)) {
      this.slots.set(account, undefined);
      return undefined;
    }
    this.slots.set(account, index.slot);
    const chunks = await Promise.all(
      Array.from({ length: index.n }, (_, i) =>
        this.call((s) => s.get(this.service, chunkAccount(account, index.slot, i))),
      ),
    );
    if (chunks.some((c) => c === null)) return undefined;
    return this.parse(chunks.join('')) as T | undefined;
  }

  /** Stores `value` under `account`, replacing the old value atomically. */
  write(account: string, value: unknown): Promise<void> {
    return this.serialize(async () => {
      const chunks = splitIntoChunks(asciiJson(value));
      const current = this.slots.has(account) ? this.slots.get(account) : await this.currentSlot(account);
      const slot: Slot = current === 'a' ? 'b' : 'a';
      await Promise.all(
        chunks.map((chunk, i) =>
          this.call((s) => s.set(this.service, chunkAccount(account, slot, i), chunk)),
        ),
      );
      const index: ChunkIndex = { v: 1, slot, n: chunks.length };
      await this.call((s) => s.set(this.service, account, JSON.stringify(index)));
      this.slots.set(account, slot);
    });
  }

  /** Removes the value under `account`: the index first, so a crash midway leaves nothing readable. */
  remove(account: string): Promise<void> {
    return this.serialize(async () => {
      await this.call((s) => s.delete(this.service, account));
      this.slots.set(account, undefined);
      const prefix = `${account}#`;
      const chunks = (await this.call((s) => s.list(this.service))).filter((a) => a.startsWith(prefix));
      await Promise.all(chunks.map((chunk) => this.call((s) => s.delete(this.service, chunk))));
    });
  }

  /** The accounts under this service that hold a value (chunk entries left out). */
  async accounts(): Promise<string[]> {
    return (await this.call((s) => s.list(this.service))).filter((a) => !a.includes('#'));
  }

  private async currentSlot(account: string): Promise<Slot | undefined> {
    const index = this.parse(await this.call((s) => s.get(this.service, account)));
    return isChunkIndex(index) ? index.slot : undefined;
  }

  private serialize(operation: () => Promise<void>): Promise<void> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private parse(text: string | null): unknown {
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  /** One keychain call, with a time limit; every failure becomes `keychain_unavailable`. */
  private async call<T>(operation: (store: SecretStore) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(
        operation(this.store),
        this.timeoutMs,
        () =>
          new AuthError(
            'keychain_unavailable',
            `The OS keychain did not answer within ${this.timeoutMs / 1000} s. ${keychainFix()}`,
          ),
      );
    } catch (error) {
      if (isAuthError(error)) throw error;
      throw new AuthError('keychain_unavailable', `The OS keychain is not available. ${keychainFix()}`, {
        cause: error,
      });
    }
  }
}

function chunkAccount(account: string, slot: Slot, i: number): string {
  return `${account}#${slot}.${i}`;
}

/** Keychain account of the stored session for one provider and app client. */
export function sessionAccount(issuer: string, clientId: string): string {
  return `session:${clientId}@${issuer}`;
}

/**
 * Keychain account of the client secret. Keyed by provider and client id, so switching to another
 * app client never sends an old secret (DESIGN.md section 5b).
 */
export function clientSecretAccount(issuer: string, clientId: string): string {
  return `client-secret:${clientId}@${issuer}`;
}
