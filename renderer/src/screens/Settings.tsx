import { useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  DoctorReportDto,
  ErrorDto,
  SettingsDto,
  SettingsProblemDto,
  SettingsView,
} from '../../../preload/contract.ts';
import { SETTINGS_FIELDS } from '../../../preload/contract.ts';
import { useApi } from '../api.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';

const FIELDS: Record<keyof SettingsDto, { label: string; hint: string; placeholder?: string }> = {
  discoveryUrl: {
    label: 'Discovery URL',
    hint: 'The user pool’s issuer, https://cognito-idp.<region>.amazonaws.com/<pool id>, or its /.well-known/openid-configuration URL.',
    placeholder: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  },
  clientId: { label: 'Client ID', hint: 'From the app client in Cognito.' },
  redirectUri: {
    label: 'Redirect URI',
    hint: 'Must match an allowed callback URL exactly, port included.',
    placeholder: 'http://127.0.0.1:47621/callback',
  },
  logoutUri: {
    label: 'Sign-out URI',
    hint: 'Must be an allowed sign-out URL; same host and port as the redirect URI.',
    placeholder: 'http://127.0.0.1:47621/signed-out',
  },
  scopes: {
    label: 'Scopes',
    hint: 'Separated by spaces; must include openid.',
    placeholder: 'openid email profile',
  },
  usernameClaim: {
    label: 'Username claim',
    hint: 'The claim shown as your name (#email# works too).',
    placeholder: 'email',
  },
};

function originPath(url: string, path: string): string | undefined {
  try {
    return `${new URL(url).origin}${path}`;
  } catch {
    return undefined;
  }
}

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

/** Settings: the provider's details, the write-only secret, a configuration check, the URLs to register. */
export function Settings({
  onClose,
  firstRun,
  emulatorOffered,
}: {
  onClose: () => void;
  firstRun: boolean;
  emulatorOffered: boolean;
}): ReactNode {
  const api = useApi();
  const [view, setView] = useState<SettingsView | undefined>(undefined);
  const [values, setValues] = useState<SettingsDto | undefined>(undefined);
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [problems, setProblems] = useState<SettingsProblemDto[]>([]);
  const [error, setError] = useState<ErrorDto | undefined>(undefined);
  const [report, setReport] = useState<DoctorReportDto | undefined>(undefined);
  const [status, setStatus] = useState('');
  const validationRequest = useRef(0);

  useEffect(() => {
    void api.getSettings().then((result) => {
      if (result.ok) {
        setView(result.value);
        setValues(result.value.values);
      } else setError(result.error);
    });
  }, [api]);

  if (!view || !values)
    return (
      <main className="centered">{error ? <ErrorNotice error={error} /> : <p>Loading settings…</p>}</main>
    );

  // The URLs to register follow what is typed (defaults as in main/core/settings.ts).
  const callbackUrl = values.redirectUri.trim() || view.callbackUrl;
  const signOutUrl = values.logoutUri.trim() || originPath(callbackUrl, '/signed-out') || view.signOutUrl;
  const problemFor = (key: keyof SettingsDto): string | undefined =>
    problems.find((p) => p.setting === key)?.message;
  const change = (key: keyof SettingsDto, value: string): void => {
    const next = { ...values, [key]: value };
    setValues(next);
    setStatus('');
    // Replies can come back out of order: only the one for the latest values may show.
    const request = ++validationRequest.current;
    void api.validateSettings(next).then((result) => {
      if (result.ok && request === validationRequest.current)
        setProblems(
          result.value.filter(
            (p) => next[p.setting] !== '' || p.setting === 'discoveryUrl' || p.setting === 'clientId',
          ),
        );
    });
  };
  const save = async (): Promise<void> => {
    const validation = await api.validateSettings(values);
    if (validation.ok && validation.value.length > 0) {
      setProblems(validation.value);
      setStatus('Not saved: correct the fields marked below.');
      return;
    }
    const clientSecret = removeSecret ? '' : secret !== '' ? secret : undefined;
    const result = await api.saveSettings({
      values,
      ...(clientSecret !== undefined ? { clientSecret } : {}),
    });
    if (result.ok) {
      setView(result.value);
      setSecret('');
      setRemoveSecret(false);
      setError(undefined);
      setStatus('Settings saved.');
    } else {
      setError(result.error);
      setStatus('');
    }
  };
  const check = async (): Promise<void> => {
    setReport(undefined);
    setStatus('Checking the configuration…');
    const result = await api.checkConfiguration(values);
    setStatus('');
    if (result.ok) setReport(result.value);
    else setError(result.error);
  };
  const switchToEmulator = async (): Promise<void> => {
    const result = await api.useEmulator();
    if (!result.ok) setError(result.error);
    else onClose();
  };

  return (
    <main className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {firstRun ? (
        <p className="lead">
          Enter your Cognito user pool’s details to start. The client secret, if your app client has one, is
          kept in your system keychain.
        </p>
      ) : null}
      {firstRun && emulatorOffered ? (
        <p>
          <button type="button" onClick={() => void switchToEmulator()}>
            Use the local Cognito emulator
          </button>{' '}
          (development: try the app without AWS)
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        {SETTINGS_FIELDS.map((key) => {
          const field = FIELDS[key];
          const problem = problemFor(key);
          const locked = view.locked.includes(key);
          return (
            <div className="field" key={key}>
              <label htmlFor={`field-${key}`}>
                {field.label}
                {view.fromInstaller.includes(key) ? <span className="badge">from installer</span> : null}
                {locked ? <span className="badge">set by your organisation</span> : null}
              </label>
              <input
                id={`field-${key}`}
                name={key}
                value={values[key]}
                placeholder={
                  key === 'logoutUri'
                    ? signOutUrl
                    : key === 'redirectUri'
                      ? view.callbackUrl
                      : field.placeholder
                }
                readOnly={locked}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`hint-${key}${problem ? ` error-${key}` : ''}`}
                onChange={(event) => change(key, event.target.value)}
                spellCheck={false}
                autoComplete="off"
              />
              <small id={`hint-${key}`}>{field.hint}</small>
              {problem ? (
                <small id={`error-${key}`} className="field-error">
                  {problem}
                </small>
              ) : null}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="field-clientSecret">Client secret</label>
          <input
            id="field-clientSecret"
            name="clientSecret"
            type="password"
            value={secret}
            placeholder={
              view.hasClientSecret ? 'A secret is stored — type to replace it' : 'None stored (public client)'
            }
            onChange={(event) => setSecret(event.target.value)}
            aria-describedby="hint-clientSecret"
            autoComplete="off"
            disabled={removeSecret}
          />
          <small id="hint-clientSecret">
            Write-only: kept in the system keychain, never shown again.{' '}
            {view.hasClientSecret ? 'A secret is stored.' : 'No secret is stored.'}
          </small>
          {view.hasClientSecret ? (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={removeSecret}
                onChange={(event) => setRemoveSecret(event.target.checked)}
              />{' '}
              Remove the stored secret (public client)
            </label>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => void check()}>
            Check configuration
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p role="status" className="status">
          {status}
        </p>
      </form>
      {report ? (
        <section aria-labelledby="check-title" className="panel">
          <h2 id="check-title">Configuration check</h2>
          <ul className="checks">
            {report.checks.map((c) => (
              <li key={c.id} className={c.ok ? 'ok' : 'bad'}>
                <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> <strong>{c.label}</strong>
                <span className="visually-hidden">{c.ok ? ' passed' : ' failed'}</span>
                <div>{c.detail}</div>
                {c.fix ? <div className="fix">{c.fix}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="register-title" className="panel">
        <h2 id="register-title">Register these in Cognito</h2>
        <p>In the app client’s login pages, add:</p>
        <CopyRow label="Allowed callback URL" value={callbackUrl} />
        <CopyRow label="Allowed sign-out URL" value={signOutUrl} />
      </section>
    </main>
  );
}
