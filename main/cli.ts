/**
 * `cognito-desktop`: the auth core from a terminal, in plain Node (no Electron). Same settings
 * file, same keychain entries, same flows as the app.
 */
import { AuthError, toAuthError, type AuthErrorCode } from './core/errors.ts';
import { runDoctor, type DoctorReport } from './core/doctor.ts';
import { describeUncaught, installLastResort } from './core/last-resort.ts';
import {
  defaultConfigDir,
  findSettingsProblems,
  SETTING_ENV,
  SETTING_KEYS,
  withDefaults,
  type Settings,
} from './core/settings.ts';
import type { Profile } from './core/session.ts';
import { createAuthService, effectiveSettingsInput, type ComposeOptions } from './app/compose.ts';
import { JsonFileSettingsStore } from './adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from './adapters/keytar-secret-store.ts';
import { OsBrowser } from './adapters/os-browser.ts';

/** Exit codes, documented in the README. */
export const EXIT_CODES: Record<AuthErrorCode | 'ok' | 'usage', number> = {
  ok: 0,
  not_signed_in: 1,
  usage: 2,
  invalid_settings: 2,
  port_in_use: 2,
  provider_rejected: 3,
  state_mismatch: 3,
  network: 4,
  keychain_unavailable: 5,
  keychain_locked: 5,
  session_busy: 7,
  cancelled: 6,
  timeout: 6,
  internal: 10,
};

const USAGE = `Usage: cognito-desktop <command> [options]

Commands:
  login [--no-browser] [--timeout SECONDS] [--json]   sign in through the system browser
  status [--json]                                     who is signed in (no network while the token is valid)
  token [--id] [--json]                               print a valid access token (or ID token)
  userinfo [--json]                                   call the provider's userinfo endpoint
  logout [--no-browser] [--json]                      sign out here and at the provider
  config show [--json]                                show the settings and where each comes from
  config set KEY VALUE                                change a setting (KEY: ${SETTING_KEYS.join(', ')})
  config set-secret                                   store the client secret from standard input (empty: remove)
  config check [--json]                               check the configuration, print the URLs to register

Options for every command: --verbose (details of an internal error), --help.

Exit codes: 0 ok, 1 not signed in, 2 usage or settings, 3 provider rejected,
4 network or timeout talking to the provider, 5 keychain unavailable or locked,
6 sign-in cancelled or timed out, 7 another process kept the session busy, 10 internal error.`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

class UsageError extends Error {}

interface Parsed {
  command: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

function parseArgs(argv: string[]): Parsed {
  const parsed: Parsed = { command: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--timeout') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('--timeout needs a number of seconds.');
      parsed.values.set('timeout', value);
    } else if (arg.startsWith('--')) parsed.flags.add(arg.slice(2));
    else parsed.command.push(arg);
  }
  return parsed;
}

/** The login time limit: 1 s to 24 h (Node clamps longer timers to 1 ms). */
const TIMEOUT_RANGE_SECONDS = { min: 1, max: 24 * 3600 };

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (
    !Number.isFinite(seconds) ||
    seconds < TIMEOUT_RANGE_SECONDS.min ||
    seconds > TIMEOUT_RANGE_SECONDS.max
  ) {
    throw new UsageError(`--timeout takes seconds from 1 to 86400 (24 h); "${value}" is not.`);
  }
  return seconds * 1000;
}

/** "45 s", "5 min", "2 h 30 min". */
function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

function describeProfile(profile: Profile): string {
  const groups = profile.groups.length > 0 ? ` · groups: ${profile.groups.join(', ')}` : '';
  const minutes = Math.max(0, Math.round((profile.expiresAt - Date.now()) / 60_000));
  return `Signed in as ${profile.username}${groups} · access token valid for ${minutes} min`;
}

function settingKey(name: string): keyof Settings {
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const key = SETTING_KEYS.find((k) => k === camel || SETTING_ENV[k] === name);
  if (!key) throw new UsageError(`Unknown setting "${name}". Settings: ${SETTING_KEYS.join(', ')}.`);
  return key;
}

/**
 * Reads one line from the terminal without echoing it, as `sudo` and `ssh` read passwords. Ctrl-C
 * aborts as a cancellation.
 */
function readHiddenLine(io: Io, prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.err('');
    };
    const onData = (chunk: Buffer): void => {
      for (const c of chunk.toString('utf8')) {
        if (c === '\r' || c === '\n') {
          finish();
          resolve(line.trim());
          return;
        }
        if (c === '\u0003') {
          finish();
          reject(new AuthError('cancelled', 'Cancelled: the client secret was not changed.'));
          return;
        }
        if (c === '\u007f' || c === '\b') line = line.slice(0, -1);
        else line += c;
      }
    };
    stdin.on('data', onData);
  });
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.trim();
}

function formatDoctor(report: DoctorReport): string {
  const lines = report.checks.map(
    (c) => `${c.ok ? '✓' : '✗'} ${c.label}: ${c.detail}${c.fix ? `\n    → ${c.fix}` : ''}`,
  );
  lines.push(
    '',
    'Register these in your Cognito app client (Login pages):',
    `  Allowed callback URL:  ${report.callbackUrl}`,
    `  Allowed sign-out URL:  ${report.signOutUrl}`,
  );
  return lines.join('\n');
}

/** Runs one CLI command; returns the exit code. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
): Promise<number> {
  let json = false;
  const verbose = argv.includes('--verbose');
  try {
    const args = parseArgs(argv);
    json = args.flags.has('json');
    const configDir = defaultConfigDir(env);
    const options: ComposeOptions = {
      configDir,
      env,
      settingsStore: new JsonFileSettingsStore(configDir),
      secretStore: new KeytarSecretStore(),
      browser: new OsBrowser(env),
      logger: { info: (m) => io.err(m), warn: (m) => io.err(`Warning: ${m}`) },
    };
    const print = (value: object, text: string): void => io.out(json ? JSON.stringify(value) : text);
    const [command, sub, ...rest] = args.command;

    switch (command) {
      case 'login': {
        const timeoutMs = parseTimeout(args.values.get('timeout'));
        const service = createAuthService(options);
        const openBrowser = !args.flags.has('no-browser');
        const onSigint = (): void => service.cancelSignIn();
        process.once('SIGINT', onSigint);
        try {
          const profile = await service.signIn({
            openBrowser,
            ...(timeoutMs ? { timeoutMs } : {}),
            onStarted: (attempt) => {
              const limit = describeSeconds((attempt.expiresAt - attempt.startedAt) / 1000);
              io.err(
                openBrowser
                  ? 'Opening your browser to sign in. If it does not open, visit:'
                  : 'Open this URL in a browser to sign in:',
              );
              io.err(`  ${attempt.url}`);
              io.err(`Waiting for you to finish in your browser (gives up after ${limit}; Ctrl-C cancels)…`);
            },
          });
          print({ ok: true, profile }, describeProfile(profile));
          if (!profile.persisted) {
            io.err('Warning: the OS keychain is unavailable, so this sign-in will not be remembered.');
            return EXIT_CODES.keychain_unavailable;
          }
          return EXIT_CODES.ok;
        } finally {
          process.off('SIGINT', onSigint);
        }
      }
      case 'status': {
        const service = createAuthService(options);
        const profile = await service.restore();
        if (!profile) throw new AuthError('not_signed_in', 'Not signed in.');
        print({ ok: true, profile }, describeProfile(profile));
        return EXIT_CODES.ok;
      }
      case 'token': {
        const service = createAuthService(options);
        const token = args.flags.has('id') ? await service.getIdToken() : await service.getAccessToken();
        print({ ok: true, token, expiresAt: service.profile()?.expiresAt }, token);
        return EXIT_CODES.ok;
      }
      case 'userinfo': {
        const service = createAuthService(options);
        const info = await service.fetchUserInfo();
        print({ ok: true, userinfo: info }, JSON.stringify(info, null, 2));
        return EXIT_CODES.ok;
      }
      case 'logout': {
        const service = createAuthService(options);
        const openBrowser = !args.flags.has('no-browser');
        const result = await service.signOut({ openBrowser });
        const lines = ['Signed out of cognito-desktop.'];
        if (result.revoked) lines.push('The refresh token was revoked at the provider.');
        if (result.logoutUrl && !openBrowser)
          lines.push(`To end the provider session too, open:\n  ${result.logoutUrl}`);
        if (result.browserOpened)
          lines.push(
            result.signedOutPageServed
              ? 'The provider session has ended.'
              : 'Opened the provider’s sign-out page in your browser.',
          );
        lines.push(...result.notes);
        print({ ok: true, ...result }, lines.join('\n'));
        return EXIT_CODES.ok;
      }
      case 'config':
        return await runConfig(sub, rest, options, json, io);
      case undefined:
      case 'help':
        io.out(USAGE);
        return command === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT_CODES.usage;
    }
    const mapped = toAuthError(error);
    if (json) io.out(JSON.stringify({ ok: false, error: { code: mapped.code, message: mapped.message } }));
    if (mapped.code !== 'internal') io.err(mapped.message);
    else if (!verbose) io.err(`${mapped.message} (--verbose shows the details.)`);
    else io.err(`${mapped.message}\n${describeUncaught(mapped.cause ?? mapped, true)}`);
    return EXIT_CODES[mapped.code];
  }
}

async function runConfig(
  sub: string | undefined,
  rest: string[],
  options: ComposeOptions,
  json: boolean,
  io: Io,
): Promise<number> {
  const store = options.settingsStore;
  switch (sub) {
    case 'show': {
      const fromFile = store.read();
      const effective = effectiveSettingsInput(options);
      const shown = withDefaults(effective);
      const rows = SETTING_KEYS.map((key) => {
        const fromEnv = options.env?.[SETTING_ENV[key]];
        const source = fromEnv ? `env ${SETTING_ENV[key]}` : fromFile[key] !== undefined ? 'file' : 'default';
        return { key, value: shown[key] || null, source };
      });
      const hasSecret = await Promise.resolve()
        .then(() => createAuthService(options).hasClientSecret())
        .catch(() => undefined);
      const secret =
        hasSecret === undefined
          ? 'unknown until the discovery URL and client ID are set'
          : hasSecret
            ? 'stored in the keychain'
            : 'none (public client)';
      if (json)
        io.out(
          JSON.stringify({
            ok: true,
            file: store instanceof JsonFileSettingsStore ? store.file : undefined,
            settings: rows,
            clientSecret: secret,
          }),
        );
      else {
        for (const row of rows)
          io.out(
            `${row.key.padEnd(16)} ${(typeof row.value === 'string' ? row.value : '(not set)').padEnd(60)} ${row.source}`,
          );
        io.out(`${'clientSecret'.padEnd(16)} ${secret}`);
      }
      return EXIT_CODES.ok;
    }
    case 'set': {
      const [name, value] = rest;
      if (!name || value === undefined) throw new UsageError('config set needs KEY and VALUE.');
      const key = settingKey(name);
      const next = { ...store.read(), [key]: value };
      const problem = findSettingsProblems(next).find((p) => p.setting === key);
      if (problem) throw new AuthError('invalid_settings', problem.message, { setting: key });
      store.write(next);
      io.out(json ? JSON.stringify({ ok: true, key, value }) : `${key} = ${value}`);
      return EXIT_CODES.ok;
    }
    case 'set-secret': {
      const secret = process.stdin.isTTY
        ? await readHiddenLine(io, 'Client secret (not shown; empty removes it): ')
        : await readStdin();
      const service = createAuthService(options);
      await service.setClientSecret(secret);
      const text = secret
        ? 'Client secret stored in the OS keychain.'
        : 'Client secret removed: the app signs in as a public client.';
      io.out(json ? JSON.stringify({ ok: true, stored: secret !== '' }) : text);
      return EXIT_CODES.ok;
    }
    case 'check': {
      const report = await runDoctor({
        input: effectiveSettingsInput(options),
        secretStore: options.secretStore,
      });
      io.out(json ? JSON.stringify({ ok: report.ok, report }) : formatDoctor(report));
      const firstFailure = report.checks.find((c) => !c.ok);
      if (!firstFailure) return EXIT_CODES.ok;
      return firstFailure.id === 'keychain' ? EXIT_CODES.keychain_unavailable : EXIT_CODES.usage;
    }
    default:
      throw new UsageError(`Unknown config command "${sub ?? ''}".`);
  }
}

/** Runs the command line of this process and exits with its code. */
export async function main(): Promise<void> {
  installLastResort({
    verbose: process.argv.includes('--verbose'),
    write: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  });
  const code = await runCli(process.argv.slice(2));
  // Let stdout drain, then exit: a finished command must not hang on a keep-alive socket.
  process.stdout.write('', () => process.exit(code));
}
