/** Where the files that several processes share about one session live: `<settings folder>/sync/`. */
import { nodeCrypto } from '../core/lazy-builtins.ts';
import { join } from 'node:path';

/**
 * The file for session `name` with `extension`. The name (a keychain account, which holds the
 * issuer URL) is hashed: a file name then has no URL characters, and no user data shows in it.
 */
export function sharedFileName(dir: string, name: string, extension: string): string {
  return join(
    dir,
    `${nodeCrypto().createHash('sha256').update(name).digest('hex').slice(0, 24)}.${extension}`,
  );
}
