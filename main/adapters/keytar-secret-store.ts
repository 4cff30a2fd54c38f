/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service
 * (GNOME Keyring, KWallet) on Linux. keytar is loaded lazily so that a missing native module or
 * D-Bus surfaces as a keychain error the core maps, not as a crash at start-up.
 */
import type * as KeytarModule from 'keytar';
import type { SecretStore } from '../core/ports.ts';

type Keytar = typeof KeytarModule;

/** {@link SecretStore} backed by keytar. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m) => (m as { default?: Keytar }).default ?? m);
    return this.keytar;
  }

  async get(service: string, account: string): Promise<string | null> {
    return (await this.load()).getPassword(service, account);
  }

  async set(service: string, account: string, value: string): Promise<void> {
    await (await this.load()).setPassword(service, account, value);
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.load()).deletePassword(service, account);
  }

  async list(service: string): Promise<string[]> {
    return (await (await this.load()).findCredentials(service)).map((c) => c.account);
  }
}
