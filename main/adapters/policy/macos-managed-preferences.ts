/**
 * The macOS policy: the managed preferences an MDM (Jamf, Intune…) installs for the app's bundle
 * id through a configuration profile, as property lists under /Library/Managed Preferences — the
 * machine's, then the user's. A key the machine's file sets wins over the user's, as HKLM does
 * over HKCU on Windows. The files are written by the system (binary or XML property lists).
 */
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { parse, parseBinary } from 'plist';
import { t } from '../../core/i18n.ts';
import { parsePolicy, type Policy } from '../../core/settings/policy.ts';
import { readAdministratorFile } from './root-owned-file.ts';
import { mergePolicyObjects } from './policy-objects.ts';

/** The app's bundle id (electron-builder.yml's appId): the managed preferences' domain. */
export const BUNDLE_ID = 'io.github.cognito-desktop';
export const MANAGED_PREFERENCES = '/Library/Managed Preferences';

/** The managed preference files for `user`, the machine's first. */
export function managedPreferenceFiles(root = MANAGED_PREFERENCES, user = userInfo().username): string[] {
  return [join(root, `${BUNDLE_ID}.plist`), join(root, user, `${BUNDLE_ID}.plist`)];
}

/** The policy of the managed preferences in `files` (root's only), the first file's keys winning. */
export function readManagedPreferences(files = managedPreferenceFiles(), owner = 0): Policy {
  const objects: Record<string, unknown>[] = [];
  const origin = files.join(', ');
  for (const file of files) {
    const read = readAdministratorFile(file, owner);
    if ('missing' in read) continue;
    if ('refused' in read) return parsePolicy(origin, undefined, read.refused);
    try {
      objects.push(propertyList(read.bytes));
    } catch (error) {
      return parsePolicy(
        origin,
        undefined,
        t(
          'The managed preferences {{path}} are not a property list ({{reason}}): no policy is applied from them.',
          {
            path: file,
            reason: (error as Error).message,
          },
        ),
      );
    }
  }
  return parsePolicy(origin, objects.length > 0 ? mergePolicyObjects(objects) : undefined);
}

/** A property list's dictionary, binary (`bplist00…`) or XML. */
export function propertyList(bytes: Buffer): Record<string, unknown> {
  const value: unknown =
    bytes.subarray(0, 6).toString('latin1') === 'bplist' ? parseBinary(bytes) : parse(bytes.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(t('its top level is not a dictionary'));
  return value as Record<string, unknown>;
}
