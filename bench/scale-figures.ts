/**
 * Scale on one desktop: many profiles (one per environment or customer) and many accounts. Each
 * case is a settings folder of its own, with a keychain service of its own holding one valid
 * session per account:
 * - `token` and `status` (whole processes, run in turns with the 1-profile/1-account case) at 10
 *   and 50 profiles and at 20 and 200 accounts, as ratios to that case;
 * - keychain reads per account listed by `status --all` / `account list --all-profiles` (the
 *   listing code, with a store that counts), and those commands' whole-process time;
 * - the app controller's start to "session shown" with 200 accounts against 1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { KeytarSecretStore } from '../main/adapters/keytar-secret-store.ts';
import { JsonFileSettingsStore } from '../main/adapters/json-file-settings-store.ts';
import { FileAccountsStore } from '../main/adapters/file-accounts-store.ts';
import { ProfilesAndAccounts } from '../main/app/profiles-and-accounts.ts';
import { AppController } from '../main/app/app-controller.ts';
import type { SecretStore } from '../main/core/ports.ts';
import type { StoredSession } from '../main/core/session/session.ts';
import { TokenVault, sessionAccount } from '../main/core/session/token-vault.ts';
import { FIRST_ACCOUNT } from '../main/core/settings/accounts.ts';
import { DEFAULT_PROFILE } from '../main/core/settings/profiles.ts';
import { PUBLIC_CLIENT_ID } from '../test/idp/directory.ts';
import type { Figure } from './extra-figures.ts';
import { interleavedMedians, median } from './process-figures.ts';

const CLI = 'out/main/cli.js';
const APP_STARTS = 9;

interface ScaleCase {
  profiles: number;
  accounts: number;
  configDir: string;
  keychainService: string;
  env: NodeJS.ProcessEnv;
}

/** A settings folder with `profiles` profiles (all of one pool) and `accounts` signed-in accounts in the default one. */
async function scaleCase(
  profiles: number,
  accounts: number,
  base: { issuer: string; redirectUri: string; keychainService: string; session: StoredSession },
): Promise<ScaleCase> {
  const configDir = mkdtempSync(join(tmpdir(), `cognito-desktop-scale-${profiles}-${accounts}-`));
  const keychainService = `${base.keychainService}-scale-${profiles}-${accounts}`;
  const settings = { discoveryUrl: base.issuer, clientId: PUBLIC_CLIENT_ID, redirectUri: base.redirectUri };
  const named = Object.fromEntries(
    Array.from({ length: profiles - 1 }, (_, i) => [`env${i + 1}`, { ...settings }]),
  );
  await new JsonFileSettingsStore(configDir).write({ ...settings, profiles: named });
  const ids = [FIRST_ACCOUNT, ...Array.from({ length: accounts - 1 }, (_, i) => `a${i + 1}`)];
  await new FileAccountsStore(configDir).update((state) => ({
    state: {
      ...state,
      profiles: {
        [DEFAULT_PROFILE]: {
          active: FIRST_ACCOUNT,
          accounts: ids.map((id, i) => ({ id, name: `user${i}@example.com` })),
        },
      },
    },
    result: undefined,
  }));
  const vault = new TokenVault(new KeytarSecretStore(), keychainService);
  for (const id of ids)
    await vault.write(sessionAccount(base.issuer, PUBLIC_CLIENT_ID, { account: id }), base.session);
  const env = {
    ...process.env,
    COGNITO_DESKTOP_CONFIG_DIR: configDir,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: keychainService,
  };
  return { profiles, accounts, configDir, keychainService, env };
}

/** A keychain that counts its reads. */
function countingStore(): SecretStore & { reads: number } {
  const inner = new KeytarSecretStore();
  const store = {
    reads: 0,
    get: (service: string, account: string) => {
      store.reads++;
      return inner.get(service, account);
    },
    set: inner.set.bind(inner),
    delete: inner.delete.bind(inner),
  };
  return store;
}

function options(c: ScaleCase, secretStore: SecretStore = new KeytarSecretStore()) {
  return {
    configDir: c.configDir,
    settingsStore: new JsonFileSettingsStore(c.configDir),
    secretStore,
    browser: { open: () => Promise.reject(new Error('no browser in the benchmark')) },
    env: { COGNITO_DESKTOP_KEYCHAIN_SERVICE: c.keychainService },
  };
}

/** From a new controller's init to its first signed-in state, ms. */
async function appStart(c: ScaleCase): Promise<number> {
  let shownAt = 0;
  const started = performance.now();
  const app = new AppController({
    ...options(c),
    clipboard: { writeText: () => Promise.resolve() },
    onStateChanged: (state) => {
      if (state.status === 'signed-in' && shownAt === 0) shownAt = performance.now();
    },
  });
  await app.init();
  app.dispose();
  if (shownAt === 0) throw new Error('the app did not show the session');
  return shownAt - started;
}

export async function scaleFigures(base: {
  issuer: string;
  redirectUri: string;
  keychainService: string;
  session: StoredSession;
}): Promise<Figure[]> {
  const shapes: [number, number][] = [
    [1, 1],
    [10, 1],
    [50, 1],
    [1, 20],
    [1, 200],
  ];
  const cases: ScaleCase[] = [];
  for (const [profiles, accounts] of shapes) cases.push(await scaleCase(profiles, accounts, base));
  const figures: Figure[] = [];
  try {
    const [baseline] = cases as [ScaleCase];
    for (const command of ['token', 'status']) {
      for (const c of cases.slice(1)) {
        const [one, many] = (await interleavedMedians([
          { argv: [process.execPath, CLI, command], env: baseline.env },
          { argv: [process.execPath, CLI, command], env: c.env },
        ])) as [number, number];
        figures.push({
          name: `scale_cli_${command}_${c.profiles}_profiles_${c.accounts}_accounts_vs_1_1`,
          value: many / one,
          unit: 'x',
          target: { max: 1.1 },
        });
      }
    }
    for (const c of cases.filter((c) => c.profiles === 1)) {
      const store = countingStore();
      const listed = await new ProfilesAndAccounts(options(c, store)).list();
      figures.push({
        name: `scale_list_${c.accounts}_accounts_keychain_reads_per_account`,
        value: store.reads / listed.length,
        unit: 'reads',
        target: { max: 1 },
      });
      const [statusAll, accountList] = (await interleavedMedians([
        { argv: [process.execPath, CLI, 'status', '--all'], env: c.env },
        { argv: [process.execPath, CLI, 'account', 'list', '--all-profiles'], env: c.env },
      ])) as [number, number];
      figures.push(
        { name: `scale_cli_status_all_${c.accounts}_accounts`, value: statusAll, unit: 'ms' },
        {
          name: `scale_cli_account_list_all_profiles_${c.accounts}_accounts`,
          value: accountList,
          unit: 'ms',
        },
      );
    }
    const one = cases.find((c) => c.profiles === 1 && c.accounts === 1)!;
    const many = cases.find((c) => c.accounts === 200)!;
    const starts: [number[], number[]] = [[], []];
    for (let i = 0; i < APP_STARTS + 1; i++) {
      const [a, b] = [await appStart(one), await appStart(many)];
      // The first round warms the caches.
      if (i === 0) continue;
      starts[0].push(a);
      starts[1].push(b);
    }
    figures.push(
      { name: 'scale_app_start_to_session_1_account', value: median(starts[0]), unit: 'ms' },
      { name: 'scale_app_start_to_session_200_accounts', value: median(starts[1]), unit: 'ms' },
      {
        name: 'scale_app_start_to_session_200_vs_1_account',
        value: median(starts[1]) / median(starts[0]),
        unit: 'x',
        target: { max: 1.2 },
      },
    );
  } finally {
    for (const c of cases)
      for (const entry of await keytar.findCredentials(c.keychainService))
        await keytar.deletePassword(c.keychainService, entry.account);
  }
  return figures;
}
