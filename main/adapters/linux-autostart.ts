/**
 * "Start at login" on Linux: an XDG autostart entry (`~/.config/autostart/cognito-desktop.desktop`),
 * which GNOME, KDE, Xfce and the other desktops read at login. Written only when the setting is
 * on, removed when it is off; the file names the app's own executable (the AppImage when run as one).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../core/files.ts';

export const AUTOSTART_FILE_NAME = 'cognito-desktop.desktop';

/** The autostart folder: `$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`. */
export function autostartFolder(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart');
}

/**
 * The executable quoted for a desktop entry's Exec key: in double quotes, with `"`, `` ` ``, `$`
 * and `\` escaped (the Desktop Entry Specification's rules), so a path with spaces or quotes runs
 * as itself and nothing else.
 */
export function desktopExecQuoted(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The entry's text for `executable`. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=cognito-desktop',
    'Comment=Sign in to your organisation through your browser',
    `Exec=${desktopExecQuoted(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes (on) or removes (off) the entry; writes only when its text changes. */
export function setLinuxAutostart(folder: string, on: boolean, executable: string): void {
  const file = join(folder, AUTOSTART_FILE_NAME);
  if (!on) {
    rmSync(file, { force: true });
    return;
  }
  const text = autostartEntry(executable);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileAtomically(file, text);
}
