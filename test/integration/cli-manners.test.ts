/**
 * The CLI's manners, as `gh` and `git` users expect them, in real processes: -h and --version,
 * "did you mean", `config unset`, every exit code in --help, shell completion run by the real
 * shells, `status` that tells an expired token, the keychain checked before a browser opens, and
 * the built CLI run from a clone with nothing else on stdout. Stdout and stderr are told apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../main/cli.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { runCliProcess, type CliRun } from '../support/cli-process.ts';
import { cliEnvironment, testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { storeExpiredSession } from '../support/stored-session.ts';

const ENDPOINTS = testEndpoints(47640, 'manners');
const parts = useProviderAndKeychain(ENDPOINTS);
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

let configDir: string;
let env: Record<string, string>;
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-manners-'));
  env = cliEnvironment(parts.emulator, configDir, ENDPOINTS, PUBLIC_CLIENT_ID);
  parts.emulator.resetFaults();
});
const cli = (args: string[], extra: Record<string, string> = {}): Promise<CliRun> =>
  runCliProcess(args, { ...env, ...extra });
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

describe('help and version', () => {
  it('answers -h wherever --help works, on stdout, exit 0', async () => {
    for (const args of [
      ['-h'],
      ['--help'],
      ['help'],
      ['login', '-h'],
      ['-h', 'login'],
      ['config', 'set', '-h'],
    ]) {
      const run = await cli(args);
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: cognito-desktop /);
    }
    expect((await cli(['help', 'login'])).stdout).toContain('Usage: cognito-desktop login');
  });

  it('prints the version with --version and version', async () => {
    for (const args of [['--version'], ['version']]) {
      const run = await cli(args);
      expect(run).toMatchObject({ code: 0, stdout: `cognito-desktop ${version}\n`, stderr: '' });
    }
  });

  it('lists every exit code in --help', async () => {
    const { stdout } = await cli(['--help']);
    for (const code of new Set(Object.values(EXIT_CODES)))
      expect(stdout).toMatch(new RegExp(`^\\s+${code}  \\S`, 'm'));
  });
});

describe('mistakes', () => {
  it('suggests the command or setting that was meant, exit 2, nothing on stdout', async () => {
    const cases: [string[], string][] = [
      [['logni'], 'Unknown command "logni". Did you mean "login"?'],
      [['config', 'shwo'], 'Unknown command "config shwo". Did you mean "config show"?'],
      [['config'], 'config needs one of: show, set, unset, set-secret, check.'],
      [['config', 'set', 'clientid', 'x'], 'Unknown setting "clientid". Did you mean "clientId"?'],
      [['config', 'unset', 'scope'], 'Did you mean "scopes"?'],
      [['completion', 'bsh'], 'Did you mean "bash"?'],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toContain(message);
    }
  });

  it('names the command to run when not signed in', async () => {
    const run = await cli(['token']);
    expect(run.code).toBe(EXIT_CODES.not_signed_in);
    expect(run.stderr).toContain('Run: cognito-desktop login');
  });
});

describe('config unset', () => {
  it('removes a setting from the file, says what applies now, and is idempotent', async () => {
    const file = { COGNITO_CLIENT_ID: '' };
    expect((await cli(['config', 'set', 'scopes', 'openid email'], file)).code).toBe(0);
    const unset = await cli(['config', 'unset', 'scopes', '--json'], file);
    expect(unset.code).toBe(0);
    expect(JSON.parse(unset.stdout)).toMatchObject({ ok: true, key: 'scopes', removed: true });
    const show = JSON.parse((await cli(['config', 'show', '--json'], file)).stdout) as {
      settings: { key: string; source: string }[];
    };
    expect(show.settings.find((r) => r.key === 'scopes')?.source).toBe('default');
    const again = await cli(['config', 'unset', 'scopes'], file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('scopes was not set in the file');
  });
});

describe('completion', () => {
  const script = async (shell: string) => {
    const run = await cli(['completion', shell]);
    expect(run.code).toBe(0);
    return run.stdout;
  };

  it('completes commands, subcommands, setting keys and options in a real bash', async () => {
    const bash = await script('bash');
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const run = spawnSync(
        'bash',
        [
          '-c',
          `${bash}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cognito_desktop; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter(Boolean).sort();
    };
    expect(complete('cognito-desktop con')).toEqual(['config']);
    expect(complete('cognito-desktop config s')).toEqual(['set', 'set-secret', 'show']);
    expect(complete('cognito-desktop config set client')).toEqual(['clientId']);
    expect(complete('cognito-desktop --profile prod log')).toEqual(['login', 'logout']);
    expect(complete('cognito-desktop login --ti')).toEqual(['--timeout']);
    expect(complete('cognito-desktop config show --')).toEqual([
      '--account',
      '--help',
      '--json',
      '--profile',
      '--verbose',
    ]);
  });

  it('writes zsh and fish scripts their shells accept', async () => {
    for (const [shell, check] of [
      ['zsh', ['-n']],
      ['fish', ['--no-execute']],
    ] as const) {
      const text = await script(shell);
      if (spawnSync(shell, ['--version']).error) {
        console.log(`completion ${shell}: syntax not checked, ${shell} is not installed here.`);
        expect(text).toContain('cognito-desktop');
        continue;
      }
      const file = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-completion-')), `completion.${shell}`);
      writeFileSync(file, text);
      const run = spawnSync(shell, [...check, file], { encoding: 'utf8' });
      expect({ shell, status: run.status, stderr: run.stderr }).toEqual({ shell, status: 0, stderr: '' });
    }
  });
});

describe('status of an expired session', () => {
  async function expiredSession(): Promise<void> {
    await storeExpiredSession({
      configDir,
      env,
      provider: parts.emulator,
      endpoints: ENDPOINTS,
      clientId: PUBLIC_CLIENT_ID,
    });
  }

  it('says it expired and why it could not be refreshed (a provider in trouble: exit 4), then refreshes once it can', async () => {
    await expiredSession();
    Object.assign(parts.emulator.faults, { tokenStatus: 503, tokenErrorPage: true });
    const down = await cli(['status']);
    expect(down.code).toBe(EXIT_CODES.network);
    expect(down.stdout).toBe('');
    expect(down.stderr).toMatch(
      /· access token expired .*, and it could not be refreshed: The provider is having trouble \(HTTP 503\)\. Try again in a few minutes\./,
    );
    const token = await cli(['token']);
    expect(token).toMatchObject({ code: EXIT_CODES.network, stdout: '' });
    expect(token.stderr).toContain('The provider is having trouble (HTTP 503).');
    parts.emulator.resetFaults();
    const up = await cli(['status']);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/access token valid for (59|60) min/);
  });
});

describe('the keychain, before the browser', () => {
  it('refuses at once when a stored client secret cannot be read, and config show says what it knows', async () => {
    const stored = await runCliProcess(['config', 'set-secret'], env, 'a-client-secret\n');
    expect(stored.code).toBe(0);
    const login = await cli(['login', '--no-browser', '--timeout', '30'], NO_KEYCHAIN);
    expect(login.code).toBe(EXIT_CODES.keychain_unavailable);
    expect(login.stderr).toContain('client’s secret is kept in the OS keychain, which is not available');
    expect(login.stderr).not.toContain('Open this link');
    const show = await cli(['config', 'show'], NO_KEYCHAIN);
    expect(show.stdout).toMatch(/clientSecret\s+stored in the keychain, which is unavailable now/);
    const fresh = mkdtempSync(join(tmpdir(), 'cognito-desktop-manners-fresh-'));
    const unknown = await cli(['config', 'show'], { ...NO_KEYCHAIN, COGNITO_DESKTOP_CONFIG_DIR: fresh });
    expect(unknown.stdout).toMatch(/clientSecret\s+unknown: the OS keychain is unavailable/);
    expect((await runCliProcess(['config', 'set-secret'], env, '\n')).code).toBe(0);
  });
});

describe('from a clone', () => {
  it('runs the built CLI, and the source through npm, with nothing else on stdout', () => {
    const built = spawnSync(process.execPath, ['out/main/cli.js', '--version'], { encoding: 'utf8' });
    expect(built.stdout).toBe(`cognito-desktop ${version}\n`);
    const npm = spawnSync('npm', ['run', '-s', 'cli', '--', '--version'], { encoding: 'utf8' });
    expect(npm.stdout).toBe(`cognito-desktop ${version}\n`);
  });
});
