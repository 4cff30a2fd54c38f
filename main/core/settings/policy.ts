/**
 * Settings an organisation sets by policy (Group Policy, an MDM profile, a file under /etc): they
 * win over everything else and cannot be changed in the app or the CLI. The OS readers
 * (adapters/policy/) turn each OS's store into one plain object of the shape
 * `{ <setting>: value, profiles: { <name>: { <setting>: value } }, userProfiles, updates }`; this
 * module decides what of it is valid. A value that is not is reported and ignored for that key.
 */
import { t } from '../i18n.ts';
import { DEFAULT_PROFILE, isProfileName, type ProfilesFromInstaller } from './profiles.ts';
import {
  SETTING_CHOICES,
  SETTING_KEYS,
  findSettingsProblems,
  type Settings,
  type SettingsInput,
} from './settings.ts';

/** One thing wrong with the policy: a value ignored, or a policy source refused. */
export interface PolicyProblem {
  /** The setting whose policy value is ignored; none when the whole source is. */
  setting?: keyof Settings;
  /** The profile the value was given for. */
  profile?: string;
  message: string;
}

/** The policy in effect, from one OS source. */
export interface Policy {
  /** Where it was read from, for messages: a file, a registry key, a bundle id. */
  origin: string;
  /** The default profile's settings. */
  values: SettingsInput;
  /** Named profiles and their settings; each named one exists on every managed machine. */
  profiles: Record<string, SettingsInput>;
  /** False: people cannot add profiles of their own. */
  userProfiles?: boolean;
  /** `false` turns updates off; `{ url }` names the feed (app/updates.ts). */
  updates?: false | { url: string };
  problems: PolicyProblem[];
}

/** The settings a policy file's top level (or a profile's entry) gives, as settings text. */
export function settingsFromObject(
  source: Record<string, unknown>,
  report: (setting: keyof Settings, message: string) => void = () => {},
): SettingsInput {
  const values: SettingsInput = {};
  for (const key of SETTING_KEYS) {
    const raw = source[key];
    if (raw === undefined || raw === null) continue;
    const value = settingText(key, raw);
    if (value === undefined) report(key, t('must be text.'));
    else if (value !== '') values[key] = value;
  }
  return values;
}

/**
 * A value as its setting's text: text as it is; true/false (or a registry's 1/0) as on/off for
 * the switches; the identity providers also as a list of `{ name, label }`.
 */
function settingText(key: keyof Settings, raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (key === 'identityProviders' && Array.isArray(raw)) return identityProvidersText(raw);
  if (isSwitch(key) && (typeof raw === 'boolean' || raw === 0 || raw === 1))
    return raw === true || raw === 1 ? 'on' : 'off';
  return undefined;
}

/** A setting whose only choices are on and off (the settings table says which). */
function isSwitch(key: keyof Settings): boolean {
  return SETTING_CHOICES[key]?.join() === 'on,off';
}

/** `[{ "name": "Google", "label": "Google" }]` (what an admin writes by hand) as the setting's text. */
function identityProvidersText(list: unknown[]): string {
  return list
    .map((entry: unknown) => {
      const { name, label } = (entry ?? {}) as { name?: unknown; label?: unknown };
      if (typeof name !== 'string') return '';
      return typeof label === 'string' && label.trim() !== '' ? `${name}=${label}` : name;
    })
    .filter((text) => text !== '')
    .join(', ');
}

/**
 * The policy a source gives, with what is wrong in it: each invalid value is left out and named.
 * `raw` is the source's object (undefined when there is no policy); `refused` says why a source
 * that exists is not used at all (a file another user could have written).
 */
export function parsePolicy(origin: string, raw: unknown, refused?: string): Policy {
  const policy: Policy = { origin, values: {}, profiles: {}, problems: [] };
  if (refused !== undefined) {
    policy.problems.push({ message: refused });
    return policy;
  }
  if (raw === undefined) return policy;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    policy.problems.push({ message: t('The policy must be an object of settings.') });
    return policy;
  }
  const object = raw as Record<string, unknown>;
  policy.values = validPart(object, DEFAULT_PROFILE, policy.problems);
  if (typeof object.profiles === 'object' && object.profiles !== null) {
    for (const [name, entry] of Object.entries(object.profiles as Record<string, unknown>)) {
      if (!isProfileName(name) || name === DEFAULT_PROFILE || typeof entry !== 'object' || entry === null) {
        policy.problems.push({ profile: name, message: t('"{{name}}" is not a profile name.', { name }) });
        continue;
      }
      policy.profiles[name] = validPart(entry as Record<string, unknown>, name, policy.problems);
    }
  }
  if (object.userProfiles === false || object.userProfiles === 0) policy.userProfiles = false;
  const updates = updatesPolicy(object.updates);
  if (updates !== undefined) policy.updates = updates;
  return policy;
}

/** The updates policy: off (false, 0), a feed (`{ url }` or the URL itself), or none. */
function updatesPolicy(raw: unknown): Policy['updates'] {
  if (raw === false || raw === 0) return false;
  const url = typeof raw === 'string' ? raw : (raw as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' && url !== '' ? { url } : undefined;
}

/** One profile's settings of the policy, each invalid one reported and left out. */
function validPart(
  source: Record<string, unknown>,
  profile: string,
  problems: PolicyProblem[],
): SettingsInput {
  const report = (setting: keyof Settings, message: string): void => {
    problems.push({ setting, profile, message: ignored(setting, message) });
  };
  const values = settingsFromObject(source, report);
  const found = findSettingsProblems(values);
  for (const key of Object.keys(values) as (keyof Settings)[]) {
    const problem = found.find((p) => p.setting === key);
    if (!problem) continue;
    report(key, problem.message);
    delete values[key];
  }
  return values;
}

function ignored(setting: keyof Settings, message: string): string {
  return t('The policy value of {{setting}} is ignored: {{message}}', { setting, message });
}

/** The settings the policy sets for `profile` (all of them locked). */
export function policyValues(policy: Policy | undefined, profile: string): SettingsInput {
  if (!policy) return {};
  return (profile === DEFAULT_PROFILE ? policy.values : policy.profiles[profile]) ?? {};
}

/** The profiles a policy defines, with an installer's, for the profile list (profiles.ts). */
export function withPolicyProfiles(
  installer: ProfilesFromInstaller,
  policy: Policy | undefined,
): ProfilesFromInstaller {
  if (!policy) return installer;
  return {
    names: [...(installer.names ?? []), ...Object.keys(policy.profiles)],
    defaultHasSettings: installer.defaultHasSettings === true || Object.keys(policy.values).length > 0,
  };
}
