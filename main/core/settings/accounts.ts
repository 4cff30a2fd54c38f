/**
 * Accounts: several people (or one person's admin and normal users) signed in to one profile at
 * once, one of them active. Each account's session is a keychain entry of its own (its id is
 * part of the entry's name, see token-vault.ts); this module decides the list and the active one,
 * as pure functions of the accounts state (`accounts.json` in the settings folder, no token in it).
 *
 * The first account of a profile has the empty id: its session entry has the name every version
 * before accounts used, so an upgrade keeps the session with nothing to redo. A profile the state
 * does not mention yet has that one account, active (signed in or not).
 */
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';

/** The id of a profile's first account: no suffix on its keychain entries. */
export const FIRST_ACCOUNT = '';

/** One account: who it is (as last seen), never a token. */
export interface AccountRecord {
  id: string;
  /** The name shown for it (email or user name), once known. */
  name?: string;
  /** The ID token's `sub`: the same person signing in twice replaces their account. */
  subject?: string;
}

export interface ProfileAccounts {
  active: string;
  accounts: AccountRecord[];
}

export interface AccountsState {
  v: 1;
  /** The profile in use (`profile use`, the app's switcher); absent: the first there is. */
  profile?: string;
  profiles: Record<string, ProfileAccounts>;
}

export const EMPTY_ACCOUNTS: AccountsState = { v: 1, profiles: {} };

/** The state as read from its file: anything malformed reads as nothing known. */
export function parseAccountsState(value: unknown): AccountsState {
  const profiles: Record<string, ProfileAccounts> = {};
  const raw = (value as { profiles?: unknown } | null)?.profiles;
  const chosen = (value as { profile?: unknown } | null)?.profile;
  const selection = typeof chosen === 'string' ? { profile: chosen } : {};
  if (typeof raw !== 'object' || raw === null) return { v: 1, ...selection, profiles };
  for (const [profile, entry] of Object.entries(raw as Record<string, unknown>)) {
    const { active, accounts } = (entry ?? {}) as { active?: unknown; accounts?: unknown };
    if (typeof active !== 'string' || !Array.isArray(accounts)) continue;
    const records = accounts
      .filter((a): a is AccountRecord => typeof (a as AccountRecord | null)?.id === 'string')
      .map(({ id, name, subject }) => ({
        id,
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof subject === 'string' ? { subject } : {}),
      }));
    profiles[profile] = { active, accounts: records };
  }
  return { v: 1, ...selection, profiles };
}

/** A profile's accounts; one the state does not mention has its first account only. */
export function accountsOf(state: AccountsState, profile: string): ProfileAccounts {
  return state.profiles[profile] ?? { active: FIRST_ACCOUNT, accounts: [{ id: FIRST_ACCOUNT }] };
}

function withProfile(state: AccountsState, profile: string, entry: ProfileAccounts): AccountsState {
  return { ...state, profiles: { ...state.profiles, [profile]: entry } };
}

/** `profile` in use from now on. */
export function withSelectedProfile(state: AccountsState, profile: string): AccountsState {
  return { ...state, profile };
}

/** A new account's id: short, unused in the profile. */
export function newAccountId(state: AccountsState, profile: string, random: () => string): string {
  const used = new Set(accountsOf(state, profile).accounts.map((a) => a.id));
  for (;;) {
    const id = random();
    if (id !== FIRST_ACCOUNT && !used.has(id)) return id;
  }
}

/**
 * After `who` signed in to account `id`: the account is recorded and active. Another account of
 * the profile with the same subject is the same person signed in twice: it is dropped, and its id
 * returned so its keychain entries can be deleted.
 */
export function withSignedIn(
  state: AccountsState,
  profile: string,
  id: string,
  who: { name: string; subject: string },
): { state: AccountsState; replaced: string[] } {
  const { accounts } = accountsOf(state, profile);
  const replaced = accounts.filter((a) => a.id !== id && a.subject === who.subject).map((a) => a.id);
  const record: AccountRecord = { id, name: who.name, subject: who.subject };
  const kept = accounts.filter((a) => !replaced.includes(a.id));
  const next = kept.some((a) => a.id === id)
    ? kept.map((a) => (a.id === id ? record : a))
    : [...kept, record];
  return { state: withProfile(state, profile, { active: id, accounts: next }), replaced };
}

/** `id` made the active account of `profile`. */
export function withActiveAccount(state: AccountsState, profile: string, id: string): AccountsState {
  const entry = accountsOf(state, profile);
  return withProfile(state, profile, { ...entry, active: findAccountIn(entry, profile, id).id });
}

/** `id` removed; when it was active, the first one left is (or none: the next sign-in is the first account). */
export function withoutAccount(state: AccountsState, profile: string, id: string): AccountsState {
  const entry = accountsOf(state, profile);
  const accounts = entry.accounts.filter((a) => a.id !== id);
  const active = entry.active === id ? (accounts[0]?.id ?? FIRST_ACCOUNT) : entry.active;
  return withProfile(state, profile, { active, accounts });
}

/** The state without anything of `profile`. */
export function withoutProfileAccounts(state: AccountsState, profile: string): AccountsState {
  const others = { ...state.profiles };
  delete others[profile];
  const { profile: chosen, ...rest } = state;
  return {
    ...rest,
    ...(chosen !== undefined && chosen !== profile ? { profile: chosen } : {}),
    profiles: others,
  };
}

/**
 * The account `ref` names in `profile`: its id, its name or its subject. Throws
 * `invalid_settings` listing the accounts when none or several match.
 */
export function findAccount(state: AccountsState, profile: string, ref: string): AccountRecord {
  return findAccountIn(accountsOf(state, profile), profile, ref);
}

function findAccountIn(entry: ProfileAccounts, profile: string, ref: string): AccountRecord {
  const byId = entry.accounts.find((a) => a.id === ref);
  if (byId) return byId;
  const matches = entry.accounts.filter((a) => a.name === ref || a.subject === ref);
  if (matches.length === 1) return matches[0]!;
  const known = entry.accounts.map((a) => a.name ?? t('(first account)')).join(', ') || t('none');
  throw new AuthError(
    'invalid_settings',
    matches.length > 1
      ? t(
          'Several accounts of profile "{{profile}}" are called "{{ref}}": name one by its id (cognito-desktop account list).',
          { profile, ref },
        )
      : t('Profile "{{profile}}" has no account "{{ref}}". Accounts: {{known}}.', { profile, ref, known }),
  );
}

/** Where the accounts state lives: read freely, changed one process at a time. */
export interface AccountsStore {
  read(): AccountsState;
  /** Applies `change` to the state as stored now, holding a lock across processes; returns its result. */
  update<T>(change: (state: AccountsState) => { state: AccountsState; result: T }): Promise<T>;
  /** Calls `listener` when another process changed the state; returns a stop function. */
  watch(listener: () => void): () => void;
}
