/** The last-resort handler, in a real child process: an error nobody caught → exit 10, one line. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUncaught } from '../../../main/core/last-resort.ts';

const MODULE = JSON.stringify(resolve('main/core/last-resort.ts'));

function crash(how: string, verbose: boolean): { status: number | null; stderr: string } {
  const script = `
    const { installLastResort } = await import(${MODULE});
    installLastResort({ verbose: ${verbose}, write: (l) => process.stderr.write(l + '\\n'), exit: (c) => process.exit(c) });
    ${how}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

describe('installLastResort', () => {
  it.each([
    ['an uncaught exception', "setTimeout(() => { throw new TypeError('secret-detail-123'); });"],
    ['an unhandled rejection', "Promise.reject(new RangeError('secret-detail-123'));"],
  ])('ends %s with exit 10 and one line that names the kind of error only', (_, how) => {
    const run = crash(how, false);
    expect(run.status).toBe(10);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/internal error \((TypeError|RangeError)\)/);
    expect(run.stderr).not.toContain('secret-detail-123');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack with --verbose', () => {
    const run = crash("setTimeout(() => { throw new TypeError('detail-456'); });", true);
    expect(run.status).toBe(10);
    expect(run.stderr).toContain('detail-456');
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('describes a thrown non-Error by its type', () => {
    expect(describeUncaught('text', false)).toContain('internal error (string)');
  });
});
