/**
 * One way to build an {@link AuthService} against a provider with ports of the caller's choosing:
 * the tests' harness and the benchmark use it. No test runner needed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthService, type AuthServiceDeps } from '../../main/core/session/auth-service.ts';
import { validateSettings, type SettingsInput } from '../../main/core/settings/settings.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';

/** Where a service signs in: the provider's issuer and the app's loopback addresses. */
export interface HarnessProvider {
  issuer: string;
  redirectUri: string;
  logoutUri?: string;
  keychainService?: string;
}

/**
 * An AuthService for `provider` with `ports` (a keychain and a browser at least), its settings
 * validated from the provider's and `settings`, a settings folder of its own unless one is given.
 */
export function buildAuthService(
  provider: HarnessProvider,
  ports: Omit<AuthServiceDeps, 'settings'> & { settings?: SettingsInput; clientId?: string },
): AuthService {
  const { settings, clientId, ...deps } = ports;
  return new AuthService({
    settings: validateSettings({
      discoveryUrl: provider.issuer,
      clientId: clientId ?? PUBLIC_CLIENT_ID,
      redirectUri: provider.redirectUri,
      ...(provider.logoutUri ? { logoutUri: provider.logoutUri } : {}),
      ...(provider.keychainService ? { keychainService: provider.keychainService } : {}),
      ...settings,
    }),
    ...deps,
    configDir: deps.configDir ?? mkdtempSync(join(tmpdir(), 'cognito-desktop-auth-')),
  });
}
