/**
 * The CLI's commands, one entry each: name, arguments, options, what it does. The dispatcher
 * (main/cli.ts) parses each command's options strictly from this table, and the usage text is
 * written from it, so a command's help and its parser cannot disagree. The commands themselves
 * live in session-commands.ts and settings-commands.ts.
 */
import { SETTING_KEYS } from '../core/settings/settings.ts';
import { PROFILE_ENV } from '../core/settings/profiles.ts';
import { EXIT_CODES, EXIT_CODE_MEANINGS, UsageError, type Command, type OptionSpec } from './command.ts';
import { COMPLETION_SHELLS, completionScript, type CompletionShell } from './completion.ts';
import { SESSION_COMMANDS } from './session-commands.ts';
import { SETTINGS_COMMANDS } from './settings-commands.ts';
import { didYouMean } from './suggest.ts';

export { EXIT_CODES, UsageError, type Command, type CommandContext, type OptionSpec } from './command.ts';

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  profile: {
    type: 'string',
    valueName: 'NAME',
    description: `the profile to use (else ${PROFILE_ENV}, else the one chosen with profile use)`,
  },
  account: {
    type: 'string',
    valueName: 'ACCOUNT',
    description: "the profile's account to use, by name or id (else its active one)",
  },
  verbose: {
    type: 'boolean',
    description:
      'each step and provider request on stderr (secrets removed), and the details of an internal error',
  },
  help: { type: 'boolean', short: 'h', description: 'this help' },
};

/** The first words of two-word commands (`config show`, `profile list`, `account use`). */
export const COMMAND_GROUPS = ['config', 'profile', 'account'];

const COMPLETION_COMMAND: Command = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  args: ['SHELL'],
  options: {},
  run({ positionals, io }) {
    const [shell = ''] = positionals;
    if (!COMPLETION_SHELLS.includes(shell as CompletionShell))
      throw new UsageError(
        `completion takes ${COMPLETION_SHELLS.join(', ')}; "${shell}" is not one.${didYouMean(shell, COMPLETION_SHELLS)}`,
      );
    io.out(
      completionScript(shell as CompletionShell, {
        commands: COMMANDS,
        globalOptions: GLOBAL_OPTIONS,
        settingKeys: SETTING_KEYS,
      }).trimEnd(),
    );
    return Promise.resolve(EXIT_CODES.ok);
  },
};

export const COMMANDS: Command[] = [...SESSION_COMMANDS, ...SETTINGS_COMMANDS, COMPLETION_COMMAND];

/** `--timeout SECONDS`, `-h, --help`. */
function optionWithValue(name: string, spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`;
}

/** `  login [--no-browser] [--timeout SECONDS] [--json]` */
export function commandSynopsis(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => `[${optionWithValue(name, spec)}]`);
  return [command.name, ...(command.args ?? []), ...options].join(' ');
}

/** The help of one command: synopsis, summary, and each option. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: cognito-desktop ${commandSynopsis(command)}`, '', `  ${command.summary}`, ''];
  for (const [name, spec] of Object.entries({ ...command.options, ...GLOBAL_OPTIONS })) {
    lines.push(`  ${optionWithValue(name, spec).padEnd(22)} ${spec.description}`);
  }
  if (command.name === 'config set' || command.name === 'config unset')
    lines.push('', `  KEY: ${SETTING_KEYS.join(', ')}`);
  return lines.join('\n');
}

/** Every exit code and what it means, one per line. */
export const EXIT_CODE_LINES = Object.entries(EXIT_CODE_MEANINGS)
  .map(([code, meaning]) => `  ${code.padStart(2)}  ${meaning}`)
  .join('\n');

export const USAGE = `Usage: cognito-desktop <command> [options]

Commands:
${COMMANDS.map((c) => `  ${commandSynopsis(c).padEnd(52)} ${c.summary}`).join('\n')}

Every command takes --profile NAME (else COGNITO_PROFILE, else the profile in use), --account
ACCOUNT (else the profile's active account), --verbose (each step and provider request on stderr,
secrets removed; details of an internal error) and -h/--help. cognito-desktop --version prints
the version; cognito-desktop help COMMAND the help of one command.

Exit codes:
${EXIT_CODE_LINES}`;
