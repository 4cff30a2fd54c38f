/**
 * "Install Command Line Tool…" (macOS, as VS Code offers for `code`): puts the installed
 * `cognito-desktop` command on the PATH as a link in /usr/local/bin. That folder usually needs an
 * administrator: then macOS's own password dialog asks (osascript's "with administrator
 * privileges"), never the app. On Linux the deb package makes the link and on Windows the
 * installer puts the command's folder on the user's PATH, so this is macOS's alone.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';

export const COMMAND_LINK = '/usr/local/bin/cognito-desktop';

/** Runs a shell command as an administrator (macOS asks for the password). */
export type RunAsAdmin = (shellCommand: string) => Promise<void>;

/** A path as one word of a POSIX shell command. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export const osascriptAsAdmin: RunAsAdmin = (shellCommand) =>
  new Promise<void>((resolve, reject) => {
    const script = `do shell script "${shellCommand.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`;
    execFile('/usr/bin/osascript', ['-e', script], (error) => {
      if (error) reject(new Error(error.message, { cause: error }));
      else resolve();
    });
  });

/**
 * Links `linkPath` to `command`. An old link (an earlier install, another location) is replaced;
 * anything else at that path is left alone and named. Returns whether an administrator was asked.
 */
export async function installCommandLineTool(
  command: string,
  linkPath = COMMAND_LINK,
  runAsAdmin: RunAsAdmin = osascriptAsAdmin,
): Promise<{ linkPath: string; asAdmin: boolean }> {
  const existing = await lstat(linkPath).catch(() => undefined);
  if (existing && !existing.isSymbolicLink()) {
    throw new AuthError(
      'invalid_settings',
      t('{{path}} exists and is not a link this app made: move it away, then try again.', { path: linkPath }),
    );
  }
  if (existing && (await readlink(linkPath)) === command) return { linkPath, asAdmin: false };
  try {
    // A folder on the PATH (/usr/local/bin): readable by everyone, as such folders are.
    await mkdir(dirname(linkPath), { recursive: true, mode: 0o755 });
    if (existing) await rm(linkPath);
    await symlink(command, linkPath);
    return { linkPath, asAdmin: false };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
  }
  try {
    await runAsAdmin(
      `mkdir -p ${shellWord(dirname(linkPath))} && ln -sfn ${shellWord(command)} ${shellWord(linkPath)}`,
    );
  } catch (error) {
    throw new AuthError(
      'cancelled',
      t('The command was not installed: {{reason}}', { reason: (error as Error).message.split('\n')[0]! }),
      {
        cause: error,
      },
    );
  }
  return { linkPath, asAdmin: true };
}
