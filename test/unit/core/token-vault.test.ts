import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  TokenVault,
  clientSecretAccount,
  sessionAccount,
  splitIntoChunks,
} from '../../../main/core/token-vault.ts';
import { AuthError } from '../../../main/core/errors.ts';
import { MemorySecretStore } from '../../fakes/memory-secret-store.ts';

const big = (n: number): { blob: string; name: string } => ({ blob: 'x'.repeat(n), name: 'Zoë 🔑' });

describe('splitIntoChunks', () => {
  it.each([
    [0, 1],
    [1, 1],
    [CHUNK_BYTES, 1],
    [CHUNK_BYTES + 1, 2],
    [5 * CHUNK_BYTES, 5],
  ])('splits %i bytes into %i chunk(s) of at most CHUNK_BYTES', (length, count) => {
    const chunks = splitIntoChunks('a'.repeat(length));
    expect(chunks).toHaveLength(count);
    expect(chunks.every((c) => c.length <= CHUNK_BYTES)).toBe(true);
    expect(chunks.join('')).toHaveLength(length);
  });
});

describe('TokenVault', () => {
  it('round-trips values larger than the Windows limit, every entry under 2,560 bytes', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc');
    const value = big(7000);
    await vault.write('session:a', value);
    expect(await vault.read('session:a')).toEqual(value);
    for (const entry of store.entries.values()) expect(Buffer.byteLength(entry)).toBeLessThanOrEqual(2560);
    expect(store.entries.size).toBeGreaterThan(3);
    expect(await vault.accounts()).toEqual(['session:a']);
  });

  it('replaces a value by filling the other slot, then the index', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc');
    await vault.write('s', big(9000));
    await vault.write('s', big(100));
    expect(await vault.read('s')).toEqual(big(100));
    await vault.write('s', big(50));
    // A second process (new vault) reads the slot from the index.
    expect(await new TokenVault(store, 'svc').read('s')).toEqual(big(50));
    // Two slots at most: the entries do not pile up.
    await vault.write('s', big(100));
    expect(store.entries.size).toBeLessThanOrEqual(1 + 5 + 1);
  });

  it.each([0, 1, 2, 3])(
    'keeps the old value readable when a write crashes after %i entries (3 chunks, then the index)',
    async (n) => {
      const store = new MemorySecretStore();
      const vault = new TokenVault(store, 'svc');
      const old = { v: 'old', pad: 'o'.repeat(3000) };
      await vault.write('s', old);
      store.failOnWrite = n;
      const next = { v: 'new', pad: 'n'.repeat(5000) };
      await expect(vault.write('s', next)).rejects.toThrow();
      const read = await vault.read<typeof old>('s');
      expect(read).toEqual(old);
      // A fresh process sees the old value too, and its next write succeeds.
      const fresh = new TokenVault(store, 'svc');
      expect(await fresh.read('s')).toEqual(old);
      await fresh.write('s', next);
      expect(await new TokenVault(store, 'svc').read('s')).toEqual(next);
    },
  );

  it('removes a value with all its chunks', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc');
    await vault.write('s', big(5000));
    await vault.write('other', 'keep');
    await vault.remove('s');
    expect(await vault.read('s')).toBeUndefined();
    expect(await vault.read('other')).toBe('keep');
    expect(store.entries.size).toBe(2);
  });

  it('reads a missing or corrupt value as undefined', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc');
    expect(await vault.read('nothing')).toBeUndefined();
    await store.set('svc', 'bad', 'not json');
    expect(await vault.read('bad')).toBeUndefined();
    await store.set('svc', 'lost', JSON.stringify({ v: 1, slot: 'a', n: 2 }));
    expect(await vault.read('lost')).toBeUndefined();
  });

  it('turns any keychain failure into keychain_unavailable with a fix', async () => {
    const store = new MemorySecretStore();
    store.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const vault = new TokenVault(store, 'svc');
    const error = await vault.read('s').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('keychain_unavailable');
    expect((error as AuthError).message).toMatch(/GNOME Keyring|Keychain|Credential Manager/);
  });

  it('gives up on a keychain that does not answer in time', async () => {
    const store = new MemorySecretStore();
    store.delayMs = 200;
    const vault = new TokenVault(store, 'svc', 50);
    await expect(vault.write('s', 'v')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });

  it('keys entries by provider and client id', () => {
    expect(clientSecretAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://a', 'c2'));
    expect(clientSecretAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://b', 'c1'));
    expect(sessionAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://a', 'c1'));
  });
});
