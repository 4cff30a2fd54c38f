/**
 * Builds the core services from settings and adapters. Shared by the CLI, the Electron main
 * process and the integration tests, so all three run the same wiring.
 */
import { join } from 'node:path';
import { AuthService } from '../core/auth-service.ts';
import type { Browser, Logger, SecretStore, SettingsStore } from '../core/ports.ts';
import type { Fetch, NetworkFor } from '../core/provider.ts';
import {
  resolveSettings,
  validResolvedSettings,
  type ResolvedSettings,
  type SettingsInput,
} from '../core/settings.ts';
import { AwsCredentialSource, type IdentityExchange } from '../core/aws-credentials.ts';
import { TokenVault, awsCredentialsAccount } from '../core/token-vault.ts';
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
  /** Settings under the file's (an installer's provider.json presets). */
  defaults?: SettingsInput;
  /** Settings over everything, environment included (an installer's locked presets). */
  overrides?: SettingsInput;
  /** The Identity Pool calls; by default the AWS SDK's. */
  identityExchange?: IdentityExchange;
}

/**
 * The settings in effect and where each comes from (core's one resolver). `file` is the settings
 * file's content when the caller has just read or written it (one read per action).
 */
export function resolveComposedSettings(
  options: ComposeOptions,
  file: SettingsInput = options.settingsStore.read(),
): ResolvedSettings {
  return resolveSettings({
    file,
    env: options.env ?? process.env,
    ...(options.defaults ? { installer: options.defaults } : {}),
    ...(options.overrides ? { locked: options.overrides } : {}),
  });
}

/**
 * An {@link AuthService} for the settings in effect (resolved here unless the caller already did).
 * Throws `invalid_settings` naming the bad setting. `COGNITO_CLIENT_SECRET` overrides the stored
 * secret in memory, like every other environment setting: it is never written to the keychain or
 * the settings file. Sessions are shared with the other processes of this user through a lock and
 * a change marker in the settings folder.
 */
export function createAuthService(
  options: ComposeOptions,
  resolved: ResolvedSettings = resolveComposedSettings(options),
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
    ...(options.logger ? { logger: options.logger } : {}),
    ...(fetch ? { fetch } : {}),
  });
  const secretFromEnv = (options.env ?? process.env).COGNITO_CLIENT_SECRET;
  if (secretFromEnv) service.useClientSecret(secretFromEnv);
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
    awsCredentialsAccount(settings.discoveryUrl, settings.clientId),
    systemClock,
  );
  service.on('session-changed', (change) => {
    if (change.type === 'signed-out') void source.forget();
  });
  return source;
}
