/**
 * SharedSession's moves on their own: what a re-read reports, compare-and-swap writes and
 * deletes, the keychain calls each costs, and the change signal. An in-memory keychain and a
 * recording signal; the several-process behaviour is tested with real processes in
 * test/integration/shared-session.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SharedSession } from '../../../../main/core/session/shared-session.ts';
import { TokenVault } from '../../../../main/core/session/token-vault.ts';
import { processLocalLock, type SessionSignal } from '../../../../main/core/ports.ts';
import type { StoredSession } from '../../../../main/core/session/session.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';

const session = (accessToken: string): StoredSession => ({
  v: 1,
  accessToken,
  idToken: 'id',
  refreshToken: 'rt',
  expiresAt: 1,
  claims: { sub: 's' },
  signedInAt: 1,
});

function setup() {
  const store = new MemorySecretStore();
  const vault = new TokenVault(store, 'svc', undefined, 'single-entry');
  const announced: string[] = [];
  const watchers = new Map<string, () => void>();
  const signal: SessionSignal = {
    announce: (name) => announced.push(name),
    watch: (name, listener) => {
      watchers.set(name, listener);
      return () => watchers.delete(name);
    },
  };
  const shared = (): SharedSession => new SharedSession(vault, 'acct', processLocalLock(), signal);
  return { store, vault, announced, watchers, shared };
}

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('SharedSession', () => {
  it('reports a change only against a version it saw before', async () => {
    const { vault, shared } = setup();
    const mine = shared();
    expect(await mine.latest()).toEqual({ session: undefined, changed: false });
    expect(await mine.latest()).toEqual({ session: undefined, changed: false });
    await vault.write('acct', session('A'));
    expect(await mine.latest()).toEqual({ session: session('A'), changed: true });
    expect(await mine.latest()).toMatchObject({ changed: false });
    await vault.write('acct', { not: 'a session' });
    expect(await mine.latest()).toEqual({ session: undefined, changed: true });
  });

  it('saves over the version it saw, and refuses when someone else wrote in between', async () => {
    const { vault, shared } = setup();
    const mine = shared();
    await mine.latest();
    expect(await mine.save(session('A'), true)).toBe(true);
    await vault.write('acct', session('B'));
    expect(await mine.save(session('C'), true)).toBe(false);
    expect(await vault.read('acct')).toEqual(session('B'));
    // Without a comparison it replaces whatever is there.
    expect(await mine.save(session('D'), false)).toBe(true);
    expect(await vault.read('acct')).toEqual(session('D'));
  });

  it('compares against "nothing stored" when it saw nothing', async () => {
    const { vault, shared } = setup();
    const mine = shared();
    await mine.latest();
    await vault.write('acct', session('B'));
    expect(await mine.save(session('A'), true)).toBe(false);
    expect(await mine.remove(true)).toBe(false);
    expect(await vault.read('acct')).toEqual(session('B'));
  });

  it('deletes only the version it saw, and then knows nothing is stored', async () => {
    const { vault, shared } = setup();
    const mine = shared();
    await vault.write('acct', session('A'));
    await mine.latest();
    expect(await mine.remove(true)).toBe(true);
    expect(await vault.read('acct')).toBeUndefined();
    expect(await mine.latest()).toEqual({ session: undefined, changed: false });
    expect(await mine.save(session('B'), true)).toBe(true);
  });

  it('writes with one keychain call once it knows what is stored', async () => {
    const { store, shared } = setup();
    const mine = shared();
    let before = store.calls;
    await mine.save(session('A'), false);
    expect(store.calls - before).toBe(2);
    before = store.calls;
    await mine.save(session('B'), false);
    expect(store.calls - before).toBe(1);
  });

  it('announces each change after the current turn, and never a refused one', async () => {
    const { vault, announced, shared } = setup();
    const mine = shared();
    await mine.save(session('A'), false);
    expect(announced).toEqual([]);
    await nextTurn();
    expect(announced).toEqual(['acct']);
    await vault.write('acct', session('B'));
    await mine.save(session('C'), true);
    await mine.remove(true);
    await nextTurn();
    expect(announced).toEqual(['acct']);
    await mine.latest();
    await mine.remove(true);
    await nextTurn();
    expect(announced).toEqual(['acct', 'acct']);
  });

  it('runs tasks one at a time under its lock, and passes watching on to the signal', async () => {
    const { watchers, shared } = setup();
    const mine = shared();
    const order: string[] = [];
    await Promise.all([
      mine.exclusive(async () => {
        order.push('a-start');
        await nextTurn();
        order.push('a-end');
      }),
      mine.exclusive(() => {
        order.push('b');
        return Promise.resolve();
      }),
    ]);
    expect(order).toEqual(['a-start', 'a-end', 'b']);
    let heard = 0;
    const stop = mine.watch(() => (heard += 1));
    watchers.get('acct')?.();
    expect(heard).toBe(1);
    stop();
    expect(watchers.has('acct')).toBe(false);
  });
});
