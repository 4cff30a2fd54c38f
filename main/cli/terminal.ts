/** Reading from and writing to the terminal: the CLI's only I/O besides the core's ports. */
import { AuthError } from '../core/errors.ts';

/** Where a command writes: results on `out`, progress and errors on `err`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Reads one line from the terminal without echoing it, as `sudo` and `ssh` read passwords. Ctrl-C
 * aborts as a cancellation.
 */
export function readHiddenLine(io: Io, prompt: string): Promise<string> {
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

/** All of standard input, trimmed (a secret piped in). */
export async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.trim();
}
