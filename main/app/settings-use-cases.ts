/**
 * The settings use cases of the app: what the Settings screen shows, validation while typing,
 * saving (the secret to the keychain only), the configuration check, and the development
 * emulator. Settings come from the one resolver (core's resolveSettings, through compose.ts) with
 * the installer's presets; a save rebuilds the session for the new settings.
 */
import type { AuthService } from '../core/session/auth-service.ts';
import { runDoctor } from '../core/doctor.ts';
import { AuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import type { Browser, Logger, SecretStore } from '../core/ports.ts';
import type { SettingsStore } from '../core/settings/profiles.ts';
import type { IdentityExchange } from '../core/aws/aws-credentials.ts';
import type { AccountsStore } from '../core/settings/accounts.ts';
import type { Fetch, NetworkFor } from '../core/network/network.ts';
import {
  SETTING_KEYS,
  SETTING_LABELS,
  findSettingsProblems,
  validateSettings,
  withDefaults,
  type SettingsInput,
} from '../core/settings/settings.ts';
import type {
  DoctorReportDto,
  SaveSettingsInput,
  SettingsDto,
  SettingsProblemDto,
  SettingsValidationDto,
  SettingsView,
} from '../../preload/contract.ts';
import { SETTINGS_FIELDS } from '../../preload/contract.ts';
import {
  lockedSettings,
  resolveComposedSettings,
  type ComposeOptions,
  type ProfileSettings,
} from './compose.ts';
import type { InstallerSettings } from './installer-settings.ts';
import type { Policy } from '../core/settings/policy.ts';
import { profileSettings, withProfileSettings, type SettingsDocument } from '../core/settings/profiles.ts';

export type { InstallerSettings } from './installer-settings.ts';

/** The local Cognito emulator, offered in development when nothing is configured. */
export interface EmulatorLauncher {
  /** Starts it (if needed) and returns the settings that point the app at it. */
  start(): Promise<SettingsInput & { clientSecret?: string }>;
}

/** What the settings use cases work with: where settings and secrets live, and the presets. */
export interface SettingsDeps {
  configDir: string;
  settingsStore: SettingsStore;
  secretStore: SecretStore;
  browser: Browser;
  env?: NodeJS.ProcessEnv;
  installer?: InstallerSettings;
  /** The organisation's policy; the app replaces it when the policy changes. */
  policy?: Policy;
  emulator?: EmulatorLauncher;
  fetch?: Fetch;
  networkFor?: NetworkFor;
  /** The Identity Pool calls; by default the AWS SDK's. */
  identityExchange?: IdentityExchange;
  /**
   * The network "Check configuration" uses for settings not saved yet, when it must not be the
   * live one (the app's: checking a proxy must not switch the app to it). Defaults to networkFor.
   */
  checkNetworkFor?: NetworkFor;
  logger?: Logger;
  /** Which accounts each profile has; by default `accounts.json` in the settings folder. */
  accounts?: AccountsStore;
  /** The OS's language (see ComposeOptions); by default Node's locale. */
  systemLanguage?: () => string;
}

/** What the settings use cases need of the session side: rebuilding it, and the current service. */
export interface SessionHost {
  /** Rebuilds the session for `resolved` (the settings just resolved by the caller). */
  rebuild(resolved: ProfileSettings): Promise<void>;
  service(): AuthService | undefined;
}

function pickDto(input: SettingsInput): SettingsDto {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, text(input[key])])) as SettingsDto;
}

/** The labels the Settings screen shows: core's table, the one that problem messages use. */
export function settingLabels(): Record<keyof SettingsDto, string> {
  return Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, t(SETTING_LABELS[key])])) as Record<
    keyof SettingsDto,
    string
  >;
}

export class SettingsUseCases {
  constructor(
    private readonly deps: SettingsDeps,
    private readonly session: SessionHost,
  ) {}

  /** The settings as the Settings screen shows them (resolved now unless the caller just did). */
  async settingsView(resolved: ProfileSettings = this.resolve()): Promise<SettingsView> {
    // The resolver says where each value came from: no second read of the file.
    const { input, values: inEffect, sources } = resolved;
    const locks = lockedSettings(this.deps, resolved.profile);
    return {
      values: pickDto(input),
      labels: settingLabels(),
      locked: SETTINGS_FIELDS.filter((k) => locks.by[k] !== undefined),
      managed: SETTINGS_FIELDS.filter((k) => locks.by[k] === 'policy'),
      fromInstaller: SETTINGS_FIELDS.filter((k) => sources[k] === 'installer'),
      hasClientSecret:
        (await this.session
          .service()
          ?.hasClientSecret()
          .catch(() => false)) ?? false,
      callbackUrl: inEffect.redirectUri,
      signOutUrl: inEffect.logoutUri,
    };
  }

  /** Problems with `values`, per field, and the URLs to register that they mean. */
  validate(values: SettingsDto): SettingsValidationDto {
    const input = this.withLocked(values, this.resolve().profile);
    const inEffect = withDefaults(input);
    return {
      problems: this.problemsOf(input),
      callbackUrl: inEffect.redirectUri,
      signOutUrl: inEffect.logoutUri,
    };
  }

  private problemsOf(input: SettingsInput): SettingsProblemDto[] {
    return findSettingsProblems(input).filter((p): p is SettingsProblemDto =>
      SETTINGS_FIELDS.includes(p.setting as keyof SettingsDto),
    );
  }

  /**
   * Validates and saves; the secret goes to the keychain only. Rebuilds the session for the new
   * settings. One read of the settings file (to keep what the screen does not edit), one write,
   * one resolution shared by the rebuild and the returned view.
   */
  async saveSettings(input: SaveSettingsInput): Promise<SettingsView> {
    const document = this.deps.settingsStore.read();
    const { profile } = this.resolve(document);
    const values = this.withLocked(input.values, profile);
    validateSettings(values);
    const stored = profileSettings(document, profile);
    for (const key of SETTINGS_FIELDS) {
      const value = values[key];
      if (typeof value === 'string' && value.trim() !== '') stored[key] = value.trim();
      else delete stored[key];
    }
    const saved = withProfileSettings(document, profile, stored);
    await this.deps.settingsStore.write(saved);
    const resolved = this.resolve(saved);
    await this.session.rebuild(resolved);
    if (input.clientSecret !== undefined) await this.requireService().setClientSecret(input.clientSecret);
    return this.settingsView(resolved);
  }

  /** Runs the configuration doctor on `values` (saved or not). */
  async checkConfiguration(values: SettingsDto): Promise<DoctorReportDto> {
    const resolved = this.resolve();
    return this.check({ ...resolved.input, ...this.withLocked(values, resolved.profile) }, resolved.profile);
  }

  /** Runs the configuration doctor on the settings in effect (for diagnostics). */
  checkInEffect(resolved: ProfileSettings = this.resolve()): Promise<DoctorReportDto> {
    return this.check(resolved.input, resolved.profile);
  }

  private check(input: SettingsInput, profile: string): Promise<DoctorReportDto> {
    const networkFor = this.deps.checkNetworkFor ?? this.deps.networkFor;
    return runDoctor({
      input,
      profile,
      ...(this.deps.policy ? { policy: this.deps.policy } : {}),
      secretStore: this.deps.secretStore,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(networkFor ? { networkFor } : {}),
    });
  }

  /** Development: start the local emulator and point the app at it. */
  async useEmulator(): Promise<void> {
    if (!this.deps.emulator)
      throw new AuthError(
        'invalid_settings',
        t('The local emulator is offered only in development (npm start).'),
      );
    const { clientSecret, ...values } = await this.deps.emulator.start();
    const document = this.deps.settingsStore.read();
    const { profile } = this.resolve(document);
    const stored = withProfileSettings(document, profile, {
      ...profileSettings(document, profile),
      ...values,
    });
    await this.deps.settingsStore.write(stored);
    await this.session.rebuild(this.resolve(stored));
    if (clientSecret !== undefined) await this.requireService().setClientSecret(clientSecret);
  }

  /** The wiring the CLI uses too (./compose.ts), with the installer's presets. */
  composeOptions(): ComposeOptions {
    const { fetch, networkFor, logger, identityExchange, systemLanguage } = this.deps;
    return {
      configDir: this.deps.configDir,
      settingsStore: this.deps.settingsStore,
      secretStore: this.deps.secretStore,
      browser: this.deps.browser,
      env: this.deps.env ?? {},
      ...(this.deps.installer ? { installer: this.deps.installer } : {}),
      ...(this.deps.policy ? { policy: this.deps.policy } : {}),
      ...(this.deps.accounts ? { accounts: this.deps.accounts } : {}),
      ...(fetch ? { fetch } : {}),
      ...(networkFor ? { networkFor } : {}),
      ...(logger ? { logger } : {}),
      ...(identityExchange ? { identityExchange } : {}),
      ...(systemLanguage ? { systemLanguage } : {}),
    };
  }

  /** The settings in effect (the one resolver's answer); `document` when the caller has it in hand. */
  resolve(document?: SettingsDocument): ProfileSettings {
    return resolveComposedSettings(this.composeOptions(), document);
  }

  private withLocked(values: SettingsInput, profile: string): SettingsInput {
    const result: SettingsInput = {};
    for (const key of SETTING_KEYS) if (values[key] !== undefined) result[key] = values[key];
    return { ...result, ...lockedSettings(this.deps, profile).values };
  }

  private requireService(): AuthService {
    const service = this.session.service();
    if (!service) throw new AuthError('invalid_settings', t('The settings in effect are not valid yet.'));
    return service;
  }
}
