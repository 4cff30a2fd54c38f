/**
 * The last line of defence of the CLI and the app: an error nobody caught ends the process with
 * exit code 10 ("internal error") and one line that names the kind of error only. Its message and
 * stack stay off the user's terminal (they may quote data the error came from) unless `--verbose`
 * asks for them, and then they pass the same redaction as every log line.
 */
import { redactSecrets } from './redaction.ts';

export interface LastResortOptions {
  verbose: boolean;
  write: (line: string) => void;
  exit: (code: number) => void;
}

/** Exit code of an unexpected internal error, as documented in docs/cli.md. */
export const INTERNAL_ERROR_EXIT_CODE = 10;

/** The line to show for an error nobody caught. */
export function describeUncaught(error: unknown, verbose: boolean): string {
  const kind = error instanceof Error ? error.name : typeof error;
  const line = `cognito-desktop: internal error (${kind}). Please report it; run again with --verbose for details.`;
  if (!verbose) return line;
  return `${line}\n${redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}`;
}

/** Installs the handler for uncaught exceptions and unhandled rejections. */
export function installLastResort(options: LastResortOptions): void {
  const handler = (error: unknown): void => {
    options.write(describeUncaught(error, options.verbose));
    options.exit(INTERNAL_ERROR_EXIT_CODE);
  };
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
}
