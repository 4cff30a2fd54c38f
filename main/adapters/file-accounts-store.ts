/**
 * {@link AccountsStore} on `accounts.json` in the settings folder: which accounts each profile has
 * and which is active (names and subjects, never a token). Changes run under the same kind of
 * cross-process lock as the sessions and are written through a rename, so a kill leaves the old
 * state or the new one; the change marker tells the running app (see file-session-signal.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPTY_ACCOUNTS,
  parseAccountsState,
  type AccountsState,
  type AccountsStore,
} from '../core/settings/accounts.ts';
import { writeFileAtomically } from '../core/files.ts';
import { FileSessionLock } from './file-session-lock.ts';
import { FileSessionSignal } from './file-session-signal.ts';

export const ACCOUNTS_FILE_NAME = 'accounts.json';
/** The name of the accounts' lock and change marker (sessions use their keychain names). */
const ACCOUNTS_SIGNAL = 'accounts';

export class FileAccountsStore implements AccountsStore {
  readonly file: string;
  private readonly lock: FileSessionLock;
  private readonly signal: FileSessionSignal;

  constructor(configDir: string) {
    this.file = join(configDir, ACCOUNTS_FILE_NAME);
    this.lock = new FileSessionLock(join(configDir, 'sync'));
    this.signal = new FileSessionSignal(join(configDir, 'sync'));
  }

  read(): AccountsState {
    try {
      return parseAccountsState(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // None yet (every profile has its first account only), or unreadable: nothing known.
      return EMPTY_ACCOUNTS;
    }
  }

  update<T>(change: (state: AccountsState) => { state: AccountsState; result: T }): Promise<T> {
    return this.lock.run(ACCOUNTS_SIGNAL, () => {
      const { state, result } = change(this.read());
      writeFileAtomically(this.file, `${JSON.stringify(state, null, 2)}\n`);
      this.signal.announce(ACCOUNTS_SIGNAL);
      return Promise.resolve(result);
    });
  }

  watch(listener: () => void): () => void {
    return this.signal.watch(ACCOUNTS_SIGNAL, listener);
  }
}
