/** The accounts of each profile: who is recorded, which one is active, the same person never twice. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ACCOUNTS,
  FIRST_ACCOUNT,
  accountsOf,
  findAccount,
  newAccountId,
  parseAccountsState,
  withActiveAccount,
  withSelectedProfile,
  withSignedIn,
  withoutAccount,
  withoutProfileAccounts,
} from '../../../../main/core/settings/accounts.ts';

const ALICE = { name: 'alice@example.com', subject: 'sub-alice' };
const BOB = { name: 'bob@example.com', subject: 'sub-bob' };

describe('accounts', () => {
  it('gives a profile it does not know its first account, active: the upgrade path', () => {
    expect(accountsOf(EMPTY_ACCOUNTS, 'default')).toEqual({ active: FIRST_ACCOUNT, accounts: [{ id: '' }] });
  });

  it('records a sign-in and keeps the first account when another is added', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'default', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'default', 'b1', BOB).state;
    expect(accountsOf(state, 'default')).toEqual({
      active: 'b1',
      accounts: [
        { id: '', ...ALICE },
        { id: 'b1', ...BOB },
      ],
    });
    expect(accountsOf(state, 'prod').accounts).toEqual([{ id: '' }]);
  });

  it('replaces the same person signing in to another account, and says which was replaced', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'p', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'p', 'b1', BOB).state;
    const again = withSignedIn(state, 'p', 'c2', { ...ALICE, name: 'Alice' });
    expect(again.replaced).toEqual([FIRST_ACCOUNT]);
    expect(accountsOf(again.state, 'p')).toEqual({
      active: 'c2',
      accounts: [
        { id: 'b1', ...BOB },
        { id: 'c2', name: 'Alice', subject: 'sub-alice' },
      ],
    });
  });

  it('switches, removes (the first left becomes active) and forgets a profile', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'p', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'p', 'b1', BOB).state;
    state = withActiveAccount(state, 'p', 'alice@example.com');
    expect(accountsOf(state, 'p').active).toBe(FIRST_ACCOUNT);
    expect(accountsOf(withoutAccount(state, 'p', 'b1'), 'p').active).toBe(FIRST_ACCOUNT);
    const aliceGone = withoutAccount(state, 'p', FIRST_ACCOUNT);
    expect(accountsOf(aliceGone, 'p')).toEqual({ active: 'b1', accounts: [{ id: 'b1', ...BOB }] });
    expect(accountsOf(withoutAccount(aliceGone, 'p', 'b1'), 'p')).toEqual({ active: '', accounts: [] });
    const chosen = withSelectedProfile(state, 'p');
    expect(withoutProfileAccounts(chosen, 'p')).toEqual({ v: 1, profiles: {} });
    expect(withoutProfileAccounts(withSelectedProfile(state, 'q'), 'p').profile).toBe('q');
  });

  it('finds an account by id, name or subject, and names the accounts when it cannot', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'p', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'p', 'b1', BOB).state;
    expect(findAccount(state, 'p', 'b1').name).toBe(BOB.name);
    expect(findAccount(state, 'p', 'sub-alice').id).toBe(FIRST_ACCOUNT);
    expect(() => findAccount(state, 'p', 'carol')).toThrow(
      'Profile "p" has no account "carol". Accounts: alice@example.com, bob@example.com.',
    );
    const twins = withSignedIn(state, 'p', 'c3', { name: BOB.name, subject: 'other' }).state;
    expect(() => findAccount(twins, 'p', BOB.name)).toThrow(/Several accounts/);
  });

  it('makes new ids that are not taken and never the first account’s', () => {
    const state = withSignedIn(EMPTY_ACCOUNTS, 'p', 'aa', ALICE).state;
    const ids = ['', 'aa', 'bb'];
    expect(newAccountId(state, 'p', () => ids.shift()!)).toBe('bb');
  });

  it('reads a damaged file as nothing known, and keeps only well-formed records', () => {
    expect(parseAccountsState('x')).toEqual(EMPTY_ACCOUNTS);
    expect(parseAccountsState(null)).toEqual(EMPTY_ACCOUNTS);
    expect(
      parseAccountsState({
        profile: 'p',
        profiles: {
          p: { active: 'a', accounts: [{ id: 'a', name: 1, token: 'x' }, { name: 'no id' }] },
          q: { active: 1 },
        },
      }),
    ).toEqual({ v: 1, profile: 'p', profiles: { p: { active: 'a', accounts: [{ id: 'a' }] } } });
  });

  it('never hands out the first account’s id, even when the profile no longer has it', () => {
    const state = withoutAccount(withSignedIn(EMPTY_ACCOUNTS, 'p', 'aa', ALICE).state, 'p', FIRST_ACCOUNT);
    expect(accountsOf(state, 'p').accounts.map((a) => a.id)).toEqual(['aa']);
    const ids = ['', 'aa', 'cc'];
    expect(newAccountId(state, 'p', () => ids.shift()!)).toBe('cc');
  });

  it('updates an account in place when its own person signs in again, keeping the order', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'p', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'p', 'b1', BOB).state;
    const again = withSignedIn(state, 'p', FIRST_ACCOUNT, { ...ALICE, name: 'Alice A.' });
    expect(again.replaced).toEqual([]);
    expect(accountsOf(again.state, 'p')).toEqual({
      active: FIRST_ACCOUNT,
      accounts: [
        { id: '', name: 'Alice A.', subject: 'sub-alice' },
        { id: 'b1', ...BOB },
      ],
    });
  });

  it('keeps the active account when another is removed, and other profiles when one is forgotten', () => {
    let state = withSignedIn(EMPTY_ACCOUNTS, 'p', FIRST_ACCOUNT, ALICE).state;
    state = withSignedIn(state, 'p', 'b1', BOB).state;
    state = withSignedIn(state, 'q', FIRST_ACCOUNT, BOB).state;
    expect(accountsOf(withoutAccount(state, 'p', FIRST_ACCOUNT), 'p').active).toBe('b1');
    const forgotten = withoutProfileAccounts(withSelectedProfile(state, 'p'), 'p');
    expect(forgotten).toEqual({ v: 1, profiles: { q: accountsOf(state, 'q') } });
    expect(() => findAccount(state, 'p', 'carol')).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
    expect(() => findAccount(withoutAccount(withoutAccount(state, 'p', 'b1'), 'p', ''), 'p', 'x')).toThrow(
      'Accounts: none.',
    );
  });

  it('reads names, subjects and the profile in use from the file, and skips malformed entries', () => {
    expect(
      parseAccountsState({
        profile: 'p',
        profiles: {
          p: { active: '', accounts: [null, { id: '', name: 'a@x', subject: 's1' }] },
          q: { active: 'x', accounts: 'none' },
          r: null,
        },
      }),
    ).toEqual({
      v: 1,
      profile: 'p',
      profiles: { p: { active: '', accounts: [{ id: '', name: 'a@x', subject: 's1' }] } },
    });
    expect(parseAccountsState({ profile: 3, profiles: 'x' })).toEqual(EMPTY_ACCOUNTS);
    expect(parseAccountsState({ profile: 'p' })).toEqual({ v: 1, profile: 'p', profiles: {} });
  });
});
