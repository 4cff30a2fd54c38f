/** Modules loaded once on first use: the sign-in path asks the module loader once, not per sign-in. */
import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../main/core/load-once.ts';

describe('loadOnce', () => {
  it('loads on the first call only and hands every caller the same module', async () => {
    let loads = 0;
    const load = loadOnce(() => Promise.resolve({ id: ++loads }));
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load instead of keeping the failure', async () => {
    let loads = 0;
    const load = loadOnce(() =>
      ++loads === 1 ? Promise.reject(new Error('not yet')) : Promise.resolve(loads),
    );
    await expect(load()).rejects.toThrow('not yet');
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });
});
