import { useState, type ReactNode } from 'react';
import { useApi } from '../../api.tsx';
import { useT } from '../../i18n.ts';

function CopyRow({ label, value }: { label: string; value: string }): ReactNode {
  const api = useApi();
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <span>{label}</span>
      <code>{value}</code>
      <button
        type="button"
        onClick={() => void api.copyText(value).then((r) => setCopied(r.ok))}
        aria-label={t('Copy {{what}}', { what: label })}
      >
        {copied ? t('Copied') : t('Copy')}
      </button>
    </div>
  );
}

/** The URLs to register in the provider, with copy buttons. */
export function RegisterPanel({
  callbackUrl,
  signOutUrl,
}: {
  callbackUrl: string;
  signOutUrl: string;
}): ReactNode {
  const t = useT();
  return (
    <section aria-labelledby="register-title" className="panel">
      <h2 id="register-title">{t('Register these in Cognito')}</h2>
      <p>{t('In the app client’s login pages, add:')}</p>
      <CopyRow label={t('Allowed callback URL')} value={callbackUrl} />
      <CopyRow label={t('Allowed sign-out URL')} value={signOutUrl} />
    </section>
  );
}
