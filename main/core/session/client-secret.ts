/**
 * The app client's secret for one profile: in the keychain (one entry per provider, client id and
 * profile), or for this process only from the environment. A keychain with no Secret Service at
 * all cannot hold one, so the client is public then; a *locked* keychain may hold one, so that is
 * an error rather than a silent switch to a public client the provider would refuse.
 */
import { isAuthError } from '../errors.ts';
import type { TokenVault } from './token-vault.ts';

export class ClientSecret {
  /** Known once read or set; undefined inside: a public client. */
  private known: { value: string | undefined } | undefined;

  constructor(
    private readonly vault: TokenVault,
    /** The secret's keychain entry. */
    private readonly account: string,
  ) {}

  /** Stores the secret in the keychain (empty or undefined removes it: a public client). */
  async store(secret: string | undefined): Promise<void> {
    const value = secret?.trim() || undefined;
    this.known = { value };
    if (value) await this.vault.write(this.account, value);
    else await this.vault.remove(this.account);
  }

  /** Uses `secret` for this process only, over whatever the keychain holds: nothing is written. */
  use(secret: string): void {
    this.known = { value: secret.trim() || undefined };
  }

  /** The secret in use (stored or from the environment), undefined for a public client. */
  async value(): Promise<string | undefined> {
    if (!this.known) {
      const stored = await this.vault.read<string>(this.account);
      this.known = { value: typeof stored === 'string' && stored !== '' ? stored : undefined };
    }
    return this.known.value;
  }

  /** The secret to authenticate with: none where no keychain exists, an error where it is locked. */
  async forRequests(): Promise<string | undefined> {
    try {
      return await this.value();
    } catch (error) {
      if (isAuthError(error, 'keychain_unavailable')) return undefined;
      throw error;
    }
  }
}
