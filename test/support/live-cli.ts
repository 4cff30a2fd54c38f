/**
 * A `cognito-desktop` process the test talks to while it runs, as a person at a terminal would:
 * it reads what the CLI printed so far, waits for a line, types into its standard input, sends
 * Ctrl-C. (runCliProcess, by contrast, gives all the input at once and waits for the end.)
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { TS_NODE } from './cli-process.ts';

export class LiveCli {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number>;

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    const [node, ...nodeArgs] = TS_NODE;
    this.child = spawn(node!, [...nodeArgs, 'main/cli-bin.ts', ...args], { env: { ...process.env, ...env } });
    this.child.stdout.on('data', (c: Buffer) => (this.stdout += c.toString()));
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1))),
    );
  }

  /** Waits until standard error matches `pattern` (or the process ends, which fails). */
  async waitForErr(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.stderr);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`the CLI ended first:\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(`no ${pattern} on stderr within ${timeoutMs} ms:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Types `line` and Enter. */
  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }
}
