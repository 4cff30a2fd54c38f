import { describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  TokenVault,
  VersionConflictError,
  clientSecretAccount,
  keychainFix,
  keychainUnlockFix,
  layoutFor,
  sessionAccount,
  splitIntoChunks,
  type VaultLayout,
} from '../../../../main/core/session/token-vault.ts';
import { AuthError } from '../../../../main/core/errors.ts';
import { KeychainLockedError } from '../../../../main/core/ports.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';

const big = (n: number): { blob: string; name: string } => ({ blob: 'x'.repeat(n), name: 'Zoë 🔑' });
const LAYOUTS: VaultLayout[] = ['single-entry', 'chunked'];

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

describe('layoutFor', () => {
  it.each([
    ['win32', 'chunked'],
    ['linux', 'single-entry'],
    ['darwin', 'single-entry'],
  ] as const)('%s → %s', (platform, layout) => expect(layoutFor(platform)).toBe(layout));
});

describe('TokenVault, chunked layout (Windows)', () => {
  it('round-trips values larger than the Windows limit, every entry under 2,560 bytes', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    const value = big(7000);
    await vault.write('session:a', value);
    expect(await vault.read('session:a')).toEqual(value);
    for (const entry of store.entries.values()) expect(Buffer.byteLength(entry)).toBeLessThanOrEqual(2560);
    expect(store.entries.size).toBe(1 + 4);
  });

  it('replaces a value by filling the other slot, then the index, then clearing the old slot', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write('s', big(9000));
    await vault.write('s', big(100));
    expect(await vault.read('s')).toEqual(big(100));
    // The previous value is not kept at rest: index + one chunk.
    expect(store.entries.size).toBe(2);
    await vault.write('s', big(5000));
    expect(await new TokenVault(store, 'svc', undefined, 'chunked').read('s')).toEqual(big(5000));
    expect(store.entries.size).toBe(1 + 3);
  });

  it.each([0, 1, 2, 3])(
    'keeps the old value readable when a write crashes after %i entries (3 chunks, then the index)',
    async (n) => {
      const store = new MemorySecretStore();
      const vault = new TokenVault(store, 'svc', undefined, 'chunked');
      const old = { v: 'old', pad: 'o'.repeat(3000) };
      await vault.write('s', old);
      store.failOnWrite = n;
      const next = { v: 'new', pad: 'n'.repeat(5000) };
      await expect(vault.write('s', next)).rejects.toThrow();
      expect(await vault.read('s')).toEqual(old);
      const fresh = new TokenVault(store, 'svc', undefined, 'chunked');
      expect(await fresh.read('s')).toEqual(old);
      await fresh.write('s', next);
      expect(await new TokenVault(store, 'svc', undefined, 'chunked').read('s')).toEqual(next);
    },
  );

  it('never returns a mix: chunks of another value under an index fail the checksum', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write('s', { v: 'one', pad: 'a'.repeat(3000) });
    const index = JSON.parse((await store.get('svc', 's'))!) as { slot: string };
    // Another writer's chunk lands in the slot the index names (what a stale slot cache did).
    await store.set('svc', `s#${index.slot}.1`, 'b'.repeat(1100));
    expect(await vault.read('s')).toBeUndefined();
  });

  it('reads an index written before checksums existed', async () => {
    const store = new MemorySecretStore();
    await store.set('svc', 's#a.0', '{"v":"old"}');
    await store.set('svc', 's', JSON.stringify({ v: 1, slot: 'a', n: 1 }));
    expect(await new TokenVault(store, 'svc', undefined, 'single-entry').read('s')).toEqual({ v: 'old' });
  });

  it.each([0, 1, 2])('removal killed after %i deletes leaves no chunk without its index', async (n) => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write('s', big(5000));
    let deletes = 0;
    const realDelete = store.delete.bind(store);
    store.delete = async (service, account) => {
      if (deletes++ === n) throw new Error('killed');
      return realDelete(service, account);
    };
    await expect(vault.remove('s')).rejects.toThrow();
    const chunksLeft = [...store.entries.keys()].filter((k) => k.includes('#')).length;
    const indexLeft = store.entries.has('svc\u0000s');
    expect(chunksLeft === 0 || indexLeft).toBe(true);
  });
});

describe.each(LAYOUTS)('TokenVault, %s layout', (layout) => {
  const vaultOn = (store: MemorySecretStore, timeoutMs?: number): TokenVault =>
    new TokenVault(store, 'svc', timeoutMs, layout);

  it('alternates slots, and removes a value from whichever slot holds it', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    const slots: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vault.write('s', big(100 + i));
      slots.push((JSON.parse(store.entries.get('svc\u0000s')!) as { slot: string }).slot);
    }
    expect(slots).toEqual(['a', 'b', 'a']);
    await vault.write('s', big(100));
    expect(await vault.remove('s')).toBe(true);
    expect(store.entries.size).toBe(0);
  });

  it('removes a value with all its entries and keeps others', async () => {
    const store = new MemorySecretStore();
    const vault = vaultOn(store);
    await vault.write('s', big(5000));
    await vault.write('other', 'keep');
    expect(await vault.remove('s')).toBe(true);
    expect(await vault.read('s')).toBeUndefined();
    expect(await vault.read('other')).toBe('keep');
    expect([...store.entries.keys()].filter((k) => k.startsWith('svc\u0000s'))).toEqual([]);
  });

  it('writes and deletes only over the version the caller read (compare-and-swap)', async () => {
    const store = new MemorySecretStore();
    const mine = vaultOn(store);
    const theirs = vaultOn(store);
    await mine.write('s', { n: 1 });
    const seen = await mine.readVersioned('s');
    await theirs.write('s', { n: 2 });
    await expect(mine.write('s', { n: 3 }, { expected: seen.version })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(await mine.remove('s', { expected: seen.version })).toBe(false);
    expect(await mine.read('s')).toEqual({ n: 2 });
    const now = await mine.readVersioned('s');
    expect(await mine.write('s', { n: 4 }, { expected: now.version })).not.toBe(now.version);
    expect(await mine.read('s')).toEqual({ n: 4 });
    expect(await mine.remove('s', { expected: (await mine.readVersioned('s')).version })).toBe(true);
    expect(await mine.write('s', { n: 5 }, { expected: null })).toBeTruthy();
  });

  it('reads a missing or corrupt value as undefined', async () => {
    const store = new MemorySecretStore();
    const vault = vaultOn(store);
    expect(await vault.read('nothing')).toBeUndefined();
    await store.set('svc', 'bad', 'not json');
    expect(await vault.read('bad')).toBeUndefined();
    await store.set('svc', 'lost', JSON.stringify({ v: 1, slot: 'a', n: 2 }));
    expect(await vault.read('lost')).toBeUndefined();
  });

  it('turns any keychain failure into keychain_unavailable with a fix', async () => {
    const store = new MemorySecretStore();
    store.unavailable = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const error = await vaultOn(store)
      .read('s')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('keychain_unavailable');
    expect((error as AuthError).message).toMatch(/GNOME Keyring|Keychain|Credential Manager/);
  });

  it('turns a locked keychain into keychain_locked with unlock advice', async () => {
    const store = new MemorySecretStore();
    store.unavailable = new KeychainLockedError('locked');
    const error = (await vaultOn(store)
      .read('s')
      .catch((e: unknown) => e)) as AuthError;
    expect(error.code).toBe('keychain_locked');
    expect(error.message).toMatch(/locked.*[Uu]nlock/);
  });

  it('gives up on a keychain that does not answer in time, and fails fast while it hangs', async () => {
    const store = new MemorySecretStore();
    store.delayMs = Infinity;
    const vault = vaultOn(store, 50);
    await expect(vault.write('s', 'v')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    const callsBefore = store.calls;
    const started = Date.now();
    await expect(vault.read('s')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    expect(Date.now() - started).toBeLessThan(40);
    expect(store.calls).toBe(callsBefore);
  });

  it('says how long it waited, and answers again once the hung call returns', async () => {
    const store = new MemorySecretStore();
    store.delayMs = 150;
    const vault = vaultOn(store, 50);
    await expect(vault.read('s')).rejects.toThrow(/^The OS keychain did not answer within 0\.05 s\. /);
    await expect(vault.read('s')).rejects.toThrow(/^The OS keychain has stopped answering\. /);
    await new Promise((r) => setTimeout(r, 200));
    store.delayMs = 0;
    await expect(vault.read('s')).resolves.toBeUndefined();
  });

  it('keeps the keychain’s own error as the cause', async () => {
    for (const failure of [new Error('no D-Bus'), new KeychainLockedError('locked')]) {
      const store = new MemorySecretStore();
      store.unavailable = failure;
      await expect(vaultOn(store).read('s')).rejects.toMatchObject({ cause: failure });
    }
  });
});

describe('TokenVault, single-entry layout', () => {
  it('writes with one keychain call when the caller knows what is stored', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'single-entry');
    const version = await vault.write('s', { n: 1 });
    const before = store.calls;
    await vault.write('s', { n: 2 }, { current: version });
    expect(store.calls - before).toBe(1);
    expect(await vault.read('s')).toEqual({ n: 2 });
  });

  it('clears the chunks of a session stored in the chunked layout when it replaces it', async () => {
    const store = new MemorySecretStore();
    const chunked = new TokenVault(store, 'svc', undefined, 'chunked');
    // Twice: the value then lives in slot b.
    await chunked.write('s', big(5000));
    const version = await chunked.write('s', big(5000));
    await new TokenVault(store, 'svc', undefined, 'single-entry').write('s', { n: 1 }, { current: version });
    expect([...store.entries.keys()]).toEqual(['svc\u0000s']);
  });
});

describe('keychain accounts', () => {
  it('keys entries by provider and client id', () => {
    expect(clientSecretAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://a', 'c2'));
    expect(clientSecretAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://b', 'c1'));
    expect(sessionAccount('https://a', 'c1')).not.toBe(clientSecretAccount('https://a', 'c1'));
    // The names are what an upgrade finds sessions and secrets under: they must not change.
    expect(sessionAccount('https://a', 'c1')).toBe('session:c1@https://a');
  });
});

describe('the keychain advice, per OS', () => {
  it.each<[NodeJS.Platform, RegExp, RegExp]>([
    [
      'darwin',
      /^Unlock your login keychain \(Keychain Access\)/,
      /^Unlock your login keychain in Keychain Access/,
    ],
    [
      'win32',
      /^Check that Windows Credential Manager is running/,
      /^Sign in to Windows again to unlock Credential Manager/,
    ],
    [
      'linux',
      /^Install and unlock GNOME Keyring or KWallet/,
      /^Unlock your keyring \(Passwords and Keys \/ Seahorse, or `gnome-keyring-daemon --unlock` in an SSH session\)/,
    ],
  ])('%s', (platform, fix, unlock) => {
    expect(keychainFix(platform)).toMatch(fix);
    expect(keychainUnlockFix(platform)).toMatch(unlock);
    expect(keychainUnlockFix(platform)).toMatch(/then try again\.$/);
  });
});

describe('TokenVault, what it reads back', () => {
  const account = 's';
  const key = `svc\u0000${account}`;
  it.each([
    ['an index of another version', { v: 2, slot: 'a', n: 1 }],
    ['an index with no slot', { v: 1, slot: 'c', n: 1 }],
    ['an index with no chunks', { v: 1, slot: 'a', n: 0 }],
    ['an index with a count that is not a whole number', { v: 1, slot: 'a', n: 1.5 }],
    ['an index with a checksum that is not text', { v: 1, slot: 'a', n: 1, sum: 7 }],
    ['an inline entry of another version', { v: 2, data: { n: 1 } }],
    ['an inline entry without data', { v: 1 }],
    ['JSON null', null],
  ])('reads %s as nothing', async (_, entry) => {
    const store = new MemorySecretStore();
    store.entries.set(key, JSON.stringify(entry));
    // The chunk the entry names is there: only the entry's own shape makes it unreadable.
    const slot = (entry as { slot?: string } | null)?.slot ?? 'a';
    store.entries.set(`svc\u0000${account}#${slot}.0`, JSON.stringify({ n: 1 }));
    expect(await new TokenVault(store, 'svc', undefined, 'chunked').read(account)).toBeUndefined();
  });

  it('checks chunks against the index checksum (22 characters of SHA-256) and reads again on a mismatch', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write(account, { n: 1 });
    const index = JSON.parse(store.entries.get(key)!) as { sum: string; slot: string };
    expect(index.sum).toMatch(/^[\w-]{22}$/);
    // A damaged chunk under an index that does not change: read twice, then nothing.
    store.entries.set(`${key}#${index.slot}.0`, JSON.stringify({ n: 2 }));
    const before = store.calls;
    expect(await vault.read(account)).toBeUndefined();
    expect(store.calls - before).toBe(3);
    // Its version is still the index's: a compare-and-delete can remove the damaged value.
    expect((await vault.readVersioned(account)).version).toBe(store.entries.get(key));
  });

  it('reads an index without a checksum whose chunks are not all there as nothing', async () => {
    const store = new MemorySecretStore();
    store.entries.set(key, JSON.stringify({ v: 1, slot: 'a', n: 2 }));
    // The first chunk alone is valid JSON: it must not pass for the whole value.
    store.entries.set(`${key}#a.0`, JSON.stringify({ n: 1 }));
    expect(await new TokenVault(store, 'svc', undefined, 'chunked').read(account)).toBeUndefined();
  });

  it('gives up after four reads of a value that changes under every one of them', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write(account, big(3000));
    let indexReads = 0;
    let n = 0;
    const get = store.get.bind(store);
    store.get = async (service, name) => {
      if (name === account) {
        indexReads += 1;
        // Each index read is followed by a writer storing another value: new chunks, new index.
        const index = await get(service, name);
        const chunked = JSON.parse(index!) as { slot: string; sum: string };
        store.entries.set(`${key}#${chunked.slot}.0`, JSON.stringify({ n: ++n }));
        store.entries.set(key, JSON.stringify({ ...chunked, sum: `changed-${n}` }));
        return index;
      }
      return get(service, name);
    };
    const { value, version } = await vault.readVersioned(account);
    expect(value).toBeUndefined();
    // Four attempts of two index reads each; the version is the one the last attempt started from.
    expect(indexReads).toBe(4 * 2);
    expect(version).toContain('"sum":"changed-6"');
  });

  it('reads a value again when a writer replaced it between the index and the chunks', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    await vault.write(account, big(3000));
    const other = new TokenVault(store, 'svc', undefined, 'chunked');
    // The first chunk read finds the slot emptied by a writer that then stored a new index.
    let reads = 0;
    const get = store.get.bind(store);
    store.get = async (service, name) => {
      reads += 1;
      if (reads === 2) await other.write(account, big(4000));
      return get(service, name);
    };
    expect(await vault.read(account)).toEqual(big(4000));
  });

  it('reads an entry the keychain holds as plain text as nothing', async () => {
    const store = new MemorySecretStore();
    store.entries.set(key, 'not json');
    for (const layout of LAYOUTS)
      expect(await new TokenVault(store, 'svc', undefined, layout).read(account)).toBeUndefined();
  });
});

describe('TokenVault, how many keychain calls', () => {
  it('reads first when it does not know what is stored, or when it must compare', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'single-entry');
    let before = store.calls;
    const version = await vault.write('s', { n: 1 });
    expect(store.calls - before).toBe(2);
    before = store.calls;
    await vault.write('s', { n: 2 }, { expected: version });
    expect(store.calls - before).toBe(2);
    before = store.calls;
    await expect(vault.write('s', { n: 3 }, { expected: version })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(store.calls - before).toBe(1);
  });

  it('the chunked layout always reads the index first: the slot to write depends on it', async () => {
    const store = new MemorySecretStore();
    const vault = new TokenVault(store, 'svc', undefined, 'chunked');
    const version = await vault.write('s', big(10));
    const before = store.calls;
    await vault.write('s', big(20), { current: version });
    // get index, set chunk, set index, clear the other slot's first chunk (delete), clear the tail.
    expect(store.calls - before).toBeGreaterThanOrEqual(4);
    const index = JSON.parse(store.entries.get('svc\u0000s')!) as { slot: string };
    expect(index.slot).toBe('b');
  });

  it('removes with one delete when it knows the single entry, and clears chunks only where they can be', async () => {
    const store = new MemorySecretStore();
    const single = new TokenVault(store, 'svc', undefined, 'single-entry');
    const version = await single.write('s', { n: 1 });
    let before = store.calls;
    expect(await single.remove('s', { current: version })).toBe(true);
    expect(store.calls - before).toBe(1);
    before = store.calls;
    expect(await single.remove('s')).toBe(true);
    // Nothing stored, single-entry: one read, no deletes.
    expect(store.calls - before).toBe(1);
    const chunked = new TokenVault(store, 'svc', undefined, 'chunked');
    before = store.calls;
    await chunked.remove('s');
    // The chunked layout looks for chunks a killed first write may have left.
    expect(store.calls - before).toBeGreaterThan(1);
  });

  it('names its conflict error', () => {
    expect(new VersionConflictError().name).toBe('VersionConflictError');
  });
});
