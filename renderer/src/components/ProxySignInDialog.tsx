import { useEffect, useState, type ReactNode } from 'react';
import type { ProxySignInRequestDto } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { useT } from '../i18n.ts';
import { Marked } from './Marked.tsx';

/**
 * A proxy asks for a user name and password (HTTP 407): a modal dialog over whatever screen is up.
 * The password goes to the main process and is never shown or sent back; "Remember" keeps it in
 * the OS keychain. Escape or Cancel cancels; the request then fails with the proxy's error.
 */
export function ProxySignInDialog(): ReactNode {
  const api = useApi();
  const [request, setRequest] = useState<ProxySignInRequestDto | null>(null);
  useEffect(() => api.onProxySignIn(setRequest), [api]);
  if (!request) return null;
  // Keyed by the question: each one starts with empty fields.
  return (
    <ProxySignInForm
      key={`${request.proxy} ${String(request.refused)}`}
      request={request}
      onDone={() => setRequest(null)}
    />
  );
}

function ProxySignInForm({
  request,
  onDone,
}: {
  request: ProxySignInRequestDto;
  onDone: () => void;
}): ReactNode {
  const api = useApi();
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const cancel = (): void => {
    onDone();
    void api.answerProxySignIn({ question: request.question, answer: null });
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="proxy-title"
        aria-describedby="proxy-detail"
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onDone();
          void api.answerProxySignIn({
            question: request.question,
            answer: { username, password, remember },
          });
        }}
      >
        <h2 id="proxy-title">{t('Sign in to the proxy')}</h2>
        <p id="proxy-detail">
          <Marked
            text={t(
              'The proxy <b>{{proxy}}</b>{{realm}} needs your network user name and password to reach the sign-in service.',
              { proxy: request.proxy, realm: request.realm ? ` (${request.realm})` : '' },
            )}
            tags={{ b: (proxy) => <strong>{proxy}</strong> }}
          />
        </p>
        {request.refused ? (
          <p className="field-error" role="alert">
            {t('The proxy refused that user name or password. Try again.')}
          </p>
        ) : null}
        <label htmlFor="proxy-username">{t('User name')}</label>
        <input
          id="proxy-username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          required
          autoFocus
        />
        <label htmlFor="proxy-password">{t('Password')}</label>
        <input
          id="proxy-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          {t('Remember in the system keychain')}
        </label>
        <div className="actions">
          <button type="button" onClick={cancel}>
            {t('Cancel')}
          </button>
          <button type="submit" className="primary">
            {t('Sign in')}
          </button>
        </div>
      </form>
    </div>
  );
}
