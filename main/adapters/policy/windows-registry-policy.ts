/**
 * The Windows policy: what Group Policy or Intune (ADMX ingestion) writes under
 * `SOFTWARE\Policies\cognito-desktop` — the machine's (HKLM), then the user's (HKCU); a value the
 * machine sets wins. Only administrators can write either key. Values are named as the settings
 * (`discoveryUrl`, REG_SZ, in any case as the registry's names are; the switches may be REG_DWORD 1/0); `userProfiles` (REG_DWORD 0) and
 * `updates` (REG_DWORD 0, or a feed URL) as in the Linux file; named profiles are subkeys of
 * `Profiles`. Read through winreg (Windows' own reg.exe).
 */
import Registry from 'winreg';
import { t } from '../../core/i18n.ts';
import { parsePolicy, type Policy } from '../../core/settings/policy.ts';
import { SETTING_KEYS } from '../../core/settings/settings.ts';
import { mergePolicyObjects } from './policy-objects.ts';

export const POLICY_KEY = '\\SOFTWARE\\Policies\\cognito-desktop';

/** The policy of both hives. */
export async function readRegistryPolicy(key = POLICY_KEY): Promise<Policy> {
  const origin = `HKLM${key}, HKCU${key}`;
  try {
    const objects = await Promise.all([Registry.HKLM, Registry.HKCU].map((hive) => hiveObject(hive, key)));
    const found = objects.filter((o): o is Record<string, unknown> => o !== undefined);
    return parsePolicy(origin, found.length > 0 ? mergePolicyObjects(found) : undefined);
  } catch (error) {
    return parsePolicy(
      origin,
      undefined,
      t('The policy in the registry could not be read ({{reason}}).', { reason: (error as Error).message }),
    );
  }
}

/** One hive's policy object; undefined when the key is not there. */
async function hiveObject(hive: string, key: string): Promise<Record<string, unknown> | undefined> {
  const object = await keyValues(new Registry({ hive, key }));
  if (!object) return undefined;
  const profileKeys = (await subkeys(new Registry({ hive, key: `${key}\\Profiles` }))) ?? [];
  if (profileKeys.length === 0) return object;
  const profiles: Record<string, unknown> = {};
  for (const profileKey of profileKeys) {
    const name = profileKey.key.slice(profileKey.key.lastIndexOf('\\') + 1);
    profiles[name] = (await keyValues(profileKey)) ?? {};
  }
  return { ...object, profiles };
}

/** A key's values as a plain object; undefined when the key does not exist. */
function keyValues(registry: Registry.Registry): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    registry.values((error, items) => {
      if (error) return missingKey(error) ? resolve(undefined) : reject(error);
      resolve(Object.fromEntries(items.map((item) => [policyName(item.name), registryValue(item)])));
    });
  });
}

function subkeys(registry: Registry.Registry): Promise<Registry.Registry[] | undefined> {
  return new Promise((resolve, reject) => {
    registry.keys((error, keys) => {
      if (error) return missingKey(error) ? resolve(undefined) : reject(error);
      resolve(keys);
    });
  });
}

/** reg.exe exits 1 for a key that is not there: no policy, not a failure. */
function missingKey(error: Error): boolean {
  return (error as Error & { code?: unknown }).code === 1;
}

/** Every name a policy may hold, by its lower case: registry names are case-insensitive. */
const POLICY_NAMES = new Map(
  [...SETTING_KEYS, 'userProfiles', 'updates'].map((name) => [name.toLowerCase(), name] as const),
);

/** A value's name as the policy knows it (`DiscoveryURL` is `discoveryUrl`); an unknown one as it is. */
function policyName(name: string): string {
  return POLICY_NAMES.get(name.toLowerCase()) ?? name;
}

/** A REG_DWORD (`0x1`) as its number; text as it is. */
function registryValue(item: Registry.RegistryItem): unknown {
  if (item.type === 'REG_DWORD' || item.type === 'REG_QWORD') return Number.parseInt(item.value, 16);
  return item.value;
}
