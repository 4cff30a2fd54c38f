/**
 * The app client's secret for one profile: in the keychain (one entry per provider, client id and
 * profile), or for this process only from the environment. A keychain with no Secret Service at
 * all cannot hold one, so the client is public then; a *locked* keychain may hold one, so that is
 * an error rather than a silent switch to a public client the provider would refuse.
 *
 * Whether a secret was stored is also noted beside the settings (an empty file named after the
 * keychain entry; the secret never leaves the keychain): when the keychain is gone, a client known
 * to need a secret fails at once with `keychain_unavailable`, before any browser opens, instead of
 * signing in as a public client the provider then refuses.
 */
import { existsSync, rmSync } from 'node:fs';
import { AuthError, isAuthError } from '../errors.ts';
import { writeFileAtomically } from '../files.ts';
import { t } from '../i18n.ts';
import type { TokenVault } from './token-vault.ts';

export class ClientSecret {
  /** Known once read or set; undefined inside: a public client. */
  private known: { value: string | undefined } | undefined;

  constructor(
    private readonly vault: TokenVault,
    /** The secret's keychain entry. */
    private readonly account: string,
    /** The file that notes "a secret is stored" (none: not noted, as in tests of the keychain alone). */
    private readonly markerFile?: string,
  ) {}

  /** True when a secret was stored here, whether or not the keychain can be read now. */
  isNotedAsStored(): boolean {
    return this.markerFile !== undefined && existsSync(this.markerFile);
  }

  private note(stored: boolean): void {
    if (!this.markerFile) return;
    if (!stored) rmSync(this.markerFile, { force: true });
    else if (!this.isNotedAsStored()) writeFileAtomically(this.markerFile, '');
  }

  /** Stores the secret in the keychain (empty or undefined removes it: a public client). */
  async store(secret: string | undefined): Promise<void> {
    const value = secret?.trim() || undefined;
    this.known = { value };
    if (value) await this.vault.write(this.account, value);
    else await this.vault.remove(this.account);
    this.note(value !== undefined);
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
      // A secret stored by an earlier version, before the note existed.
      if (this.known.value !== undefined) this.note(true);
    }
    return this.known.value;
  }

  /**
   * The secret to authenticate with: none where no keychain exists (unless one was stored there:
   * then `keychain_unavailable`), an error where it is locked.
   */
  async forRequests(): Promise<string | undefined> {
    try {
      return await this.value();
    } catch (error) {
      if (!isAuthError(error, 'keychain_unavailable')) throw error;
      if (!this.isNotedAsStored()) return undefined;
      throw new AuthError(
        'keychain_unavailable',
        t(
          'This app client’s secret is kept in the OS keychain, which is not available: {{reason}} Signing in needs it.',
          { reason: error.message },
        ),
        { cause: error },
      );
    }
  }
}
