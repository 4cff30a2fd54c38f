import { useState, type ReactNode } from 'react';
import type { AppState, ErrorCode, ErrorDto, Result } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { AccountSwitcher } from '../components/AccountSwitcher.tsx';
import { ErrorNotice, InfoNotice } from '../components/ErrorNotice.tsx';
import { useT } from '../i18n.ts';
import { Marked } from '../components/Marked.tsx';

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

/** A recognisable mark for the well-known providers: their initial in their colour (no logos). */
const MARKS: Record<string, { letter: string; color: string }> = {
  Google: { letter: 'G', color: '#4285f4' },
  Facebook: { letter: 'f', color: '#1877f2' },
  SignInWithApple: { letter: '', color: '#000000' },
  LoginWithAmazon: { letter: 'a', color: '#ff9900' },
};

function ProviderMark({ name, label }: { name: string; label: string }): ReactNode {
  const mark = MARKS[name] ?? { letter: label.charAt(0).toUpperCase(), color: '#5f6b7a' };
  return (
    <span className="provider-mark" style={{ backgroundColor: mark.color }} aria-hidden="true">
      {mark.letter}
    </span>
  );
}

/** Which button started the sign-in now opening: its label says so. */
type Pending = { kind: 'hosted' } | { kind: 'provider'; name: string } | { kind: 'email' };

export function SignedOut({
  state,
  onOpenSettings,
}: {
  state: SignedOutState;
  onOpenSettings: () => void;
}): ReactNode {
  const api = useApi();
  const t = useT();
  const [pending, setPending] = useState<Pending>();
  const [email, setEmail] = useState('');
  // The failure of this screen's own call, tied to the state it was shown in: a newer state from
  // the main process replaces it rather than hiding behind it.
  const [failure, setFailure] = useState<{ error: ErrorDto | undefined; state: SignedOutState }>();
  const start = async (which: Pending, call: () => Promise<Result<null>>): Promise<void> => {
    setPending(which);
    const result = await call();
    setPending(undefined);
    setFailure({ error: result.ok ? undefined : result.error, state });
  };
  const shown = failure?.state === state ? failure.error : state.error;
  const providers = state.identityProviders;
  // With no provider buttons and no email field, the screen is one "Sign in" button, as ever.
  const hasChoices = providers.length > 0 || state.emailFirst;
  const opening = t('Opening your browser…');
  return (
    <main className="centered" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">cognito-desktop</h1>
      <p className="provider">
        <Marked
          text={
            state.provider.isEmulator
              ? t('Signs in with <b>{{domain}}</b> (local emulator)', { domain: state.provider.name })
              : t('Signs in with <b>{{domain}}</b>', { domain: state.provider.name })
          }
          tags={{ b: (domain) => <strong>{domain}</strong> }}
        />
      </p>
      {state.notice ? <InfoNotice>{state.notice}</InfoNotice> : null}
      {shown ? (
        <ErrorNotice
          error={shown}
          action={
            SETTINGS_FIXES.has(shown.code) ? (
              <button type="button" className="link" onClick={onOpenSettings}>
                {t('Open Settings')}
              </button>
            ) : null
          }
        />
      ) : null}
      {state.emailFirst ? (
        <form
          className="email-first"
          onSubmit={(event) => {
            event.preventDefault();
            void start({ kind: 'email' }, () => api.signInWithEmail(email));
          }}
        >
          <label htmlFor="sign-in-email">{t('Your work email')}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoFocus
          />
          <button type="submit" className="primary" disabled={pending !== undefined}>
            {pending?.kind === 'email' ? opening : t('Continue')}
          </button>
        </form>
      ) : null}
      {providers.length > 0 ? (
        <div className="sign-in-options" role="group" aria-label={t('Sign in with')}>
          {providers.map((provider, index) => (
            <button
              type="button"
              key={provider.name}
              className="provider-button"
              onClick={() =>
                void start({ kind: 'provider', name: provider.name }, () => api.signInWith(provider.name))
              }
              disabled={pending !== undefined}
              autoFocus={!state.emailFirst && index === 0}
            >
              <ProviderMark name={provider.name} label={provider.label} />
              {pending?.kind === 'provider' && pending.name === provider.name
                ? opening
                : t('Continue with {{provider}}', { provider: provider.label })}
            </button>
          ))}
        </div>
      ) : null}
      <button
        type="button"
        className={hasChoices ? 'link other-options' : 'primary'}
        onClick={() => void start({ kind: 'hosted' }, () => api.signIn())}
        disabled={pending !== undefined}
        autoFocus={!hasChoices}
      >
        {pending?.kind === 'hosted' ? opening : hasChoices ? t('Other sign-in options') : t('Sign in')}
      </button>
      <p className="hint">{t('Your web browser opens to sign in; then you come back here.')}</p>
      {state.switcher?.accounts.some((a) => a.signedIn) ? (
        <AccountSwitcher switcher={state.switcher} onManageProfiles={onOpenSettings} />
      ) : null}
    </main>
  );
}
