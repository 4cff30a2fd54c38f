/**
 * `cognito-desktop`: the auth core from a terminal, in plain Node (no Electron). Same settings
 * file, same keychain entries, same flows as the app. The commands live in a table
 * (main/cli/commands.ts); this file finds the command, parses its options strictly and maps every
 * failure to an exit code.
 */
import { toAuthError } from './core/errors.ts';
import { redactSecrets } from './core/redaction.ts';
import { nodeUtil } from './core/lazy-builtins.ts';
import { describeUncaught, installLastResort } from './core/last-resort.ts';
import { defaultConfigDir } from './core/settings/settings.ts';
import { SETTINGS_SUBFOLDERS, securePrivateFolder } from './core/settings/private-folder.ts';
import type { ComposeOptions } from './app/compose.ts';
import {
  installerSettingsFile,
  isInstalledCommand,
  loadInstallerSettings,
} from './app/installer-settings.ts';
import { POLICY_FILE_ENV, systemPolicyReader } from './adapters/policy/system-policy.ts';
import type { Policy } from './core/settings/policy.ts';
import { JsonFileSettingsStore } from './adapters/json-file-settings-store.ts';
import { KeytarSecretStore } from './adapters/keytar-secret-store.ts';
import { OsBrowser } from './adapters/os-browser.ts';
import {
  AGENT_COMMAND,
  AgentSecretStore,
  KeychainOrAgent,
  SESSION_AGENT_ADVICE,
  SESSION_AGENT_ENV,
  agentSocketPath,
  runAgent,
} from './adapters/session-agent.ts';
import type { SecretStore } from './core/ports.ts';
import { nodeNetwork } from './adapters/node-network.ts';
import {
  COMMANDS,
  COMMAND_GROUPS,
  EXIT_CODES,
  GLOBAL_OPTIONS,
  USAGE,
  UsageError,
  commandHelp,
  type Command,
} from './cli/commands.ts';
import { processIo, type Io } from './cli/terminal.ts';
import { didYouMean } from './cli/suggest.ts';
import { VERSION } from './cli/version.ts';
import type { AuthError } from './core/errors.ts';

export { EXIT_CODES } from './cli/commands.ts';

/**
 * The command `argv` names (one word, or two for `config …`) and the rest of the line. Options
 * every command takes may come first (`cognito-desktop --profile prod token`).
 */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let start = 0;
  while (argv[start]?.startsWith('-')) {
    const word = argv[start]!;
    const spec = word.startsWith('--')
      ? GLOBAL_OPTIONS[word.slice(2)]
      : Object.values(GLOBAL_OPTIONS).find((o) => o.short === word.slice(1));
    if (!spec) break;
    start += spec.type === 'string' ? 2 : 1;
  }
  const leading = argv.slice(0, start);
  for (const words of [2, 1]) {
    const name = argv.slice(start, start + words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: [...leading, ...argv.slice(start + words)] };
  }
  return undefined;
}

/** Parses a command's options strictly: an unknown or misspelt option is a usage error naming it. */
function parseCommandLine(command: Command, rest: string[]) {
  try {
    const parsed = nodeUtil().parseArgs({
      args: rest,
      options: {
        ...Object.fromEntries(
          Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([name, spec]) => [
            name,
            { type: spec.type, ...(spec.short ? { short: spec.short } : {}) },
          ]),
        ),
      },
      strict: true,
      allowPositionals: true,
    });
    const expected = command.args?.length ?? 0;
    if (!parsed.values.help && parsed.positionals.length !== expected) {
      throw new UsageError(
        expected === 0
          ? `${command.name} takes no arguments; got "${parsed.positionals.join(' ')}".`
          : `${command.name} needs ${command.args!.join(' and ')}.`,
      );
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util's parse errors name the option ("Unknown option '--no-brwoser'").
    throw new UsageError(`${(error as Error).message.split('. ')[0]}.`);
  }
}

/**
 * A line with no command: the usage (`help`, `-h`, `--help`, nothing), one command's help
 * (`help login`), the version, or an unknown command with the nearest known one.
 */
function answerWithoutCommand(argv: string[], io: Io): number {
  const [first, ...rest] = argv;
  if (first === '--version' || first === 'version') {
    io.out(`cognito-desktop ${VERSION}`);
    return EXIT_CODES.ok;
  }
  if (first === 'help' && rest.length > 0) {
    const named = findCommand(rest);
    if (named) {
      io.out(commandHelp(named.command));
      return EXIT_CODES.ok;
    }
  } else if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.out(USAGE);
    return first === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const words = first === 'help' ? rest : argv;
  if (COMMAND_GROUPS.includes(words[0] ?? '')) {
    const subcommands = COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name);
    const typedSub = words.slice(0, 2).join(' ');
    if (words.length === 1 || words[1]?.startsWith('-'))
      throw new UsageError(
        `${words[0]} needs one of: ${subcommands.map((n) => n.split(' ')[1]).join(', ')}.`,
      );
    throw new UsageError(`Unknown command "${typedSub}".${didYouMean(typedSub, subcommands)}`);
  }
  const typed = words[0] ?? '';
  const names = [...COMMANDS.map((c) => c.name), ...COMMAND_GROUPS];
  throw new UsageError(`Unknown command "${typed}".${didYouMean(typed, names)}`);
}

/** The command that moves things on after a failure, in the CLI's words; none when the message says it. */
function nextStep(error: AuthError, env: NodeJS.ProcessEnv): string | undefined {
  if (error.code === 'not_signed_in') return 'Run: cognito-desktop login';
  if (error.code === 'keychain_unavailable' && env[SESSION_AGENT_ENV] !== 'on') return SESSION_AGENT_ADVICE;
  if (error.code === 'invalid_settings' && error.setting && !error.message.includes('cognito-desktop'))
    return `Set it with: cognito-desktop config set ${error.setting} VALUE`;
  return undefined;
}

/**
 * The organisation's policy, read on each run: this OS's, or in a development build (Node running
 * out/) the file COGNITO_DESKTOP_POLICY_FILE names. The installed command never takes the
 * environment's file: a user could step around the policy with it.
 */
function readPolicy(env: NodeJS.ProcessEnv): Promise<Policy> {
  const developmentFile = isInstalledCommand() ? undefined : env[POLICY_FILE_ENV] || undefined;
  return systemPolicyReader(process.platform, developmentFile)();
}

/**
 * The OS keychain; with COGNITO_DESKTOP_SESSION_AGENT=on, the session agent wherever the keychain
 * is missing (an SSH box, a container): sessions then last until the person logs out.
 */
function secretStoreFor(env: NodeJS.ProcessEnv): SecretStore {
  const keychain = new KeytarSecretStore();
  if (env[SESSION_AGENT_ENV] !== 'on') return keychain;
  return new KeychainOrAgent(keychain, new AgentSecretStore(agentSocketPath(env), env));
}

/** Runs one CLI command; returns the exit code. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
): Promise<number> {
  const found = findCommand(argv);
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  try {
    if (!found) return answerWithoutCommand(argv, io);
    const { command, rest } = found;
    const parsed = parseCommandLine(command, rest);
    if (parsed.values.help) {
      io.out(commandHelp(command));
      return EXIT_CODES.ok;
    }
    const configDir = defaultConfigDir(env);
    securePrivateFolder(configDir, SETTINGS_SUBFOLDERS);
    const installerFile = installerSettingsFile(env);
    const installer = installerFile ? loadInstallerSettings(installerFile) : undefined;
    const policy = await readPolicy(env);
    const { profile, account } = parsed.values;
    const options: ComposeOptions = {
      configDir,
      env,
      ...(installer ? { installer } : {}),
      policy,
      ...(typeof profile === 'string' ? { profile } : {}),
      ...(typeof account === 'string' ? { account } : {}),
      settingsStore: new JsonFileSettingsStore(configDir),
      secretStore: secretStoreFor(env),
      browser: new OsBrowser(env),
      networkFor: (settings) => nodeNetwork({ proxySetting: settings.proxy, caFile: settings.caFile, env }),
      // The same redaction as the app's log file: nothing secret on stderr, even with --verbose.
      logger: {
        info: (m) => io.err(redactSecrets(m)),
        warn: (m) => io.err(`Warning: ${redactSecrets(m)}`),
        ...(verbose ? { debug: (m: string) => io.err(redactSecrets(m)) } : {}),
      },
    };
    for (const problem of policy.problems) options.logger?.warn(problem.message);
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      options,
      io,
      print: (value, text) => io.out(json ? JSON.stringify(value) : text),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${found ? commandHelp(found.command) : USAGE}`);
      return EXIT_CODES.usage;
    }
    const mapped = toAuthError(error);
    if (json) io.out(JSON.stringify({ ok: false, error: { code: mapped.code, message: mapped.message } }));
    if (mapped.code !== 'internal')
      io.err([mapped.message, nextStep(mapped, env)].filter(Boolean).join('\n'));
    else if (!verbose) io.err(`${mapped.message} (--verbose shows the details.)`);
    else io.err(`${mapped.message}\n${describeUncaught(mapped.cause ?? mapped, true)}`);
    return EXIT_CODES[mapped.code];
  }
}

/** Runs the command line of this process and exits with its code. */
export async function main(): Promise<void> {
  // The session agent, started by another cognito-desktop process (see adapters/session-agent.ts).
  if (process.argv[2] === AGENT_COMMAND && process.argv[3]) {
    await runAgent(process.argv[3]);
    process.exit(0);
  }
  installLastResort({
    verbose: process.argv.includes('--verbose'),
    write: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => process.exit(code),
  });
  const code = await runCli(process.argv.slice(2));
  // Let stdout drain, then exit: a finished command must not hang on a keep-alive socket.
  process.stdout.write('', () => process.exit(code));
}
