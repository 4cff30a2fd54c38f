import { useState, type ReactNode } from 'react';
import type { AppState } from '../../../preload/contract.ts';
import { useApi, useNow } from '../api.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDuration } from '../messages.ts';
import { useT } from '../i18n.ts';
import type { ErrorDto } from '../../../preload/contract.ts';

type WaitingState = Extract<AppState, { status: 'waiting' }>;

/** Waiting for the browser: progress, time left, cancel, copy link, open again. */
export function Waiting({ state }: { state: WaitingState }): ReactNode {
  const api = useApi();
  const t = useT();
  const now = useNow();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ErrorDto | undefined>(undefined);
  const copy = async (): Promise<void> => {
    const result = await api.copySignInLink();
    setCopied(result.ok);
    if (!result.ok) setError(result.error);
  };
  const reopen = async (): Promise<void> => {
    const result = await api.openBrowserAgain();
    if (!result.ok) setError(result.error);
  };
  return (
    <main className="centered" aria-labelledby="waiting-title" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1 id="waiting-title">{t('Finish signing in in your browser')}</h1>
      <p role="status">
        {t('Waiting for {{domain}}… {{elapsed}} so far, gives up in {{left}}.', {
          domain: state.provider.name,
          elapsed: formatDuration(now - state.startedAt),
          left: formatDuration(state.expiresAt - now),
        })}
      </p>
      {state.warning ? <ErrorNotice error={state.warning} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="button" onClick={() => void api.cancelSignIn()} autoFocus>
          {t('Cancel')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {copied ? t('Link copied') : t('Copy sign-in link')}
        </button>
        <button type="button" onClick={() => void reopen()}>
          {t('Open browser again')}
        </button>
      </div>
      <p className="hint">{t('If no browser opened, copy the link and paste it into your browser.')}</p>
    </main>
  );
}
