import { useEffect, useState, type ReactNode } from 'react';
import type {
  ApiAnswerDto,
  AppState,
  AwsStatusDto,
  ErrorDto,
  ProfileDto,
} from '../../../preload/contract.ts';
import { useApi, useNow } from '../api.tsx';
import { ErrorNotice, InfoNotice } from '../components/ErrorNotice.tsx';
import { AccountSwitcher } from '../components/AccountSwitcher.tsx';
import { formatDuration, formatTime } from '../messages.ts';
import { msg, useT } from '../i18n.ts';
import { Marked } from '../components/Marked.tsx';
import { Breakable } from '../components/Breakable.tsx';
import type { TFunction } from 'i18next';

type SignedInState = Extract<AppState, { status: 'signed-in' }>;

/**
 * The AWS credentials from the Identity Pool: ready (identity, role, expiry) or why not. Asked for
 * when shown (the view mounts it anew for each sign-in); the keys never leave the main process.
 */
function AwsPanel(): ReactNode {
  const api = useApi();
  const t = useT();
  const now = useNow();
  const [status, setStatus] = useState<AwsStatusDto | 'loading'>('loading');
  useEffect(() => {
    let current = true;
    void api.getAwsStatus().then((result) => {
      if (!current) return;
      setStatus(result.ok ? result.value : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return (
    <section aria-labelledby="aws-title" className="panel">
      <h2 id="aws-title">{t('AWS credentials')}</h2>
      {status === 'loading' ? (
        <p role="status">{t('Getting AWS credentials…')}</p>
      ) : status.state === 'ready' ? (
        <dl>
          <dt>{t('Status')}</dt>
          <dd>{t('ready')}</dd>
          <dt>{t('Identity')}</dt>
          <dd className="mono">
            <Breakable text={status.identityId} />
          </dd>
          <dt>{t('Role')}</dt>
          {status.roleArn ? (
            <dd className="mono">
              <Breakable text={status.roleArn} />
            </dd>
          ) : (
            <dd>{t('the Identity Pool’s authenticated role')}</dd>
          )}
          <dt>{t('Expires in')}</dt>
          <dd>{formatDuration(status.expiresAt - now)}</dd>
        </dl>
      ) : status.state === 'failed' ? (
        <ErrorNotice error={status.error} />
      ) : (
        <p>{t('No Identity Pool is set.')}</p>
      )}
    </section>
  );
}

/** Cognito's provider types, as people call them. */
const PROVIDER_TYPES: Record<string, string> = {
  SignInWithApple: msg('Sign in with Apple'),
  LoginWithAmazon: msg('Login with Amazon'),
  SAML: 'SAML',
  OIDC: 'OpenID Connect',
};

/** How the user signed in: a federated provider (name and type), else the pool's own sign-in. */
function describeIdentity(profile: ProfileDto, t: TFunction): string {
  const identity = profile.signedInWith;
  if (!identity) return t('the user pool’s own sign-in');
  const type = t(PROVIDER_TYPES[identity.providerType] ?? identity.providerType);
  return identity.providerName === identity.providerType || type === identity.providerName
    ? identity.providerName
    : `${identity.providerName} (${type})`;
}

/** The authenticated app: who you are, your session, and an API call made with your token. */
export function SignedIn({
  state,
  onManageProfiles,
}: {
  state: SignedInState;
  onManageProfiles: () => void;
}): ReactNode {
  const api = useApi();
  const t = useT();
  const now = useNow();
  const { profile } = state;
  const [answer, setAnswer] = useState<string | undefined>(undefined);
  const [apiAnswer, setApiAnswer] = useState<ApiAnswerDto | undefined>(undefined);
  // The failure of this screen's own call, tied to the state it was shown in: a newer state from
  // the main process (with or without an error) replaces it rather than hiding behind it.
  const [failure, setFailure] = useState<{ error: ErrorDto | undefined; state: SignedInState }>();
  const error = failure?.state === state ? failure.error : state.error;
  const [busy, setBusy] = useState(false);
  const callApi = async (): Promise<void> => {
    setBusy(true);
    if (state.apiUrl) {
      const result = await api.callApi();
      setBusy(false);
      if (result.ok) setApiAnswer(result.value);
      setFailure({ error: result.ok ? undefined : result.error, state });
      return;
    }
    const result = await api.callUserInfo();
    setBusy(false);
    if (result.ok) {
      setAnswer(JSON.stringify(result.value, null, 2));
      setFailure({ error: undefined, state });
    } else setFailure({ error: result.error, state });
  };
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">cognito-desktop</span>
        <span className="user" aria-label={t('Signed in as')}>
          {profile.username}
        </span>
        <button type="button" onClick={() => void api.signOut()}>
          {t('Sign out')}
        </button>
      </header>
      <main className="panels">
        {!profile.persisted ? (
          <InfoNotice>
            {t(
              'The system keychain is not available, so this sign-in will not be remembered after you quit.',
            )}
          </InfoNotice>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <section aria-labelledby="profile-title" className="panel">
          <h2 id="profile-title">{t('Profile')}</h2>
          <dl>
            <dt>{t('Username')}</dt>
            <dd>
              <Breakable text={profile.username} />
            </dd>
            <dt>{t('Email')}</dt>
            <dd>
              <Breakable text={profile.email ?? '—'} />
              {profile.emailVerified === false ? ` ${t('(not verified)')}` : ''}
            </dd>
            <dt>{t('Groups')}</dt>
            <dd>{profile.groups.length > 0 ? profile.groups.join(', ') : t('none')}</dd>
            <dt>{t('Signed in through')}</dt>
            <dd>
              <Breakable text={describeIdentity(profile, t)} />
            </dd>
            <dt>{t('Subject')}</dt>
            <dd className="mono">
              <Breakable text={profile.subject} />
            </dd>
          </dl>
        </section>
        <section aria-labelledby="session-title" className="panel">
          <h2 id="session-title">{t('Session')}</h2>
          <dl>
            <dt>{t('Expires in')}</dt>
            <dd>{formatDuration(profile.expiresAt - now)}</dd>
            <dt>{t('Last refreshed')}</dt>
            <dd>{profile.refreshedAt ? formatTime(profile.refreshedAt) : t('not yet')}</dd>
            <dt>{t('Automatic refresh')}</dt>
            <dd>{state.autoRefresh ? t('on') : t('off')}</dd>
            <dt>{t('Signed in with')}</dt>
            <dd>
              <Breakable text={state.provider.name} />
            </dd>
          </dl>
        </section>
        {state.aws ? <AwsPanel key={profile.signedInAt} /> : null}
        {state.switcher ? (
          <AccountSwitcher switcher={state.switcher} onManageProfiles={onManageProfiles} />
        ) : null}
        <section aria-labelledby="api-title" className="panel wide">
          <h2 id="api-title">{t('API call')}</h2>
          {state.apiUrl ? (
            <p>
              <Marked
                text={t(
                  'The app calls <mono>{{url}}</mono> with your token, which stays in the app’s main process.',
                  { url: state.apiUrl },
                )}
                tags={{ mono: (url) => <span className="mono">{url}</span> }}
              />
            </p>
          ) : (
            <p>
              {t(
                'The app calls the provider’s userinfo endpoint with your access token, which stays in the app’s main process.',
              )}
            </p>
          )}
          <button type="button" onClick={() => void callApi()} disabled={busy}>
            {busy ? t('Calling…') : state.apiUrl ? t('Call API') : t('Call userinfo')}
          </button>
          {state.apiUrl && apiAnswer ? (
            <>
              <p className="api-status" aria-label={t('API status')}>
                {apiAnswer.status} {apiAnswer.statusText} · {apiAnswer.ms} ms
                {apiAnswer.truncated ? ` · ${t('the body is cut short')}` : ''}
              </p>
              <pre className="answer" aria-label={t('API answer')} tabIndex={0}>
                {apiAnswer.body || t('(empty body)')}
              </pre>
            </>
          ) : null}
          {!state.apiUrl && answer ? (
            <pre className="answer" aria-label={t('API answer')} tabIndex={0}>
              {answer}
            </pre>
          ) : null}
        </section>
      </main>
    </div>
  );
}
