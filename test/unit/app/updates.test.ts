/** When the app looks for updates, what it tells the user, and when it may restart into one. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  UPDATE_CHECK_INTERVAL_MS,
  Updates,
  describeCheck,
  updatesSetting,
  type Updater,
} from '../../../main/app/updates.ts';

function fakeUpdater(
  answers: (string | undefined | Error)[],
): Updater & { checks: number; restarts: number } {
  const updater = {
    checks: 0,
    restarts: 0,
    checkAndDownload: () => {
      updater.checks += 1;
      const answer = answers.shift();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    restartAndInstall: () => void (updater.restarts += 1),
  };
  return updater;
}

function deps(waiting = false) {
  return { signInWaiting: () => waiting, onReady: vi.fn(), log: vi.fn() };
}

afterEach(() => vi.useRealTimers());

describe('updates', () => {
  it('reads the installer’s choice: off, another https feed, or the build’s; never in development', () => {
    expect(updatesSetting(undefined, true)).toEqual({ enabled: true });
    expect(updatesSetting({ url: 'https://updates.example.com/app' }, true)).toEqual({
      enabled: true,
      url: 'https://updates.example.com/app',
    });
    expect(updatesSetting({ url: 'http://plain.example.com' }, true)).toEqual({ enabled: true });
    expect(updatesSetting(false, true)).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('organisation') as string,
    });
    expect(updatesSetting(undefined, false)).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('development') as string,
    });
  });

  it('turned off: never asks the feed, and says why', async () => {
    const updater = fakeUpdater(['9.9.9']);
    const updates = new Updates(updater, updatesSetting(false, true), deps());
    updates.start();
    expect(await updates.check()).toEqual({
      kind: 'off',
      message: 'Your organisation has turned updates off.',
    });
    expect(updater.checks).toBe(0);
  });

  it('looks at start and every 4 hours, offers a downloaded version once, and restarts only when asked', async () => {
    vi.useFakeTimers();
    const updater = fakeUpdater([undefined, '0.2.0', '0.2.0']);
    const d = deps();
    const updates = new Updates(updater, { enabled: true }, d);
    updates.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.checks).toBe(1);
    expect(updates.readyVersion()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(d.onReady).toHaveBeenCalledWith('0.2.0');
    expect(updater.restarts).toBe(0);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(d.onReady).toHaveBeenCalledTimes(1);
    expect(updates.restart()).toEqual({ restarted: true });
    expect(updater.restarts).toBe(1);
    updates.stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(updater.checks).toBe(3);
  });

  it('never restarts while a sign-in waits for the browser, and says what to do', async () => {
    const updater = fakeUpdater(['0.2.0']);
    const updates = new Updates(updater, { enabled: true }, deps(true));
    expect(updates.restart()).toEqual({ restarted: false, message: 'No update is ready.' });
    expect(await updates.check()).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(updates.restart()).toEqual({
      restarted: false,
      message: expect.stringContaining('Finish or cancel it') as string,
    });
    expect(updater.restarts).toBe(0);
  });

  it('runs one check at a time, and a failure is logged and told, not thrown', async () => {
    const updater = fakeUpdater([new Error('sha512 checksum mismatch, expected abc\nmore')]);
    const d = deps();
    const updates = new Updates(updater, { enabled: true }, d);
    const [first, second] = await Promise.all([updates.check(), updates.check()]);
    expect(first).toEqual({ kind: 'failed', message: 'sha512 checksum mismatch, expected abc' });
    expect(second).toBe(first);
    expect(updater.checks).toBe(1);
    expect(d.log).toHaveBeenCalledWith('Update check failed: sha512 checksum mismatch, expected abc');
    expect(describeCheck(first, '0.1.0')).toContain('Could not check for updates: sha512 checksum mismatch');
    expect(describeCheck({ kind: 'up-to-date' }, '0.1.0')).toBe(
      'cognito-desktop 0.1.0 is the newest version.',
    );
    expect(describeCheck({ kind: 'ready', version: '0.2.0' }, '0.1.0')).toContain('Restart to Update');
  });
});
