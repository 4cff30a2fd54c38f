import { useState, type ReactNode } from 'react';
import type { AppState, ErrorCode, ErrorDto } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { ErrorNotice, InfoNotice } from '../components/ErrorNotice.tsx';

type SignedOutState = Extract<AppState, { status: 'signed-out' }>;

/** Signed out: who we sign in with, and one button. */
/** Errors the Settings screen fixes: a setting, the redirect port, the proxy or the extra CAs. */
const SETTINGS_FIXES = new Set<ErrorCode>([
  'invalid_settings',
  'port_in_use',
  'tls_untrusted',
  'proxy_unreachable',
  'proxy_auth',
]);

export function SignedOut({
  state,
  onOpenSettings,
}: {
  state: SignedOutState;
  onOpenSettings: () => void;
}): ReactNode {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  // The failure of this screen's own call, tied to the state it was shown in: a newer state from
  // the main process replaces it rather than hiding behind it.
  const [failure, setFailure] = useState<{ error: ErrorDto | undefined; state: SignedOutState }>();
  const signIn = async (): Promise<void> => {
    setBusy(true);
    const result = await api.signIn();
    setBusy(false);
    setFailure({ error: result.ok ? undefined : result.error, state });
  };
  const shown = failure?.state === state ? failure.error : state.error;
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
            SETTINGS_FIXES.has(shown.code) ? (
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
