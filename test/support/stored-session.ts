/** Reads the session the app stored in the real keychain, the way the app reads it (for assertions). */
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import type { StoredSession } from '../../main/core/session.ts';
import { TokenVault, sessionAccount } from '../../main/core/token-vault.ts';

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
