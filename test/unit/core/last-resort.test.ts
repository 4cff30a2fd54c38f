/** The last-resort handler, in a real child process: an error nobody caught → exit 10, one line. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeUncaught, installLastResort } from '../../../main/core/last-resort.ts';

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

describe('installLastResort, in this process', () => {
  it('hands both kinds of uncaught error to one handler that writes one line and exits 10', () => {
    const handlers = new Map<string, (error: unknown) => void>();
    const on = vi.spyOn(process, 'on').mockImplementation(((event: string, fn: (error: unknown) => void) => {
      handlers.set(event, fn);
      return process;
    }) as typeof process.on);
    try {
      const lines: string[] = [];
      const exits: number[] = [];
      installLastResort({ verbose: false, write: (l) => lines.push(l), exit: (c) => exits.push(c) });
      expect([...handlers.keys()].sort()).toEqual(['uncaughtException', 'unhandledRejection']);
      handlers.get('uncaughtException')!(new TypeError('secret-xyz'));
      handlers.get('unhandledRejection')!('just text');
      expect(exits).toEqual([10, 10]);
      expect(lines).toHaveLength(2);
      expect(lines.join('\n')).not.toContain('secret-xyz');
    } finally {
      on.mockRestore();
    }
  });

  it('adds the message when verbose, even for an error without a stack', () => {
    const error = new Error('the message');
    error.stack = undefined;
    expect(describeUncaught(error, true)).toContain('\nthe message');
    expect(describeUncaught('text thrown', true)).toContain('\ntext thrown');
    expect(describeUncaught(error, false)).not.toContain('the message');
  });

  it('redacts what a --verbose stack quotes: tokens, credentials in URLs, AWS secret keys', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl';
    const error = new Error(
      `refresh failed for ${jwt} through http://jdoe:Winter2026!@proxy.corp:3128 with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
    );
    const shown = describeUncaught(error, true);
    expect(shown).toContain('refresh failed for [redacted] through http://[redacted]@proxy.corp:3128');
    for (const secret of [jwt, 'Winter2026', 'bPxRfiCYEXAMPLEKEY']) expect(shown).not.toContain(secret);
  });
});
