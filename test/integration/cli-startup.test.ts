/**
 * What `cognito-desktop token` and `status` load on a valid session, as scripts run them many times
 * a minute: none of Node's network, TLS, crypto or fetch modules, nor i18next (each costs milliseconds to load,
 * `node:http` 33 ms on the CI machine; see docs/performance.md). A structural check of the built
 * CLI; the time itself is `npm run bench`'s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { TokenVault, sessionAccount } from '../../main/core/session/token-vault.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { storeExpiredSession } from '../support/stored-session.ts';

const ENDPOINTS = testEndpoints(47636, 'startup');
const parts = useProviderAndKeychain(ENDPOINTS);
/** Node's own modules a valid session's `token` must not load. */
const NOT_NEEDED = ['http', 'https', 'tls', 'crypto', 'internal/deps/undici/undici', 'worker_threads'];

beforeAll(() => {
  if (!existsSync('out/main/cli.js'))
    throw new Error('out/ is missing: run `npm run build` first (npm test does).');
});

it('token and status on a valid session load no network, TLS or crypto module', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-startup-'));
  const env = cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID);
  const session = await storeExpiredSession({
    configDir,
    env,
    provider: parts.emulator,
    endpoints: ENDPOINTS,
    clientId: PUBLIC_CLIENT_ID,
  });
  await new TokenVault(new KeytarSecretStore(), ENDPOINTS.keychainService).write(
    sessionAccount(parts.emulator.issuer, PUBLIC_CLIENT_ID),
    session,
  );
  const recorder = join(configDir, 'record-modules.cjs');
  writeFileSync(
    recorder,
    [
      // Packages too (i18next: the command line speaks English and never loads it).
      'const resolved = [];',
      "require('node:module').registerHooks({ resolve: (s, c, next) => { const r = next(s, c); resolved.push(r.url); return r; } });",
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_FILE, [...process.moduleLoadList, ...resolved].join('\\n')));",
    ].join('\n'),
  );
  for (const command of ['token', 'status']) {
    const modulesFile = join(configDir, `${command}.modules`);
    const run = spawnSync(process.execPath, ['--require', recorder, 'out/main/cli.js', command], {
      env: { ...process.env, ...env, MODULES_FILE: modulesFile },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const loaded = readFileSync(modulesFile, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs');
    expect(
      NOT_NEEDED.filter((name) => loaded.includes(`NativeModule ${name}`)),
      command,
    ).toEqual([]);
    expect(
      loaded.some((url) => url.includes('/chunks/cli-')),
      command,
    ).toBe(true);
    expect(
      loaded.filter((url) => /\/node_modules\/i18next\/|\/chunks\/de-/.test(url)),
      command,
    ).toEqual([]);
  }
});
