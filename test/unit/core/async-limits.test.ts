/** Time limits: the race every "did not answer in time" uses, and how a limit is said to people. */
import { createServer, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALLBACK_TIMEOUT_MS,
  describeSeconds,
  withTimeout,
} from '../../../main/core/async-limits.ts';
import { closeServer, listen } from '../../../main/core/loopback/http-server.ts';

/** Timers that keep the process alive: a CLI run must not wait on one that outlived its race. */
const liveTimers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('withTimeout', () => {
  it('passes the answer through and leaves no timer running, whether it resolves or rejects', async () => {
    const before = liveTimers();
    await expect(withTimeout(Promise.resolve(7), 60_000, () => new Error('late'))).resolves.toBe(7);
    await expect(
      withTimeout(Promise.reject(new Error('no')), 60_000, () => new Error('late')),
    ).rejects.toThrow('no');
    expect(liveTimers()).toBe(before);
  });

  it('rejects with the caller’s error once the time is up', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 20, () => new Error('did not answer'))).rejects.toThrow('did not answer');
  });
});

describe('describeSeconds', () => {
  it.each([
    [0.4, '0 s'],
    [59.4, '59 s'],
    [60, '1 min'],
    [3540, '59 min'],
    [3570, '1 h'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
  ])('%d s is said “%s”', (seconds, said) => {
    expect(describeSeconds(seconds)).toBe(said);
  });

  it('waits five minutes for the browser unless told otherwise', () => {
    expect(describeSeconds(DEFAULT_CALLBACK_TIMEOUT_MS / 1000)).toBe('5 min');
  });
});

describe('listen and closeServer', () => {
  it('leaves no error listener once listening, and closes at once with a browser’s keep-alive connection open', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    server.keepAliveTimeout = 60_000;
    const port = await listen(server, 0, '127.0.0.1');
    expect(server.listenerCount('error')).toBe(0);
    await new Promise<void>((resolve, reject) => {
      request({ port, host: '127.0.0.1', headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = performance.now();
    await closeServer(server);
    expect(performance.now() - started).toBeLessThan(1000);
    // Closing a closed server is fine.
    await closeServer(server);
  });
});
