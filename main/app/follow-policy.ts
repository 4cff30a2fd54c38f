/**
 * The app under its organisation's policy: read before the session is shown, then followed — a
 * change an administrator pushes applies within seconds (see adapters/policy/system-policy.ts).
 */
import type { Logger } from '../core/ports.ts';
import type { AuthService } from '../core/session/auth-service.ts';
import { t } from '../core/i18n.ts';
import type { Policy } from '../core/settings/policy.ts';
import { providerDisplayName } from '../core/provider/provider.ts';
import { watchPolicy, type PolicyReader } from '../adapters/policy/system-policy.ts';
import { resolveComposedSettings, type ComposeOptions, type ProfileSettings } from './compose.ts';

/** Reads the policy into `controller` (call before its init), then follows it; returns it and the stop. */
export async function followPolicy(
  controller: { usePolicy(policy: Policy): void; applyPolicy(policy: Policy): Promise<void> },
  read: PolicyReader,
  intervalMs: number,
  logger?: Logger,
): Promise<{ policy: Policy; stop: () => void }> {
  const policy = await read();
  controller.usePolicy(policy);
  const stop = watchPolicy(
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
  return { policy, stop };
}

/** What a new policy changes for the profile in use. */
export interface PolicyChange {
  before: ProfileSettings;
  after: ProfileSettings;
  /** The settings in effect, or the profile in use, differ. */
  settingsChanged: boolean;
  /**
   * The profile in use signs in at another provider or with another client: its sessions belong
   * to a pool the organisation replaced. (Another profile in use leaves each profile's sessions.)
   */
  poolReplaced: boolean;
}

/** The settings in effect under the policy of `options` and under `policy`, compared. */
export function policyChange(options: ComposeOptions, policy: Policy): PolicyChange {
  const before = resolveComposedSettings(options);
  const after = resolveComposedSettings({ ...options, policy });
  const sameProfile = before.profile === after.profile;
  return {
    before,
    after,
    settingsChanged: !sameProfile || JSON.stringify(before.input) !== JSON.stringify(after.input),
    poolReplaced:
      sameProfile &&
      (before.values.discoveryUrl !== after.values.discoveryUrl ||
        before.values.clientId !== after.values.clientId),
  };
}

/**
 * Signs each of `services` out of the pool it belongs to (refresh token revoked where the provider
 * allows, tokens deleted, no browser); a failure leaves the next one to go on. All but `current`
 * (the app's own, rebuilt next) are disposed.
 */
export async function leaveReplacedPool(
  services: AuthService[],
  current: AuthService | undefined,
): Promise<void> {
  for (const service of services) {
    await service.signOut({ openBrowser: false }).catch(() => undefined);
    if (service !== current) service.dispose();
  }
}

/** What the signed-out screen says after the organisation moved the profile to another pool. */
export function replacedPoolNotice(before: ProfileSettings): string {
  return t(
    'Your organization changed the sign-in settings, so you were signed out of {{provider}}. Sign in again.',
    {
      provider: providerDisplayName(before.values.discoveryUrl),
    },
  );
}

/** The OS notification for a policy with problems; none for a sound one. */
export function policyProblemsNotice(policy: Policy): { title: string; body: string } | undefined {
  if (policy.problems.length === 0) return undefined;
  return {
    title: t('Your organization’s policy has a problem'),
    body: policy.problems.map((p) => p.message).join(' '),
  };
}
