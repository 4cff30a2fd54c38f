/**
 * {@link SessionLock} across processes: a lock file per session in the settings folder, through
 * proper-lockfile (an atomic `mkdir`, its mtime refreshed while held). A lock left by a killed
 * process goes stale and is taken over after {@link LOCK_STALE_MS}; a wait longer than
 * {@link LOCK_WAIT_MS} ends in `session_busy`, never a hang.
 */
import { mkdirSync } from 'node:fs';
import { AuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import type { SessionLock } from '../core/ports.ts';
import { sharedFileName } from './shared-session-files.ts';
import { loadOnce } from '../core/load-once.ts';

/**
 * Loaded on first use: it patches `fs` (graceful-fs) at load, a cost that a command which only
 * reads a valid session should not pay.
 */
const loadLockfile = loadOnce(() => import('proper-lockfile'));

/** A held lock whose file is older than this belongs to a dead process. proper-lockfile's floor is 2 s. */
export const LOCK_STALE_MS = 4000;
/**
 * How long to wait for another process's refresh: longer than one refresh can take (a provider
 * time-out of 15 s plus keychain calls), so only a stuck holder makes us give up.
 */
export const LOCK_WAIT_MS = 30_000;
const POLL_MS = 15;

export class FileSessionLock implements SessionLock {
  constructor(
    private readonly dir: string,
    private readonly waitMs = LOCK_WAIT_MS,
    private readonly staleMs = LOCK_STALE_MS,
  ) {}

  async run<T>(name: string, task: () => Promise<T>): Promise<T> {
    const release = await this.acquire(sharedFileName(this.dir, name, 'lock'));
    try {
      return await task();
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async acquire(path: string): Promise<() => Promise<void>> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const { default: lockfile } = await loadLockfile();
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      try {
        return await lockfile.lock(path, {
          realpath: false,
          lockfilePath: path,
          stale: this.staleMs,
          update: Math.max(1000, this.staleMs / 4),
          retries: 0,
          // Compromised means another process took the lock over as stale while we held it (our
          // event loop stalled for seconds). The keychain's compare-and-swap still guards the data,
          // so carry on rather than crash, which is proper-lockfile's default.
          onCompromised: () => undefined,
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw lockError(error);
        if (Date.now() >= deadline) {
          throw new AuthError(
            'session_busy',
            t(
              'Another cognito-desktop process has been updating your session for over {{seconds}} s. Wait for it to finish (or end it), then try again.',
              { seconds: Math.round(this.waitMs / 1000) },
            ),
          );
        }
        // A little jitter, so waiting processes do not retry in lock-step.
        await new Promise((resolve) => setTimeout(resolve, POLL_MS + Math.random() * POLL_MS));
      }
    }
  }
}

function lockError(cause: unknown): AuthError {
  return new AuthError(
    'internal',
    t(
      'Could not create the session lock in the settings folder ({{code}}). Check that the folder is writable.',
      { code: (cause as NodeJS.ErrnoException).code ?? 'error' },
    ),
    { cause },
  );
}
