/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service
 * (GNOME Keyring, KWallet) on Linux. keytar is loaded lazily so that a missing native module or
 * D-Bus surfaces as a keychain error the core maps, not as a crash at start-up.
 *
 * Two guards around keytar:
 * - Calls run one at a time. Each keytar call takes a libuv worker thread and libsecret may block
 *   one for good (an unlock prompt nobody can answer); with calls in parallel, a few of them would
 *   take every worker thread and with it all file and DNS work of the process.
 * - On Linux, "no such entry" from a get or a delete is checked against the Secret Service's
 *   locked state: libsecret answers so for a locked collection, which is not the same as empty.
 */
import { createRequire } from 'node:module';
import type * as KeytarModule from 'keytar';
import { KeychainLockedError, type SecretStore } from '../core/ports.ts';
import { isSecretServiceLocked } from './secret-service-lock-probe.ts';

type Keytar = typeof KeytarModule;

/**
 * Where keytar is loaded from: the package, or (the installed command, which carries its own copy
 * beside its executable) a folder set once at start-up by {@link loadKeytarFrom}.
 */
let keytarLocation = 'keytar';

/** Loads keytar from `folder` (a copy of the package) from now on. */
export function loadKeytarFrom(folder: string): void {
  keytarLocation = folder;
}

/** The calls of every store in this process queue here: the worker threads are the process's. */
let queue: Promise<unknown> = Promise.resolve();

/** {@link SecretStore} backed by keytar. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(
    /** Whether a "not found" may mean "locked"; true on Linux (the Secret Service). */
    private readonly lockedMeansNotFound = process.platform === 'linux',
    private readonly probeLocked: () => Promise<boolean | undefined> = isSecretServiceLocked,
  ) {}

  async get(service: string, account: string): Promise<string | null> {
    const value = await this.serialize((k) => k.getPassword(service, account));
    if (value === null) await this.failIfLocked();
    return value;
  }

  async set(service: string, account: string, value: string): Promise<void> {
    await this.serialize((k) => k.setPassword(service, account, value)).catch(async (error: unknown) => {
      await this.failIfLocked();
      throw error;
    });
  }

  async delete(service: string, account: string): Promise<boolean> {
    const deleted = await this.serialize((k) => k.deletePassword(service, account));
    if (!deleted) await this.failIfLocked();
    return deleted;
  }

  private load(): Promise<Keytar> {
    // keytar is CommonJS: `require` loads it without the ES-module loader's scan of its exports,
    // a few milliseconds of every `cognito-desktop token`.
    this.keytar ??= Promise.resolve().then(() => createRequire(import.meta.url)(keytarLocation) as Keytar);
    return this.keytar;
  }

  private serialize<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
    const run = queue.then(async () => call(await this.load()));
    queue = run.catch(() => undefined);
    return run;
  }

  private async failIfLocked(): Promise<void> {
    if (this.lockedMeansNotFound && (await this.probeLocked()) === true) {
      throw new KeychainLockedError('The keychain collection is locked.');
    }
  }
}
