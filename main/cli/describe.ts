/** How the CLI names a signed-in user and an account, one line each. */
import type { AccountSummary } from '../app/profiles-and-accounts.ts';
import { minutesLeft, type Profile } from '../core/session/session.ts';

/** One line of `account list` and `status --all`: `* work/alice@example.com  signed in, 54 min left`. */
export function describeAccount(account: AccountSummary): string {
  const state = account.problem
    ? account.problem
    : account.signedIn
      ? (account.expiresAt ?? 0) > Date.now()
        ? `signed in, ${minutesLeft(account.expiresAt ?? 0, Date.now())} min left`
        : 'signed in, access token expired (refreshed on next use)'
      : 'signed out';
  const name = `${account.profile}/${account.name ?? '(first account)'}`;
  return `${account.active ? '*' : ' '} ${name.padEnd(40)} ${state}${account.id ? `  [id ${account.id}]` : ''}`;
}

export function describeProfile(profile: Profile): string {
  const groups = profile.groups.length > 0 ? ` · groups: ${profile.groups.join(', ')}` : '';
  const through = profile.signedInWith ? ` through ${profile.signedInWith.providerName}` : '';
  const now = Date.now();
  const validity =
    profile.expiresAt > now
      ? `access token valid for ${minutesLeft(profile.expiresAt, now)} min`
      : `access token expired ${describeAgo(now - profile.expiresAt)}`;
  return `Signed in as ${profile.username}${through}${groups} · ${validity}`;
}

/** `3 min ago`, `2 h ago`, `just now`. */
function describeAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  return minutes < 120 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}
