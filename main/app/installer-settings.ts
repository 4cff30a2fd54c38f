/**
 * `provider.json`: settings an admin bakes into an installer (see docs/admin-guide.md, "Preconfigure for your
 * organisation"). They are the defaults; user settings win unless the file locks a setting. The
 * app reads the file next to its resources; the CLI reads it where
 * `COGNITO_DESKTOP_INSTALLER_SETTINGS` points (an installed app's copy), so both see the same
 * settings and sources.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SettingsInput } from '../core/settings/settings.ts';
import { settingsFromObject } from '../core/settings/policy.ts';
import { DEFAULT_PROFILE, isProfileName, type ProfilesFromInstaller } from '../core/settings/profiles.ts';
import { SETTINGS_FIELDS, type SettingsDto } from '../../preload/contract.ts';

/** One profile's presets: defaults, some of them locked. */
export interface InstallerPresets {
  values: SettingsInput;
  locked: (keyof SettingsDto)[];
}

/**
 * Settings an installer ships: the default profile's presets (the file's top level, as before
 * profiles), and named profiles of their own (`"profiles": { "prod": { "settings": …, "locked": … } }`).
 */
export interface InstallerSettings extends InstallerPresets {
  profiles?: Record<string, InstallerPresets>;
  /** False (`"userProfiles": false`): people cannot add profiles of their own. */
  userProfiles?: boolean;
  /** `"updates": false` turns updates off; `{ "url": "https://…" }` names another feed (app/updates.ts). */
  updates?: unknown;
}

/** The environment variable that points the CLI at an installed app's provider.json. */
export const INSTALLER_SETTINGS_ENV = 'COGNITO_DESKTOP_INSTALLER_SETTINGS';

/**
 * Where the CLI finds provider.json: `COGNITO_DESKTOP_INSTALLER_SETTINGS` when set; else, when it
 * is the installed command (the executable `resources/cli/cognito-desktop` of an installed app),
 * the app's own `resources/provider.json`; else none.
 */
export function installerSettingsFile(
  env: NodeJS.ProcessEnv,
  executable: string = process.execPath,
): string | undefined {
  if (env[INSTALLER_SETTINGS_ENV]) return env[INSTALLER_SETTINGS_ENV];
  if (!isInstalledCommand(executable)) return undefined;
  return join(dirname(executable), '..', 'provider.json');
}

/** Whether `executable` is the installed command (an installed app's), not Node running a build. */
export function isInstalledCommand(executable: string = process.execPath): boolean {
  return /^cognito-desktop(\.exe)?$/i.test(basename(executable));
}

/** Parses provider.json; unknown keys are ignored, a secret is never accepted. */
export function parseInstallerSettings(text: string): InstallerSettings {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const presets: InstallerSettings = parsePresets(raw);
  if (typeof raw.profiles === 'object' && raw.profiles !== null) {
    const profiles: Record<string, InstallerPresets> = {};
    for (const [name, entry] of Object.entries(raw.profiles as Record<string, unknown>)) {
      if (isProfileName(name) && name !== DEFAULT_PROFILE && typeof entry === 'object' && entry !== null)
        profiles[name] = parsePresets(entry as Record<string, unknown>);
    }
    presets.profiles = profiles;
  }
  if (raw.userProfiles === false) presets.userProfiles = false;
  if (raw.updates !== undefined) presets.updates = raw.updates;
  return presets;
}

/** One profile's presets: `{ settings, locked }`, or the settings at the top level. */
function parsePresets(
  raw: { settings?: unknown; locked?: unknown } & Record<string, unknown>,
): InstallerPresets {
  const source = (typeof raw.settings === 'object' && raw.settings !== null ? raw.settings : raw) as Record<
    string,
    unknown
  >;
  const values = settingsFromObject(source);
  const locked = Array.isArray(raw.locked)
    ? raw.locked.filter(
        (k): k is keyof SettingsDto =>
          SETTINGS_FIELDS.includes(k as keyof SettingsDto) && values[k as keyof SettingsDto] !== undefined,
      )
    : [];
  return { values, locked };
}

/** Reads provider.json at `path`; undefined when there is none (an installer without presets). */
export function loadInstallerSettings(path: string): InstallerSettings | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseInstallerSettings(text);
}

/** The presets of `profile` (the default profile's are the file's top level); none when it has none. */
export function installerPresets(
  installer: InstallerSettings | undefined,
  profile: string,
): InstallerPresets | undefined {
  return profile === DEFAULT_PROFILE ? installer : installer?.profiles?.[profile];
}

/** The installer's locked settings: they win over anything typed, the environment included. */
export function lockedInstallerSettings(presets: InstallerPresets | undefined): SettingsInput {
  const locked: SettingsInput = {};
  for (const key of presets?.locked ?? []) locked[key] = presets?.values[key];
  return locked;
}

/** What provider.json says about profiles, for the profile list (core's profiles.ts). */
export function installerProfiles(installer: InstallerSettings | undefined): ProfilesFromInstaller {
  return {
    names: Object.keys(installer?.profiles ?? {}),
    defaultHasSettings: Object.keys(installer?.values ?? {}).length > 0,
  };
}
