/**
 * A policy file is trusted only when nobody but an administrator could have written it: the file
 * and every folder above it belong to root and are not writable by group or others (a sticky
 * folder such as /tmp aside; the walk is the settings folder's, core's private-folder.ts).
 * Otherwise a local user could plant a pool, a proxy or an update feed for everyone on the machine.
 */
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { t } from '../../core/i18n.ts';
import { WRITABLE_BY_OTHERS, unsafeFolderFrom } from '../../core/settings/private-folder.ts';

/** What reading a policy file gave: its bytes, nothing (no file), or why it is refused. */
export type PolicyFileRead = { bytes: Buffer } | { missing: true } | { refused: string };

/**
 * Reads `path` when it is an administrator's; `owner` is the user who must own it (root; a test
 * names another).
 */
export function readAdministratorFile(path: string, owner = 0): PolicyFileRead {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { missing: true };
  }
  const file = statSync(real);
  if (!file.isFile()) return { refused: refusal(path, t('it is not a file')) };
  const unsafe = unsafeEntry(real, file, owner);
  if (unsafe) return { refused: refusal(path, unsafe) };
  const folder = unsafeFolderFrom(dirname(real), [owner]);
  if (folder) return { refused: refusal(path, unsafeEntry(folder.path, folder.stats, owner)!) };
  return { bytes: readFileSync(real) };
}

function unsafeEntry(path: string, stats: Stats, owner: number): string | undefined {
  const mode = (stats.mode & 0o7777).toString(8).padStart(4, '0');
  if (stats.uid !== owner)
    return t('{{path}} belongs to user {{uid}}, not root', { path, uid: String(stats.uid) });
  if ((stats.mode & WRITABLE_BY_OTHERS) !== 0)
    return t('{{path}} has mode {{mode}}: others can write it', { path, mode });
  return undefined;
}

function refusal(path: string, why: string): string {
  return t(
    'The policy file {{path}} is not used: {{why}}. Make it root’s and not writable by others (chown root:root, chmod 644).',
    { path, why },
  );
}
