import type { ReactNode } from 'react';
import { useT } from '../../i18n.ts';

/** The write-only client secret: typed to replace, never shown; a stored one can be removed. */
export function SecretField({
  secret,
  hasClientSecret,
  removeSecret,
  onSecretChange,
  onRemoveChange,
}: {
  secret: string;
  hasClientSecret: boolean;
  removeSecret: boolean;
  onSecretChange: (secret: string) => void;
  onRemoveChange: (remove: boolean) => void;
}): ReactNode {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor="field-clientSecret">{t('Client secret')}</label>
      <input
        id="field-clientSecret"
        name="clientSecret"
        type="password"
        value={secret}
        placeholder={
          hasClientSecret ? t('A secret is stored — type to replace it') : t('None stored (public client)')
        }
        onChange={(event) => onSecretChange(event.target.value)}
        aria-describedby="hint-clientSecret"
        autoComplete="off"
        disabled={removeSecret}
      />
      <small id="hint-clientSecret">
        {t('Write-only: kept in the system keychain, never shown again.')}{' '}
        {hasClientSecret ? t('A secret is stored.') : t('No secret is stored.')}
      </small>
      {hasClientSecret ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={removeSecret}
            onChange={(event) => onRemoveChange(event.target.checked)}
          />{' '}
          {t('Remove the stored secret (public client)')}
        </label>
      ) : null}
    </div>
  );
}
