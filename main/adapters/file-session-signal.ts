/**
 * {@link SessionSignal} across processes: a change marker per session in the settings folder. A
 * process that stored, refreshed or removed a session rewrites the marker (a few random bytes, no
 * token); the others watch its file.
 *
 * Watching polls the marker's stat every {@link POLL_MS} rather than using `fs.watch`: `fs.watch`
 * needs the file to exist, loses track of it across the rename of an atomic write on some systems,
 * and behaves differently per OS and on network folders; one `stat` every half second costs
 * nothing and bounds how late the app learns of a change (well within 2 s). Not `fs.watchFile`
 * either: it takes its first stat later, on the thread pool, so an announcement made just after
 * watching began became its baseline and was never heard; the baseline here is taken at once.
 */
import { nodeCrypto } from '../core/lazy-builtins.ts';
import { statSync } from 'node:fs';
import { writeFileAtomically } from '../core/files.ts';
import type { SessionSignal } from '../core/ports.ts';
import { sharedFileName } from './shared-session-files.ts';

const POLL_MS = 500;

export class FileSessionSignal implements SessionSignal {
  constructor(
    private readonly dir: string,
    private readonly pollMs = POLL_MS,
  ) {}

  announce(name: string): void {
    try {
      // Written through a rename, so every announcement gives the file a new inode that a watcher
      // notices even when two land within the same millisecond.
      writeFileAtomically(
        sharedFileName(this.dir, name, 'changed'),
        nodeCrypto().randomBytes(8).toString('hex'),
      );
    } catch {
      // A read-only settings folder only costs the other processes a slower catch-up.
    }
  }

  watch(name: string, listener: () => void): () => void {
    const file = sharedFileName(this.dir, name, 'changed');
    let seen = markerVersion(file);
    const timer = setInterval(() => {
      const now = markerVersion(file);
      if (now === seen) return;
      seen = now;
      listener();
    }, this.pollMs);
    // Watching never keeps a process alive.
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** Which announcement the marker holds: each one is a new file (a rename), so a new inode. */
function markerVersion(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.ino}:${stats.mtimeMs}` : 'none';
}
