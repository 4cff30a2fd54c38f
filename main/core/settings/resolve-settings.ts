/**
 * The one settings resolver: which value of each setting is in effect and where it came from
 * (installer presets < the user's file < the environment < locked presets < policy), and what of the
 * environment the session may use (the client secret, bound to the provider and client it names).
 */
import {
  SETTING_ENV,
  SETTING_KEYS,
  failOnProblems,
  findSettingsProblems,
  withDefaults,
  type Settings,
  type SettingsInput,
  type SettingsProblem,
} from './settings.ts';

/** Where a setting's value in effect came from, lowest precedence first. */
export type SettingSource = 'default' | 'installer' | 'file' | 'env' | 'locked' | 'policy';

/** The layers settings come from: each wins over the ones before it. */
export interface SettingsLayers {
  /** An installer's presets (provider.json): under the user's own file. */
  installer?: SettingsInput;
  /** The settings file the user (or the app's Settings screen) wrote. */
  file: SettingsInput;
  /** The environment: `COGNITO_*` variables override the file. */
  env?: NodeJS.ProcessEnv;
  /** An installer's locked presets: over everything, environment included. */
  locked?: SettingsInput;
  /** The organisation's policy (Group Policy, an MDM profile, /etc): over everything. */
  policy?: SettingsInput;
}

/** Settings resolved from their layers. */
export interface ResolvedSettings {
  /** The explicit values in effect (no defaults filled in): what validation and the app take. */
  input: SettingsInput;
  /** The values in effect with defaults filled in, unvalidated: what `config show` shows. */
  values: Settings;
  /** Where each value in effect came from. */
  sources: Record<keyof Settings, SettingSource>;
  /** What is wrong with the values in effect, per setting. */
  problems: SettingsProblem[];
}

/**
 * The one place settings precedence is decided: defaults, then an installer's presets, then the
 * settings file, then the environment, then an installer's locked presets, then the policy. The app, the CLI and
 * the Settings screen (through the app) all read settings through this.
 */
export function resolveSettings(layers: SettingsLayers): ResolvedSettings {
  const envLayer: SettingsInput = {};
  for (const key of SETTING_KEYS) {
    const value = layers.env?.[SETTING_ENV[key]];
    if (value !== undefined && value !== '') envLayer[key] = value;
  }
  const ordered: [SettingSource, SettingsInput][] = [
    ['installer', layers.installer ?? {}],
    ['file', layers.file],
    ['env', envLayer],
    ['locked', layers.locked ?? {}],
    ['policy', layers.policy ?? {}],
  ];
  const input: SettingsInput = {};
  const sources = Object.fromEntries(SETTING_KEYS.map((k) => [k, 'default'])) as Record<
    keyof Settings,
    SettingSource
  >;
  for (const [source, layer] of ordered) {
    for (const key of SETTING_KEYS) {
      if (layer[key] === undefined) continue;
      input[key] = layer[key];
      sources[key] = source;
    }
  }
  return { input, values: withDefaults(input), sources, problems: findSettingsProblems(input) };
}

/** The environment variable of a client secret for one run: never stored anywhere. */
export const CLIENT_SECRET_ENV = 'COGNITO_CLIENT_SECRET';

/**
 * The client secret the environment gives, for the settings in effect: only when the same
 * environment names the provider and the client it belongs to (`COGNITO_DISCOVERY_URL` and
 * `COGNITO_CLIENT_ID`, both in effect). Otherwise another profile's provider, or a client an
 * installer locked, would receive it as client authentication.
 */
export function environmentClientSecret(
  env: NodeJS.ProcessEnv,
  sources: Pick<Record<keyof Settings, SettingSource>, 'discoveryUrl' | 'clientId'>,
): { secret: string | undefined; ignored: boolean } {
  const secret = env[CLIENT_SECRET_ENV]?.trim() || undefined;
  if (!secret) return { secret: undefined, ignored: false };
  const bound = sources.discoveryUrl === 'env' && sources.clientId === 'env';
  return bound ? { secret, ignored: false } : { secret: undefined, ignored: true };
}

const SOURCE_WORDS: Record<SettingSource, string> = {
  default: 'default',
  installer: 'installer preset',
  file: 'file',
  env: 'env',
  locked: 'installer (locked)',
  policy: 'policy',
};

/** One setting in effect and where it came from, in words: `env COGNITO_SCOPES`, `installer (locked)`… */
export interface SettingInEffect {
  key: keyof Settings;
  /** Null when not set (and no default). */
  value: string | null;
  source: string;
}

/** Every setting in effect with its source: what `config show` and Copy Diagnostics list. */
export function settingsInEffect(resolved: ResolvedSettings): SettingInEffect[] {
  return SETTING_KEYS.map((key) => {
    const source = resolved.sources[key];
    return {
      key,
      value: resolved.values[key] || null,
      source: source === 'env' ? `env ${SETTING_ENV[key]}` : SOURCE_WORDS[source],
    };
  });
}

/** The settings in effect, when they are valid; else throws `invalid_settings` naming the first problem. */
export function validResolvedSettings(resolved: ResolvedSettings): Settings {
  failOnProblems(resolved.problems);
  return resolved.values;
}
