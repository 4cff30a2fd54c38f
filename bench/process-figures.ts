/**
 * Figures of whole CLI processes, as scripts run them: `token` and `status` on a valid session
 * against the floor of any such command (starting Node plus one native keychain read with
 * `secret-tool`), `aws-credentials` with credentials cached in the keychain against `token`, and N
 * `token` processes at once on an expired session (one refresh between them).
 * Runs the built CLI (out/main/cli.js), and the installed command (the standalone executable
 * out/cli/cognito-desktop) against it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { StoredSession } from '../main/core/session/session.ts';
import { TokenVault, sessionAccount } from '../main/core/session/token-vault.ts';
import { KeytarSecretStore } from '../main/adapters/keytar-secret-store.ts';
import type { CognitoEmulator } from '../test/idp/emulator.ts';
import { PUBLIC_CLIENT_ID } from '../test/idp/directory.ts';
import type { Figure } from './extra-figures.ts';

const CLI = 'out/main/cli.js';
/** The installed command: the standalone executable `npm run build` makes. */
const INSTALLED_CLI = 'out/cli/cognito-desktop';
const RUNS = 15;
const PROCESSES = 8;

/** The middle of `values` (the upper one of two). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(argv: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: 'ignore' });
    child.on('close', (code) => resolve({ ms: performance.now() - started, code: code ?? -1 }));
  });
}

async function medianMs(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return (await interleavedMedians([argv], env))[0]!;
}

/**
 * The median time of each command, run in turns (a, b, c, a, b, c…) rather than one after the
 * other: a change in the machine's load then weighs on every command alike, and a ratio between
 * them holds. The first two rounds warm caches and are dropped. Each command may bring its own
 * environment.
 */
export async function interleavedMedians(
  commands: (string[] | { argv: string[]; env: NodeJS.ProcessEnv })[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number[]> {
  const runs = commands.map((c) => (Array.isArray(c) ? { argv: c, env } : c));
  const times: number[][] = runs.map(() => []);
  for (let i = 0; i < RUNS + 2; i++) {
    for (const [index, run] of runs.entries()) {
      const { ms, code } = await timed(run.argv, run.env);
      if (code !== 0) throw new Error(`${run.argv.join(' ')} exited ${code}`);
      if (i >= 2) times[index]!.push(ms);
    }
  }
  return times.map(median);
}

/** The figures; a valid session for PUBLIC_CLIENT_ID must be stored under `keychainService`. */
export async function processFigures(options: {
  emulator: CognitoEmulator;
  configDir: string;
  redirectUri: string;
  keychainService: string;
}): Promise<Figure[]> {
  if (!existsSync(CLI) && spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status !== 0) {
    throw new Error('npm run build failed');
  }
  const { emulator, keychainService } = options;
  const account = sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID);
  const env = {
    ...process.env,
    COGNITO_DESKTOP_CONFIG_DIR: options.configDir,
    COGNITO_DISCOVERY_URL: emulator.issuer,
    COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
    COGNITO_REDIRECT_URI: options.redirectUri,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: keychainService,
    ...(emulator.aws
      ? {
          COGNITO_IDENTITY_POOL_ID: emulator.aws.identityPoolId,
          AWS_ENDPOINT_URL_COGNITO_IDENTITY: emulator.aws.endpoint,
        }
      : {}),
  };
  const [node, lookup, token, status] = (await interleavedMedians(
    [
      [process.execPath, '-e', '0'],
      ['secret-tool', 'lookup', 'service', keychainService, 'account', account],
      [process.execPath, CLI, 'token'],
      [process.execPath, CLI, 'status'],
    ],
    env,
  )) as [number, number, number, number];
  const floor = node + lookup;
  const figures: Figure[] = [
    { name: 'process_floor_node_start', value: node, unit: 'ms' },
    { name: 'process_floor_keychain_lookup', value: lookup, unit: 'ms' },
    { name: 'cli_token_valid_session', value: token, unit: 'ms' },
    { name: 'cli_token_vs_floor', value: token / floor, unit: 'x', target: { max: 1.5 } },
    { name: 'cli_status_valid_session', value: status, unit: 'ms' },
    { name: 'cli_status_vs_floor', value: status / floor, unit: 'x', target: { max: 1.5 } },
  ];
  if (existsSync(INSTALLED_CLI)) {
    const installed = await medianMs([INSTALLED_CLI, 'token'], env);
    figures.push(
      { name: 'installed_cli_token_valid_session', value: installed, unit: 'ms' },
      { name: 'installed_cli_token_vs_node_cli', value: installed / token, unit: 'x' },
      { name: 'installed_cli_size', value: statSync(INSTALLED_CLI).size / 1e6, unit: 'MB' },
    );
  }
  if (emulator.aws) {
    // The first call fetches from the Identity Pool (not timed: medianMs drops two warm-up runs);
    // the rest read the credentials the first stored in the keychain.
    const fetches = emulator.aws.calls.GetCredentialsForIdentity ?? 0;
    const aws = await medianMs([process.execPath, CLI, 'aws-credentials'], env);
    figures.push(
      { name: 'cli_aws_credentials_cached', value: aws, unit: 'ms' },
      { name: 'cli_aws_credentials_vs_token', value: aws / token, unit: 'x' },
      {
        name: 'cli_aws_credentials_identity_pool_calls',
        value: (emulator.aws.calls.GetCredentialsForIdentity ?? 0) - fetches,
        unit: 'requests',
        target: { max: 1 },
      },
    );
  }

  // N processes at once on an expired session: one refresh between them.
  const vault = new TokenVault(new KeytarSecretStore(), keychainService);
  const session = (await vault.read<StoredSession>(account))!;
  await vault.write(account, { ...session, expiresAt: Date.now() - 1000 });
  const before = emulator.countRequests('/oauth2/token', 'refresh_token');
  const started = performance.now();
  const runs = await Promise.all(
    Array.from({ length: PROCESSES }, () => timed([process.execPath, CLI, 'token'], env)),
  );
  const wall = performance.now() - started;
  const failed = runs.filter((r) => r.code !== 0).length;
  figures.push(
    {
      name: `cli_token_${PROCESSES}_processes_expired_failures`,
      value: failed,
      unit: 'processes',
      target: { max: 0 },
    },
    {
      name: `cli_token_${PROCESSES}_processes_expired_refreshes`,
      value: emulator.countRequests('/oauth2/token', 'refresh_token') - before,
      unit: 'requests',
      target: { max: 1 },
    },
    { name: `cli_token_${PROCESSES}_processes_expired_wall`, value: wall, unit: 'ms' },
  );
  return figures;
}
