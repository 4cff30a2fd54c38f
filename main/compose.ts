/**
 * Builds the core services from settings and adapters. Shared by the CLI, the Electron main
 * process and the integration tests, so all three run the same wiring.
 */
import { AuthService } from './core/auth-service.ts';
import { isAuthError } from './core/errors.ts';
import type { Browser, Logger, SecretStore, SettingsStore } from './core/ports.ts';
import type { Fetch } from './core/provider.ts';
import { applyEnvOverrides, validateSettings, type SettingsInput } from './core/settings.ts';

export interface ComposeOptions {
  configDir: string;
  settingsStore: SettingsStore;
  secretStore: SecretStore;
  browser: Browser;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  fetch?: Fetch;
  /** Settings under the file's (an installer's provider.json presets). */
  defaults?: SettingsInput;
  /** Settings over everything, environment included (an installer's locked presets). */
  overrides?: SettingsInput;
}

/** The settings in effect: defaults, then the file, then environment variables, then overrides. */
export function effectiveSettingsInput(options: ComposeOptions): SettingsInput {
  const fromFile = { ...options.defaults, ...options.settingsStore.read() };
  return { ...applyEnvOverrides(fromFile, options.env ?? process.env), ...options.overrides };
}

/**
 * An {@link AuthService} for the effective settings. Throws `invalid_settings` naming the bad
 * setting. `COGNITO_CLIENT_SECRET` is read once and kept in the keychain (or in memory when the
 * keychain is unavailable); it is never written to the settings file.
 */
export async function createAuthService(options: ComposeOptions): Promise<AuthService> {
  const settings = validateSettings(effectiveSettingsInput(options));
  const service = new AuthService({
    settings,
    secretStore: options.secretStore,
    browser: options.browser,
    configDir: options.configDir,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const secretFromEnv = (options.env ?? process.env).COGNITO_CLIENT_SECRET;
  if (secretFromEnv) {
    await service.setClientSecret(secretFromEnv).catch((error: unknown) => {
      if (!isAuthError(error, 'keychain_unavailable')) throw error;
      options.logger?.warn(
        `${error.message} The client secret from COGNITO_CLIENT_SECRET is used for this run only.`,
      );
    });
  }
  return service;
}
