/** Runs the `cognito-desktop` CLI as a separate process, as a user's shell would. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const TSX = resolve('node_modules/.bin/tsx');
/**
 * A TypeScript file run in one process: `node --import tsx FILE`. The `tsx` command starts Node as
 * a child process, so killing it would leave the real process running.
 */
export const TS_NODE = [process.execPath, '--import', 'tsx'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process, ms. */
  ms: number;
}

/** Runs `cognito-desktop ARGS` with `env` over this process's environment; `stdin` is piped in. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  return new Promise((resolveRun) => {
    const started = performance.now();
    const [node, ...nodeArgs] = TS_NODE;
    const child = spawn(node!, [...nodeArgs, 'main/cli-bin.ts', ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(stdin);
    child.on('close', (code, signal) =>
      resolveRun({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: performance.now() - started }),
    );
  });
}
