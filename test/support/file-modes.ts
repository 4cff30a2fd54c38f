/** The modes of everything below a folder, for tests that hold the app's files private. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every path below `dir` with its permission bits in octal, folders marked with a trailing slash. */
export function modesBelow(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stats = lstatSync(join(dir, entry));
    found[`${entry}${stats.isDirectory() ? '/' : ''}`] = (stats.mode & 0o777).toString(8);
  }
  return found;
}

/** The paths of {@link modesBelow} that are not private: folders other than 0700, files other than 0600. */
export function notPrivate(dir: string): string[] {
  return Object.entries(modesBelow(dir))
    .filter(([path, mode]) => mode !== (path.endsWith('/') ? '700' : '600'))
    .map(([path, mode]) => `${path} ${mode}`);
}
