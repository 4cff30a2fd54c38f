import { useState, type ReactNode } from 'react';
import { useApi } from '../../api.tsx';

function CopyRow({ label, value }: { label: string; value: string }): ReactNode {
  const api = useApi();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-row">
      <span>{label}</span>
      <code>{value}</code>
      <button
        type="button"
        onClick={() => void api.copyText(value).then((r) => setCopied(r.ok))}
        aria-label={`Copy ${label}`}
      >
        {copied ? 'Copied' : 'Copy'}
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
  return (
    <section aria-labelledby="register-title" className="panel">
      <h2 id="register-title">Register these in Cognito</h2>
      <p>In the app client’s login pages, add:</p>
      <CopyRow label="Allowed callback URL" value={callbackUrl} />
      <CopyRow label="Allowed sign-out URL" value={signOutUrl} />
    </section>
  );
}
