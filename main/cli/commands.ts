/**
 * The CLI's commands, one entry each: name, arguments, options, what it does. The dispatcher
 * (main/cli.ts) parses each command's options strictly from this table, and the usage text is
 * written from it, so a command's help and its parser cannot disagree. The commands themselves
 * live in session-commands.ts and settings-commands.ts.
 */
import { SETTING_KEYS } from '../core/settings/settings.ts';
import { PROFILE_ENV } from '../core/settings/profiles.ts';
import type { Command, OptionSpec } from './command.ts';
import { SESSION_COMMANDS } from './session-commands.ts';
import { SETTINGS_COMMANDS } from './settings-commands.ts';

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
  help: { type: 'boolean', description: 'this help' },
};

/** The first words of two-word commands (`config show`, `profile list`, `account use`). */
export const COMMAND_GROUPS = ['config', 'profile', 'account'];

export const COMMANDS: Command[] = [...SESSION_COMMANDS, ...SETTINGS_COMMANDS];

/** `--timeout SECONDS`, `--json`. */
function optionWithValue(name: string, spec: OptionSpec): string {
  return `--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`;
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
  if (command.name === 'config set') lines.push('', `  KEY: ${SETTING_KEYS.join(', ')}`);
  return lines.join('\n');
}

export const USAGE = `Usage: cognito-desktop <command> [options]

Commands:
${COMMANDS.map((c) => `  ${commandSynopsis(c).padEnd(52)} ${c.summary}`).join('\n')}

Every command takes --profile NAME (else COGNITO_PROFILE, else the profile in use), --account
ACCOUNT (else the profile's active account), --verbose (each step and provider request on stderr,
secrets removed; details of an internal error) and --help.

Exit codes: 0 ok, 1 not signed in, 2 usage or settings, 3 provider rejected,
4 network or timeout talking to the provider, 5 keychain unavailable or locked,
6 sign-in cancelled or timed out, 7 another process kept the session busy, 10 internal error.`;
