/**
 * An in-memory keychain for unit tests of decisions (chunking, crash safety, error mapping).
 * Integration tests use the real OS keychain instead.
 */
import type { SecretStore } from '../../main/core/ports.ts';

export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  /** When set, the n-th next write throws (0 = the next one): simulates a crash mid-write. */
  failOnWrite: number | undefined;
  /** When set, every call throws this error (e.g. "Cannot autolaunch D-Bus"). */
  unavailable: Error | undefined;
  /** When set, every call waits this long (a keychain that hangs); Infinity: never answers. */
  delayMs = 0;
  writes = 0;
  calls = 0;

  private key(service: string, account: string): string {
    return `${service}\u0000${account}`;
  }

  private async gate(): Promise<void> {
    this.calls += 1;
    if (this.delayMs === Infinity) await new Promise(() => undefined);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.unavailable) throw this.unavailable;
  }

  async get(service: string, account: string): Promise<string | null> {
    await this.gate();
    return this.entries.get(this.key(service, account)) ?? null;
  }

  async set(service: string, account: string, value: string): Promise<void> {
    await this.gate();
    if (this.failOnWrite !== undefined) {
      if (this.failOnWrite === 0) {
        this.failOnWrite = undefined;
        throw new Error('simulated crash');
      }
      this.failOnWrite -= 1;
    }
    this.writes += 1;
    this.entries.set(this.key(service, account), value);
  }

  async delete(service: string, account: string): Promise<boolean> {
    await this.gate();
    return this.entries.delete(this.key(service, account));
  }
}
