/**
 * Profiles: named sets of provider settings (a dev and a prod pool, say) in the one settings file.
 *
 * The file keeps the `default` profile's settings at its top level — where every version before
 * profiles kept the settings, so an upgrade finds them in place and an older version still reads
 * them — and the other profiles under `profiles`:
 *
 *   { "discoveryUrl": "…", "clientId": "…",
 *     "profiles": { "prod": { "discoveryUrl": "…", "clientId": "…" } } }
 *
 * Which profile is in use is not a setting but state, kept with the accounts (accounts.ts).
 * Everything here is a pure function of that document; the stores read and write it whole.
 */
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { SETTING_KEYS, type SettingsInput } from './settings.ts';

export const DEFAULT_PROFILE = 'default';
/** The environment variable that picks the profile for one process (like `--profile`). */
export const PROFILE_ENV = 'COGNITO_PROFILE';

/** The settings file as stored: the default profile's settings, and the other profiles. */
export interface SettingsDocument extends SettingsInput {
  profiles?: Record<string, SettingsInput>;
}

/** The port to where the settings document lives (one JSON file in the settings folder). */
export interface SettingsStore {
  /** Every profile's settings and which profile is in use. */
  read(): SettingsDocument;
  write(document: SettingsDocument): Promise<void>;
}

/** A profile's name: a word people type on a command line (`--profile prod`). */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Keeps only known, non-secret settings: nothing else is ever written to the file. */
export function pickSettings(input: object): SettingsInput {
  const picked: SettingsInput = {};
  for (const key of SETTING_KEYS) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document with only what belongs in it: settings and valid profiles. */
export function pickDocument(input: unknown): SettingsDocument {
  if (!isRecord(input)) return {};
  const document: SettingsDocument = pickSettings(input);
  if (isRecord(input.profiles)) {
    const profiles: Record<string, SettingsInput> = {};
    for (const [name, settings] of Object.entries(input.profiles)) {
      if (isProfileName(name) && name !== DEFAULT_PROFILE && isRecord(settings))
        profiles[name] = pickSettings(settings);
    }
    if (Object.keys(profiles).length > 0) document.profiles = profiles;
  }
  return document;
}

export function isProfileName(name: string): boolean {
  return PROFILE_NAME.test(name);
}

/** Throws `invalid_settings` unless `name` can name a profile. */
export function checkProfileName(name: string): string {
  if (!isProfileName(name)) {
    throw new AuthError(
      'invalid_settings',
      t(
        '"{{name}}" cannot name a profile: use letters, digits, dots, dashes or underscores (at most 40), starting with a letter or digit.',
        { name },
      ),
    );
  }
  return name;
}

/** The settings the file holds for `profile` (empty for a profile it does not hold). */
export function profileSettings(document: SettingsDocument, profile: string): SettingsInput {
  if (profile === DEFAULT_PROFILE) return pickSettings(document);
  return pickSettings(document.profiles?.[profile] ?? {});
}

/** `document` with `profile`'s settings replaced by `settings`. */
export function withProfileSettings(
  document: SettingsDocument,
  profile: string,
  settings: SettingsInput,
): SettingsDocument {
  if (profile === DEFAULT_PROFILE) {
    const rest = { ...document };
    for (const key of SETTING_KEYS) delete rest[key];
    return { ...pickSettings(settings), ...rest };
  }
  return { ...document, profiles: { ...document.profiles, [profile]: pickSettings(settings) } };
}

/** `document` without `profile` (the default profile is emptied: its place is the top level). */
export function withoutProfile(document: SettingsDocument, profile: string): SettingsDocument {
  const next = withProfileSettings(document, profile, {});
  if (profile !== DEFAULT_PROFILE) {
    const others = { ...next.profiles };
    delete others[profile];
    if (Object.keys(others).length > 0) next.profiles = others;
    else delete next.profiles;
  }
  return next;
}

/**
 * The profiles there are, in order: the default one (when it holds settings, or nothing else
 * exists), then the installer's, then the user's.
 */
export function profileNames(document: SettingsDocument, installer: ProfilesFromInstaller = {}): string[] {
  const others = [...(installer.names ?? []), ...Object.keys(document.profiles ?? {})].filter(
    (name) => name !== DEFAULT_PROFILE,
  );
  const defaultHolds =
    Object.keys(profileSettings(document, DEFAULT_PROFILE)).length > 0 ||
    installer.defaultHasSettings === true;
  const names = defaultHolds || others.length === 0 ? [DEFAULT_PROFILE, ...others] : others;
  return [...new Set(names)];
}

/** What the installer's provider.json says about profiles. */
export interface ProfilesFromInstaller {
  /** The profiles it defines. */
  names?: string[];
  /** Whether it presets the default profile (settings at its top level). */
  defaultHasSettings?: boolean;
}

/**
 * The profile a process uses: `--profile`, else `COGNITO_PROFILE`, else the one chosen last
 * (`profile use`, the app's switcher), else the first there is. One asked for by name must exist.
 */
export function selectedProfile(
  document: SettingsDocument,
  installer: ProfilesFromInstaller,
  asked: { flag?: string | undefined; env?: NodeJS.ProcessEnv | undefined; chosen?: string | undefined } = {},
): string {
  const names = profileNames(document, installer);
  const explicit = asked.flag ?? (asked.env?.[PROFILE_ENV] || undefined);
  if (explicit !== undefined) {
    if (!names.includes(explicit)) {
      throw new AuthError(
        'invalid_settings',
        t('There is no profile "{{name}}". Profiles: {{names}}.', {
          name: explicit,
          names: names.join(', '),
        }),
      );
    }
    return explicit;
  }
  const { chosen } = asked;
  return chosen !== undefined && names.includes(chosen) ? chosen : names[0]!;
}
