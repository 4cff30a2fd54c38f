/**
 * The app under its organisation's policy: read before the session is shown, then followed — a
 * change an administrator pushes applies within seconds (see adapters/policy/system-policy.ts).
 */
import type { AppController } from './app-controller.ts';
import type { Logger } from '../core/ports.ts';
import { watchPolicy, type PolicyReader } from '../adapters/policy/system-policy.ts';

/** Reads the policy into `controller` (call before its init), then follows it; returns the stop. */
export async function followPolicy(
  controller: Pick<AppController, 'usePolicy' | 'applyPolicy'>,
  read: PolicyReader,
  intervalMs: number,
  logger?: Logger,
): Promise<() => void> {
  const policy = await read();
  controller.usePolicy(policy);
  return watchPolicy(
    read,
    policy,
    (next) => {
      logger?.info(`The organization's policy changed (${next.origin}).`);
      void controller
        .applyPolicy(next)
        .catch((error: unknown) => logger?.warn(`The new policy could not be applied: ${String(error)}`));
    },
    intervalMs,
  );
}
