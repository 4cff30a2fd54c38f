/**
 * Builds the core services from settings and adapters. Shared by the CLI, the Electron main
 * process and the integration tests, so all three run the same wiring.
 */
import { join } from 'node:path';
import { AuthService } from '../core/session/auth-service.ts';
import type { Browser, Logger, SecretStore } from '../core/ports.ts';
import type { SettingsStore } from '../core/settings/profiles.ts';
import type { Fetch, NetworkFor } from '../core/network/network.ts';
import {
  environmentClientSecret,
  resolveSettings,
  validResolvedSettings,
  type ResolvedSettings,
} from '../core/settings/resolve-settings.ts';
import { t } from '../core/i18n.ts';
import { policyValues, withPolicyProfiles, type Policy } from '../core/settings/policy.ts';
import type { Settings, SettingsInput } from '../core/settings/settings.ts';
import { profileSettings, selectedProfile, type SettingsDocument } from '../core/settings/profiles.ts';
import {
  accountsOf,
  findAccount,
  type AccountsState,
  type AccountsStore,
} from '../core/settings/accounts.ts';
import {
  installerPresets,
  installerProfiles,
  lockedInstallerSettings,
  type InstallerSettings,
} from './installer-settings.ts';
import { FileAccountsStore } from '../adapters/file-accounts-store.ts';
import { AwsCredentialSource, type IdentityExchange } from '../core/aws/aws-credentials.ts';
import { TokenVault, awsCredentialsAccount } from '../core/session/token-vault.ts';
import { systemClock } from '../core/ports.ts';
import { awsSdkIdentityExchange } from '../adapters/cognito-identity.ts';
import { FileSessionLock } from '../adapters/file-session-lock.ts';
import { FileSessionSignal } from '../adapters/file-session-signal.ts';

export interface ComposeOptions {
  configDir: string;
  settingsStore: SettingsStore;
  secretStore: SecretStore;
  browser: Browser;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** A fixed fetch (tests, the benchmark); else the one {@link networkFor} builds. */
  fetch?: Fetch;
  /** The program's network for the settings in effect: the CLI's (proxy, extra CAs) or the app's. */
  networkFor?: NetworkFor;
  /** An installer's presets (provider.json): under the file's settings, locked ones over the environment. */
  installer?: InstallerSettings;
  /** The organisation's policy (adapters/policy): over everything, every value locked. */
  policy?: Policy;
  /** The profile to use (`--profile`); else `COGNITO_PROFILE`, else the file's selection. */
  profile?: string;
  /** The account to use (`--account`: its id or name); else the profile's active one. */
  account?: string;
  /** Which accounts each profile has; by default `accounts.json` in the settings folder. */
  accounts?: AccountsStore;
  /** The Identity Pool calls; by default the AWS SDK's. */
  identityExchange?: IdentityExchange;
  /**
   * The OS's language (`de-DE`), which an empty language setting follows: the app asks Electron
   * (Node's locale misses the user's language on macOS and Windows); by default Node's.
   */
  systemLanguage?: () => string;
}

/** The settings of one profile, resolved. */
export interface ProfileSettings extends ResolvedSettings {
  profile: string;
  /** The settings file they were resolved from (one read per action). */
  document: SettingsDocument;
  /** The accounts as read for the same resolution (the profile chosen, each one's active account). */
  accounts: AccountsState;
}

/**
 * The settings in effect for the profile in use and where each comes from (core's one resolver:
 * the installer's presets for that profile, its part of the file, the environment, the locked
 * presets, the policy). `document` and `accounts` are the two files when the caller has them in hand.
 */
export function resolveComposedSettings(
  options: ComposeOptions,
  document: SettingsDocument = options.settingsStore.read(),
  accounts: AccountsState = accountsStore(options).read(),
): ProfileSettings {
  const profile = selectedProfile(document, organisationProfiles(options), {
    flag: options.profile,
    env: options.env ?? process.env,
    chosen: accounts.profile,
  });
  const presets = installerPresets(options.installer, profile);
  const resolved = resolveSettings({
    file: profileSettings(document, profile),
    env: options.env ?? process.env,
    ...(presets ? { installer: presets.values, locked: lockedInstallerSettings(presets) } : {}),
    policy: policyValues(options.policy, profile),
  });
  return { ...resolved, profile, document, accounts };
}

/** The profiles the organisation defines: the installer's and the policy's. */
export function organisationProfiles(options: Pick<ComposeOptions, 'installer' | 'policy'>) {
  return withPolicyProfiles(installerProfiles(options.installer), options.policy);
}

/** Who does not let people add profiles of their own: the policy, the installer, or nobody. */
export function newProfilesForbiddenBy(
  options: Pick<ComposeOptions, 'installer' | 'policy'>,
): 'policy' | 'installer' | undefined {
  if (options.policy?.userProfiles === false) return 'policy';
  if (options.installer?.userProfiles === false) return 'installer';
  return undefined;
}

/** Who locked a setting of a profile: the organisation's policy, or its installer. */
export type LockedBy = 'policy' | 'installer';

/**
 * The settings of `profile` nobody may change here, their values and who locked each: the
 * installer's locked presets, and everything the policy sets (which wins where both do).
 */
export function lockedSettings(
  options: Pick<ComposeOptions, 'installer' | 'policy'>,
  profile: string,
): { values: SettingsInput; by: Partial<Record<keyof Settings, LockedBy>> } {
  const installer = lockedInstallerSettings(installerPresets(options.installer, profile));
  const policy = policyValues(options.policy, profile);
  const by: Partial<Record<keyof Settings, LockedBy>> = {};
  for (const key of Object.keys(installer) as (keyof Settings)[]) by[key] = 'installer';
  for (const key of Object.keys(policy) as (keyof Settings)[]) by[key] = 'policy';
  return { values: { ...installer, ...policy }, by };
}

/** The accounts store of `options`: theirs, or the file in the settings folder. */
export function accountsStore(options: ComposeOptions): AccountsStore {
  return options.accounts ?? new FileAccountsStore(options.configDir);
}

/**
 * The account a command acts on in the resolved profile: `--account` when given (by id or name),
 * else the profile's active one.
 */
export function accountInUse(options: ComposeOptions, resolved: ProfileSettings): string {
  if (options.account !== undefined)
    return findAccount(resolved.accounts, resolved.profile, options.account).id;
  return accountsOf(resolved.accounts, resolved.profile).active;
}

/**
 * An {@link AuthService} for the settings in effect (resolved here unless the caller already did).
 * Throws `invalid_settings` naming the bad setting. `COGNITO_CLIENT_SECRET` overrides the stored
 * secret in memory, for the provider and client the same environment names (core's
 * `environmentClientSecret`): it is never written to the keychain or the settings file. Sessions are shared with the other processes of this user through a lock and
 * a change marker in the settings folder.
 */
export function createAuthService(
  options: ComposeOptions,
  resolved: ProfileSettings = resolveComposedSettings(options),
  account: string = accountInUse(options, resolved),
): AuthService {
  const settings = validResolvedSettings(resolved);
  const fetch = options.fetch ?? options.networkFor?.(settings).fetch;
  const sharedDir = join(options.configDir, 'sync');
  const service = new AuthService({
    settings,
    secretStore: options.secretStore,
    browser: options.browser,
    configDir: options.configDir,
    lock: new FileSessionLock(sharedDir),
    signal: new FileSessionSignal(sharedDir),
    scope: { profile: resolved.profile, account },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(fetch ? { fetch } : {}),
    ...(options.systemLanguage ? { osLocale: options.systemLanguage() } : {}),
  });
  const fromEnv = environmentClientSecret(options.env ?? process.env, resolved.sources);
  if (fromEnv.secret) service.useClientSecret(fromEnv.secret);
  if (fromEnv.ignored)
    options.logger?.warn(
      t(
        'COGNITO_CLIENT_SECRET is ignored: it is used only when COGNITO_DISCOVERY_URL and COGNITO_CLIENT_ID in the same environment name the provider and client it belongs to.',
      ),
    );
  return service;
}

/**
 * The AWS credentials of `service`'s session (its Identity Pool setting), kept in the same keychain
 * service as the session; a sign-out through `service` forgets them.
 */
export function createAwsCredentials(options: ComposeOptions, service: AuthService): AwsCredentialSource {
  const { settings } = service;
  const source = new AwsCredentialSource(
    service,
    options.identityExchange ?? awsSdkIdentityExchange(),
    new TokenVault(options.secretStore, settings.keychainService),
    awsCredentialsAccount(settings.discoveryUrl, settings.clientId, service.scope),
    systemClock,
  );
  service.on('session-changed', (change) => {
    if (change.type === 'signed-out') void source.forget();
  });
  return source;
}
