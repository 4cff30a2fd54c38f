/**
 * What every command of the CLI is made of: its table entry (name, arguments, options, run), the
 * context it runs with, and the exit codes it returns.
 */
import type { ComposeOptions } from '../app/compose.ts';
import type { AuthErrorCode } from '../core/errors.ts';
import type { Io } from './terminal.ts';

/** Exit codes, documented in --help and docs/cli.md (a test holds the three together). */
export const EXIT_CODES: Record<AuthErrorCode | 'ok' | 'usage', number> = {
  ok: 0,
  not_signed_in: 1,
  usage: 2,
  invalid_settings: 2,
  port_in_use: 2,
  provider_rejected: 3,
  state_mismatch: 3,
  network: 4,
  proxy_unreachable: 4,
  tls_untrusted: 8,
  proxy_auth: 9,
  keychain_unavailable: 5,
  keychain_locked: 5,
  cancelled: 6,
  timeout: 6,
  session_busy: 7,
  internal: 10,
};

/** What each exit code means, as --help and docs/cli.md list them. */
export const EXIT_CODE_MEANINGS: Record<number, string> = {
  0: 'ok',
  1: 'not signed in (or the sign-in expired and was refused)',
  2: 'usage or settings (an unknown option, an invalid setting, the redirect port in use)',
  3: 'the provider refused (a client, scope or callback problem; a sign-in this run did not start)',
  4: 'the provider could not be reached, is having trouble, or did not answer in time',
  5: 'the OS keychain is unavailable or locked',
  6: 'the sign-in was cancelled or timed out',
  7: 'another cognito-desktop process kept the session busy',
  8: 'a TLS certificate on the way is not trusted (set caFile for a corporate CA)',
  9: 'the proxy needs a user name and password',
  10: 'an internal error (--verbose shows the details)',
};

/** A usage error: exit 2, with the command's usage. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** One letter, e.g. `h` for `-h`. */
  short?: string;
  /** Shown in the usage, e.g. `SECONDS`. */
  valueName?: string;
  description: string;
}

/** What a command gets: its parsed options and arguments, the wiring, and where to write. */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  options: ComposeOptions;
  io: Io;
  /** Prints `value` as one JSON line with `--json`, else `text`. */
  print: (value: object, text: string) => void;
}

export interface Command {
  /** One or two words: `login`, `config show`. */
  name: string;
  summary: string;
  /** The positional arguments, in order, e.g. `['KEY', 'VALUE']`. */
  args?: string[];
  options: Record<string, OptionSpec>;
  run(context: CommandContext): Promise<number>;
}

export const JSON_OPTION: OptionSpec = { type: 'boolean', description: 'print one JSON object on stdout' };
