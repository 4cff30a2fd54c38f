/**
 * A real terminal for tests: tmux, sized 120×30, running one command; what it shows, keys typed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  constructor(private readonly session: string) {}

  private tmux(...args: string[]) {
    return spawnSync('tmux', args, { encoding: 'utf8' });
  }

  /** Runs `command` (a shell line) in a fresh session. */
  start(command: string): void {
    const started = this.tmux('new-session', '-d', '-s', this.session, '-x', '120', '-y', '30', command);
    expect(started.status, started.stderr).toBe(0);
  }

  /** What the terminal shows now. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session).stdout;
  }

  /** Waits until the terminal shows `pattern`. */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`no ${pattern} on the terminal:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Types keys (tmux's names: `Enter`, `C-c`). */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.session, ...keys);
  }

  close(): void {
    this.tmux('kill-session', '-t', this.session);
  }
}

/** The exit code a command wrote to `file` (see {@link cliInTerminal}). */
export async function exitCodeIn(file: string): Promise<number> {
  const read = () => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  await expect.poll(read, { timeout: 15_000 }).not.toBe('');
  return Number(read());
}

/** A shell line that runs the CLI from the sources with `env`, then writes its exit code to `exitFile`. */
export function cliCommandLine(
  root: string,
  node: string[],
  args: string[],
  env: Record<string, string>,
  exitFile: string,
): string {
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}='${v}'`)
    .join(' ');
  return `cd '${root}' && env ${exports} ${node.map((w) => `'${w}'`).join(' ')} main/cli-bin.ts ${args.join(' ')}; echo $? > '${exitFile}'; sleep 60`;
}
