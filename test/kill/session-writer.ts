/**
 * One writer process of the kill test: refreshes the shared session again and again (each round
 * with a clock an hour further on, so each round must refresh) through the same lock, keychain and
 * vault layout the app uses, until it is killed. Prints "ready" once, before its first round.
 *
 *   node --import tsx test/kill/session-writer.ts CONFIG_JSON
 */
import { join } from 'node:path';
import type { VaultLayout } from '../../main/core/session/token-vault.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { FileSessionLock } from '../../main/adapters/file-session-lock.ts';
import { FileSessionSignal } from '../../main/adapters/file-session-signal.ts';
import { buildAuthService } from '../support/build-auth-service.ts';

export interface WriterConfig {
  configDir: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  keychainService: string;
  layout: VaultLayout;
}

const config = JSON.parse(process.argv[2] ?? '{}') as WriterConfig;
const sync = join(config.configDir, 'sync');
const secretStore = new KeytarSecretStore();
process.stdout.write('ready\n');
for (let round = 1; ; round++) {
  const service = buildAuthService(config, {
    clientId: config.clientId,
    secretStore,
    browser: { open: () => Promise.resolve() },
    configDir: config.configDir,
    clock: { now: () => Date.now() + round * 2 * 3600_000 },
    keychainLayout: config.layout,
    lock: new FileSessionLock(sync),
    signal: new FileSessionSignal(sync),
  });
  try {
    await service.getAccessToken();
  } catch {
    // Signed out by a refused refresh (a killed writer lost a rotated token): nothing to refresh.
    process.exit(0);
  }
}
