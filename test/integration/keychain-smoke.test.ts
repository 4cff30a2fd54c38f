/**
 * The OS keychain is real in these tests (GNOME Keyring over D-Bus on Linux; `npm test` starts a
 * private one when none answers). This smoke test proves keytar reaches it: write, read, delete,
 * and the entry seen from outside the app (`secret-tool` on Linux).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { keychainValue } from '../support/keychain-inspect.ts';

const service = `cognito-desktop-smoke-${randomUUID()}`;

describe('OS keychain smoke test', () => {
  it('writes, reads and deletes an entry through keytar', async () => {
    await keytar.setPassword(service, 'probe', 'value-1');
    expect(await keytar.getPassword(service, 'probe')).toBe('value-1');
    expect(await keychainValue(service, 'probe')).toBe('value-1');
    expect(await keytar.deletePassword(service, 'probe')).toBe(true);
    expect(await keytar.getPassword(service, 'probe')).toBeNull();
  });
});
