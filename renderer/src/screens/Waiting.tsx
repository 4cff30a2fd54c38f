import { useState, type ReactNode } from 'react';
import type { AppState } from '../../../preload/contract.ts';
import { useApi, useNow } from '../api.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { formatDuration } from '../messages.ts';
import type { ErrorDto } from '../../../preload/contract.ts';

type WaitingState = Extract<AppState, { status: 'waiting' }>;

/** Waiting for the browser: progress, time left, cancel, copy link, open again. */
export function Waiting({ state }: { state: WaitingState }): ReactNode {
  const api = useApi();
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
      <h1 id="waiting-title">Finish signing in in your browser</h1>
      <p role="status">
        Waiting for {state.provider.domain}… {formatDuration(now - state.startedAt)} so far, gives up in{' '}
        {formatDuration(state.expiresAt - now)}.
      </p>
      {state.warning ? <ErrorNotice error={state.warning} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="button" onClick={() => void api.cancelSignIn()} autoFocus>
          Cancel
        </button>
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Link copied' : 'Copy sign-in link'}
        </button>
        <button type="button" onClick={() => void reopen()}>
          Open browser again
        </button>
      </div>
      <p className="hint">If no browser opened, copy the link and paste it into your browser.</p>
    </main>
  );
}
