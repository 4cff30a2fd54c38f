/** How the CLI names a signed-in user and an account, one line each. */
import type { AccountSummary } from '../app/profiles-and-accounts.ts';
import { minutesLeft, type Profile } from '../core/session/session.ts';

/** One line of `account list` and `status --all`: `* work/alice@example.com  signed in, 54 min left`. */
export function describeAccount(account: AccountSummary): string {
  const state = account.problem
    ? account.problem
    : account.signedIn
      ? `signed in, ${minutesLeft(account.expiresAt ?? 0, Date.now())} min left`
      : 'signed out';
  const name = `${account.profile}/${account.name ?? '(first account)'}`;
  return `${account.active ? '*' : ' '} ${name.padEnd(40)} ${state}${account.id ? `  [id ${account.id}]` : ''}`;
}

export function describeProfile(profile: Profile): string {
  const groups = profile.groups.length > 0 ? ` · groups: ${profile.groups.join(', ')}` : '';
  const through = profile.signedInWith ? ` through ${profile.signedInWith.providerName}` : '';
  const minutes = minutesLeft(profile.expiresAt, Date.now());
  return `Signed in as ${profile.username}${through}${groups} · access token valid for ${minutes} min`;
}
