/**
 * The settings folder and the folders below it hold what decides where a sign-in goes (settings,
 * the discovery cache), who is signed in (accounts) and when a refresh may run (locks). Another
 * local user who can write there can send the authorization code, the PKCE verifier and the client
 * secret to a host of theirs, or block every refresh. So, as ssh does with its strict modes, a
 * folder the app keeps things in must be the user's own and writable by nobody else, and so must
 * every folder above it, except a root-owned one with the sticky bit (`/tmp`), where others can add
 * entries but not move ours. New folders are made 0700; a folder of an earlier version that others
 * could read (0755) is tightened, with the files in it.
 *
 * Windows folders are protected by their ACLs (the user profile's), not by these modes: the
 * checks apply where POSIX ownership and modes exist.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';

/** The settings folder's own folders: the discovery cache, the locks and change markers, the notes of stored client secrets. */
export const SETTINGS_SUBFOLDERS = ['discovery', 'sync', 'client-secrets'] as const;
/** Readable and writable by the user only: every folder the app keeps things in. */
export const PRIVATE_FOLDER_MODE = 0o700;
/** Every file in those folders. */
export const PRIVATE_FILE_MODE = 0o600;
/** Group or others may write. */
export const WRITABLE_BY_OTHERS = 0o022;
const STICKY = 0o1000;

/** The process's user, or undefined where there is none to compare (Windows). */
function currentUser(): number | undefined {
  // Stryker disable next-line all: Windows has no POSIX user; the tests run where one exists.
  return process.platform === 'win32' ? undefined : process.getuid?.();
}

/**
 * Makes `folder` (and any missing parent) private, or refuses it: an existing folder not owned
 * by the user, writable by others, or below a folder others could rename it in raises
 * `invalid_settings` naming the path and the fix. The files directly in it and in `subfolders` are
 * tightened to {@link PRIVATE_FILE_MODE} when the folder was not private yet.
 */
export function securePrivateFolder(
  folder: string,
  subfolders: readonly string[] = [],
  /** The user the folder must belong to (tests name another): by default this process's. */
  uid = currentUser(),
): void {
  const path = resolve(folder);
  // Stryker disable next-line all: Windows only, where the profile's ACLs protect the folder.
  if (uid === undefined) return void mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  checkAncestors(dirname(path), uid);
  const folders = [path, ...subfolders.map((name) => join(path, name))].map((dir) => ({
    dir,
    stats: statSync(dir, { throwIfNoEntry: false }),
  }));
  // Every folder is judged as found, before any is changed.
  for (const { dir, stats } of folders) if (stats) refuseUnsafe(dir, stats, uid);
  for (const { dir, stats } of folders) {
    if (!stats) mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    else if ((stats.mode & 0o777) !== PRIVATE_FOLDER_MODE) tighten(dir);
  }
}

/** Every folder above `dir`: the user's or root's, and writable by others only with the sticky bit. */
function checkAncestors(dir: string, uid: number): void {
  const found = unsafeFolderFrom(dir, [uid, 0]);
  if (found) throw unsafe(found.path, found.stats, uid, true);
}

/**
 * The first folder from `dir` up to the root that none of `owners` owns, or that others could write
 * without the sticky bit (in a sticky folder such as /tmp others may add entries but not move
 * anyone's); undefined when every one is safe. A folder that does not exist yet is skipped: it is
 * made below by whoever owns the one above.
 */
export function unsafeFolderFrom(
  dir: string,
  owners: readonly number[],
): { path: string; stats: Stats } | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const stats = statSync(current, { throwIfNoEntry: false });
    if (stats) {
      const shared = (stats.mode & WRITABLE_BY_OTHERS) !== 0 && (stats.mode & STICKY) === 0;
      if (!owners.includes(stats.uid) || shared) return { path: current, stats };
    }
    if (dirname(current) === current) return undefined;
  }
}

function refuseUnsafe(dir: string, stats: Stats, uid: number): void {
  if (!stats.isDirectory() || stats.uid !== uid || (stats.mode & WRITABLE_BY_OTHERS) !== 0)
    throw unsafe(dir, stats, uid, false);
}

/** A folder of an earlier version (0755, files 0644): made private, with what is in it. */
function tighten(dir: string): void {
  chmodSync(dir, PRIVATE_FOLDER_MODE);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const stats = lstatSync(path);
    if (stats.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
    else if (stats.isDirectory()) chmodSync(path, PRIVATE_FOLDER_MODE);
  }
}

function unsafe(path: string, stats: Stats, uid: number, above: boolean): AuthError {
  const mode = (stats.mode & 0o7777).toString(8).padStart(4, '0');
  const fix =
    stats.uid !== uid
      ? above
        ? t('Choose a settings folder inside your home folder (COGNITO_DESKTOP_CONFIG_DIR).')
        : t('Remove it, or choose another settings folder (COGNITO_DESKTOP_CONFIG_DIR).')
      : t('Run: chmod go-w "{{path}}"', { path });
  return new AuthError(
    'invalid_settings',
    t(
      'The settings folder is not safe: {{path}} belongs to user {{owner}} with mode {{mode}}, so another user could change what this app trusts. {{fix}}',
      { path, owner: String(stats.uid), mode, fix },
    ),
    { setting: 'configDir' },
  );
}
