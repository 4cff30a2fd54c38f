/**
 * The ports through which the core reaches the operating system. Adapters in main/adapters implement
 * them (keytar, electron-store, shell.openExternal…); tests hand in fakes or the real adapters.
 */

/**
 * A keychain: string values under (service, account). Errors from it are mapped by the token vault.
 * `get` resolves null only for an entry that does not exist; a keychain that cannot say (locked)
 * rejects with {@link KeychainLockedError}.
 */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, value: string): Promise<void>;
  /** Resolves false when there was no such entry. */
  delete(service: string, account: string): Promise<boolean>;
}

/** The keychain is there but locked: its entries can be neither read nor written until unlocked. */
export class KeychainLockedError extends Error {
  override readonly name = 'KeychainLockedError';
}

/**
 * A lock shared by every process of this user (the app and any number of CLI calls), one per
 * name. `run` holds it while `task` runs; waiting is bounded and ends in `session_busy`.
 */
export interface SessionLock {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/**
 * A signal between processes that a stored session changed. It carries no token: a listener reads
 * the keychain to learn what changed.
 */
export interface SessionSignal {
  /** Tells the other processes that the session under `name` changed. */
  announce(name: string): void;
  /** Calls `listener` when another process announced a change under `name`; returns a stop function. */
  watch(name: string, listener: () => void): () => void;
}

/** Writes text to the OS clipboard. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}

/** Opens a URL in the user's browser. */
export interface Browser {
  open(url: string): Promise<void>;
}

/** Milliseconds since the epoch; a port so tests can move time. */
export interface Clock {
  now(): number;
}

/** Logs for humans; never pass a token, code, verifier or secret. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Details for support (each step, each provider request): written only at the debug level. */
  debug?(message: string): void;
}

/** A lock for one process only: enough where no other process shares the session (tests, no folder). */
export function processLocalLock(): SessionLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(name: string, task: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** A signal nobody hears: for a process that shares its session with no other. */
export const silentSignal: SessionSignal = { announce: () => undefined, watch: () => () => undefined };

export const systemClock: Clock = { now: () => Date.now() };
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
