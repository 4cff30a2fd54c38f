/**
 * The policy of this OS, read where each OS keeps it, and watched: a change an administrator
 * pushes reaches a running app within seconds. No OS reader here has change notifications
 * without a native module, so each source is read again on a short interval — a stat and a small
 * read on Linux and macOS, reg.exe on Windows.
 */
import { readLinuxPolicy, LINUX_POLICY_FILE } from './linux-policy-file.ts';
import type { Policy } from '../../core/settings/policy.ts';

/**
 * Names another policy file to read instead of the OS's, for development and the tests only: an
 * installed app or CLI never reads it (a user could otherwise step around the policy).
 */
export const POLICY_FILE_ENV = 'COGNITO_DESKTOP_POLICY_FILE';

/** Reads the policy in effect now. */
export type PolicyReader = () => Promise<Policy>;

/**
 * The reader of this OS's policy; `developmentFile` (POLICY_FILE_ENV, honoured by the caller only
 * when not installed) replaces it with a JSON file of the Linux format. The registry and property
 * list readers load on the OS that has them only: every CLI command reads the policy.
 */
export function systemPolicyReader(
  platform: NodeJS.Platform = process.platform,
  developmentFile?: string,
): PolicyReader {
  if (developmentFile) return () => Promise.resolve(readLinuxPolicy(developmentFile));
  if (platform === 'win32')
    return async () => (await import('./windows-registry-policy.ts')).readRegistryPolicy();
  if (platform === 'darwin')
    return async () => {
      const { managedPreferenceFiles, readManagedPreferences } =
        await import('./macos-managed-preferences.ts');
      return readManagedPreferences(managedPreferenceFiles());
    };
  return () => Promise.resolve(readLinuxPolicy(LINUX_POLICY_FILE));
}

/** How often the policy is read again: within the 5 s an administrator may expect. */
export function policyPollInterval(platform: NodeJS.Platform = process.platform): number {
  return platform === 'win32' ? 4000 : 2000;
}

/**
 * Calls `onChange` with the policy each time it differs from the one before (compared by value);
 * returns a stop function. A failed read keeps the policy as it was.
 */
export function watchPolicy(
  read: PolicyReader,
  current: Policy | undefined,
  onChange: (policy: Policy) => void,
  intervalMs: number,
): () => void {
  let last = JSON.stringify(current);
  let reading = false;
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    read()
      .then((policy) => {
        const text = JSON.stringify(policy);
        if (text === last) return;
        last = text;
        onChange(policy);
      })
      .catch(() => {})
      .finally(() => {
        reading = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
