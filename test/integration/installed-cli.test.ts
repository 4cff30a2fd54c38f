/**
 * The installed `cognito-desktop` command: the standalone executable `npm run build` makes
 * (out/cli), laid out as an installed app has it (`resources/cli/cognito-desktop` beside
 * `resources/provider.json`), run as a user's shell runs it — no Node, no clone. It signs in through
 * the system browser, keeps the session in the real keychain, honours the installer's locked
 * presets, and gets AWS credentials from the emulator's Identity Pool.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { SYSTEM_BROWSER_COMMAND } from '../support/system-browser-log.ts';
import { testEndpoints, useRealParts } from '../support/real-parts.ts';
import type { CliRun } from '../support/cli-process.ts';

const ENDPOINTS = testEndpoints(47633, 'installed-cli');
const parts = useRealParts({ ...ENDPOINTS, chromium: false, identityPool: true });

let resources: string;
let configDir: string;

beforeAll(() => {
  if (!existsSync('out/cli/cognito-desktop'))
    throw new Error('out/cli is missing: run `npm run build` first (npm test does).');
  resources = join(mkdtempSync(join(tmpdir(), 'installed-app-')), 'resources');
  cpSync('out/cli', join(resources, 'cli'), { recursive: true });
  // The installer's presets: the pool and the redirect URI, locked.
  writeFileSync(
    join(resources, 'provider.json'),
    JSON.stringify({
      settings: {
        discoveryUrl: parts.emulator.issuer,
        clientId: PUBLIC_CLIENT_ID,
        redirectUri: ENDPOINTS.redirectUri,
        logoutUri: ENDPOINTS.logoutUri,
        identityPoolId: parts.emulator.aws!.identityPoolId,
      },
      locked: ['discoveryUrl', 'clientId'],
    }),
  );
  configDir = mkdtempSync(join(tmpdir(), 'installed-cli-config-'));
});

/** Runs the installed command with only what a user's shell has (no COGNITO_* presets, no Node). */
function installed(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(join(resources, 'cli', 'cognito-desktop'), args, {
      env: {
        // The test's "system browser" is a TypeScript program run by the test's Node; the command
        // itself needs none.
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: process.env.HOME,
        DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
        XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR,
        COGNITO_DESKTOP_CONFIG_DIR: configDir,
        COGNITO_DESKTOP_KEYCHAIN_SERVICE: ENDPOINTS.keychainService,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY: parts.emulator.aws!.endpoint,
        BROWSER: SYSTEM_BROWSER_COMMAND,
        ...extraEnv,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

describe('the installed command', () => {
  it('uses the installer’s presets and refuses to change a locked one', async () => {
    const show = await installed(['config', 'show', '--json']);
    expect(show.code).toBe(0);
    const rows = (JSON.parse(show.stdout) as { settings: { key: string; source: string }[] }).settings;
    expect(rows.find((r) => r.key === 'discoveryUrl')?.source).toBe('installer (locked)');
    expect(rows.find((r) => r.key === 'redirectUri')?.source).toBe('installer preset');
    const change = await installed(['config', 'set', 'clientId', 'another']);
    expect(change.code).toBe(2);
    expect(change.stderr).toContain("set by your organisation's installer");
  });

  it('never reads a policy file the environment names (the development switch): a user cannot step around the policy', async () => {
    const policyFile = join(mkdtempSync(join(tmpdir(), 'installed-cli-policy-')), 'policy.json');
    writeFileSync(
      policyFile,
      JSON.stringify({ discoveryUrl: 'https://elsewhere.example', scopes: 'openid' }),
    );
    const show = await installed(['config', 'show', '--json'], { COGNITO_DESKTOP_POLICY_FILE: policyFile });
    expect(show.code).toBe(0);
    const rows = (JSON.parse(show.stdout) as { settings: { key: string; source: string }[] }).settings;
    expect(rows.find((r) => r.key === 'discoveryUrl')?.source).toBe('installer (locked)');
    expect(rows.find((r) => r.key === 'scopes')?.source).toBe('default');
  });

  it('login → status → token → aws-credentials → logout, with the keychain and the emulator', async () => {
    const login = await installed(['login', '--timeout', '60']);
    expect(login.stderr).toContain('Waiting for you to finish in your browser');
    expect(login.stdout).toContain('Signed in as alice@example.com');
    expect(login.code).toBe(0);
    expect((await installed(['status'])).code).toBe(0);
    const token = await installed(['token']);
    expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const aws = await installed(['aws-credentials']);
    expect(aws.code).toBe(0);
    expect(JSON.parse(aws.stdout)).toMatchObject({ Version: 1 });
    expect((await installed(['logout', '--no-browser'])).code).toBe(0);
    expect((await installed(['status'])).code).toBe(1);
  });

  it('runs no code that NODE_OPTIONS names (a local attacker’s --require, --import or --inspect)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'installed-cli-preload-'));
    const marker = join(dir, 'ran');
    const preload = join(dir, 'x.cjs');
    writeFileSync(preload, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n`);
    // The same file does run where NODE_OPTIONS is honoured: the check below can fail.
    spawnSync(process.execPath, ['-e', '0'], {
      env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
    });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
    const status = await installed(['status'], { NODE_OPTIONS: `--require ${preload}` });
    expect(status.stderr).not.toContain('node:');
    expect([0, 1]).toContain(status.code);
    expect(existsSync(marker)).toBe(false);
    const flagged = await installed(['--require', preload, 'status']);
    expect(flagged.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
  });
});
