import type { ReactNode } from 'react';
import type { AccountDto, SwitcherDto } from '../../../preload/contract.ts';
import { useCall } from './use-call.ts';
import { useApi } from '../api.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { TFunction } from 'i18next';
import { useT } from '../i18n.ts';

/** How an account is named in the list: its name, and its profile when there are several. */
function accountLabel(account: AccountDto, switcher: SwitcherDto, t: TFunction): string {
  const name = account.name ?? t('First account');
  return switcher.profiles.length > 1
    ? t('{{name}} ({{profile}})', { name, profile: account.profile })
    : name;
}

/**
 * The accounts of every profile: switch to one (no network while its tokens are valid), remove one
 * (signed out, its entries deleted), add another, or manage the profiles (in Settings). A list and
 * buttons: all keyboard-reachable.
 */
export function AccountSwitcher({
  switcher,
  onManageProfiles,
}: {
  switcher: SwitcherDto;
  onManageProfiles: () => void;
}): ReactNode {
  const api = useApi();
  const t = useT();
  const [error, run] = useCall();
  const listed = switcher.accounts.filter((a) => a.signedIn || a.name !== undefined);
  const isCurrent = (a: AccountDto): boolean => a.active && a.profile === switcher.profile;
  return (
    <section aria-labelledby="accounts-title" className="panel wide">
      <h2 id="accounts-title">{t('Accounts')}</h2>
      {error ? <ErrorNotice error={error} /> : null}
      {listed.length > 0 ? (
        <ul className="accounts">
          {listed.map((account) => (
            <li
              key={`${account.profile}/${account.id}`}
              aria-current={isCurrent(account) ? 'true' : undefined}
            >
              <span className="account-name">{accountLabel(account, switcher, t)}</span>
              <span className="account-state">
                {isCurrent(account) ? t('in use') : account.signedIn ? t('signed in') : t('signed out')}
              </span>
              {isCurrent(account) ? null : (
                <button
                  type="button"
                  onClick={() => void run(api.useAccount({ profile: account.profile, id: account.id }))}
                  aria-label={t('Switch to {{account}}', { account: accountLabel(account, switcher, t) })}
                >
                  {t('Switch')}
                </button>
              )}
              <button
                type="button"
                onClick={() => void run(api.signOutAccount({ profile: account.profile, id: account.id }))}
                aria-label={t('Remove {{account}}', { account: accountLabel(account, switcher, t) })}
                title={t('Sign this account out and remove it from the list')}
              >
                {t('Remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('No account is signed in.')}</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void run(api.addAccount())}>
          {t('Add account…')}
        </button>
        <button type="button" className="link" onClick={onManageProfiles}>
          {t('Manage profiles…')}
        </button>
      </div>
    </section>
  );
}
