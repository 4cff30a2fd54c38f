/** The session the app stores in the real keychain: read it the app's way, or store one that must be refreshed. */
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import type { StoredSession } from '../../main/core/session/session.ts';
import { TokenVault, sessionAccount } from '../../main/core/session/token-vault.ts';
import { createAuthService } from '../../main/app/compose.ts';
import { JsonFileSettingsStore } from '../../main/adapters/json-file-settings-store.ts';
import { FormPostBrowser } from './form-post-browser.ts';

export async function readStoredSession(
  service: string,
  issuer: string,
  clientId: string,
): Promise<StoredSession> {
  const session = await new TokenVault(new KeytarSecretStore(), service).read<StoredSession>(
    sessionAccount(issuer, clientId),
  );
  if (!session) throw new Error('no session in the keychain');
  return session;
}

/**
 * A session stored the app's way (its wiring, form posts for the browser) in `configDir`, then
 * marked expired in the keychain: the next command must refresh it. Returns it as stored first.
 */
export async function storeExpiredSession(options: {
  configDir: string;
  env: Record<string, string>;
  /** The emulator: its sign-in pages' domain and its issuer. */
  provider: { domain: string; issuer: string };
  /** The test file's redirect URI and keychain service. */
  endpoints: { redirectUri: string; keychainService: string };
  clientId: string;
}): Promise<StoredSession> {
  const { provider, endpoints } = options;
  const browser = new FormPostBrowser(provider.domain, endpoints.redirectUri);
  const service = createAuthService({
    configDir: options.configDir,
    env: options.env,
    settingsStore: new JsonFileSettingsStore(options.configDir),
    secretStore: new KeytarSecretStore(),
    browser,
  });
  await service.signIn({ timeoutMs: 30_000 });
  await browser.settle();
  service.dispose();
  const vault = new TokenVault(new KeytarSecretStore(), endpoints.keychainService);
  const account = sessionAccount(provider.issuer, options.clientId);
  const session = (await vault.read<StoredSession>(account))!;
  await vault.write(account, { ...session, expiresAt: Date.now() - 1000 });
  return session;
}
