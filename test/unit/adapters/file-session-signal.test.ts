/** The change marker across processes: a watcher hears each announcement of its session only. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSessionSignal } from '../../../main/adapters/file-session-signal.ts';

const POLL_MS = 50;

describe('FileSessionSignal', () => {
  it('hears each later announcement, and nothing after it stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signal-'));
    const signal = new FileSessionSignal(dir, POLL_MS);
    let heard = 0;
    const stop = signal.watch('session:a', () => (heard += 1));
    await new Promise((r) => setTimeout(r, POLL_MS * 3));
    expect(heard).toBe(0);
    signal.announce('session:a');
    await expect.poll(() => heard, { timeout: 2000, interval: 10 }).toBe(1);
    signal.announce('session:b');
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    expect(heard).toBe(1);
    stop();
    signal.announce('session:a');
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
    expect(heard).toBe(1);
  });

  it('hears an announcement made right after it started watching (a process writing as the app starts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signal-'));
    const signal = new FileSessionSignal(dir, POLL_MS);
    // An earlier marker exists, as it does once any process has announced.
    signal.announce('session:a');
    let heard = 0;
    const stop = signal.watch('session:a', () => (heard += 1));
    signal.announce('session:a');
    await expect.poll(() => heard, { timeout: 2000, interval: 10 }).toBe(1);
    stop();
  });
});
