import { useState, type ReactNode } from 'react';
import type { AppState } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { ErrorNotice, InfoNotice } from '../components/ErrorNotice.tsx';

type SignedOutState = Extract<AppState, { status: 'signed-out' }>;

/** Signed out: who we sign in with, and one button. */
export function SignedOut({
  state,
  onOpenSettings,
}: {
  state: SignedOutState;
  onOpenSettings: () => void;
}): ReactNode {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(state.error);
  const signIn = async (): Promise<void> => {
    setBusy(true);
    const result = await api.signIn();
    setBusy(false);
    setError(result.ok ? undefined : result.error);
  };
  const shown = error ?? state.error;
  return (
    <main className="centered" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">cognito-desktop</h1>
      <p className="provider">
        Signs in with <strong>{state.provider.domain}</strong>
        {state.provider.isEmulator ? ' (local emulator)' : ''}
      </p>
      {state.notice ? <InfoNotice>{state.notice}</InfoNotice> : null}
      {shown ? (
        <ErrorNotice
          error={shown}
          action={
            shown.code === 'invalid_settings' || shown.code === 'port_in_use' ? (
              <button type="button" className="link" onClick={onOpenSettings}>
                Open Settings
              </button>
            ) : null
          }
        />
      ) : null}
      <button type="button" className="primary" onClick={() => void signIn()} disabled={busy} autoFocus>
        {busy ? 'Opening your browser…' : 'Sign in'}
      </button>
      <p className="hint">Your web browser opens to sign in; then you come back here.</p>
    </main>
  );
}
