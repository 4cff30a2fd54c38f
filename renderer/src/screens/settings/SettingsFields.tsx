import type { ReactNode } from 'react';
import type { SettingsDto, SettingsValidationDto, SettingsView } from '../../../../preload/contract.ts';
import { SETTINGS_FIELDS } from '../../../../preload/contract.ts';

/** What the screen adds to each field; the labels come from the main process (view.labels). */
const FIELDS: Record<keyof SettingsDto, { hint: string; placeholder?: string }> = {
  discoveryUrl: {
    hint: 'The user pool’s issuer, https://cognito-idp.<region>.amazonaws.com/<pool id>, or its /.well-known/openid-configuration URL.',
    placeholder: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  },
  clientId: { hint: 'From the app client in Cognito.' },
  redirectUri: {
    hint: 'Must match an allowed callback URL exactly, port included.',
  },
  logoutUri: {
    hint: 'Must be an allowed sign-out URL; same host and port as the redirect URI.',
  },
  scopes: {
    hint: 'Separated by spaces; must include openid.',
    placeholder: 'openid email profile',
  },
  usernameClaim: {
    hint: 'The claim shown as your name (#email# works too).',
    placeholder: 'email',
  },
  groupsClaim: {
    hint: 'The claim that lists your groups: cognito:groups for Cognito; groups or roles for other providers.',
    placeholder: 'cognito:groups',
  },
  tokenAuthMethod: {
    hint: 'How a client secret is sent: auto (what the provider offers), client_secret_basic or client_secret_post.',
    placeholder: 'auto',
  },
  proxy: {
    hint: 'Leave empty to use the system’s proxy settings. A proxy URL to use that one instead, or direct for none.',
    placeholder: 'http://proxy.example.com:3128',
  },
  caFile: {
    hint: 'A PEM file of extra CA certificates to trust, such as your network’s TLS inspection root. Full path.',
    placeholder: '/etc/ssl/certs/corporate-root.pem',
  },
  identityProviders: {
    hint: 'A “Continue with …” button for each, by its name in the user pool; =label sets the button’s text. Empty: the hosted page only.',
    placeholder: 'Google, SignInWithApple=Apple, AcmeSAML=Acme staff',
  },
  emailFirst: {
    hint: 'on: the sign-in screen asks for an email and Cognito picks the provider mapped to its domain (identifiers in the pool).',
    placeholder: 'off',
  },
  language: {
    hint: 'The sign-in page’s language (Cognito managed login: de, en, es, fr, id, it, ja, ko, pt-BR, zh-CN, zh-TW). Empty: the system’s.',
    placeholder: 'the system’s language',
  },
  identityPoolId: {
    hint: 'A Cognito Identity Pool that trusts this user pool: the app then gets temporary AWS credentials for you. Empty: none.',
    placeholder: 'eu-west-1:0a1b2c3d-1234-5678-9abc-0123456789ab',
  },
  roleArn: {
    hint: 'The IAM role to ask the Identity Pool for, when it lets users choose. Empty: its authenticated role.',
    placeholder: 'arn:aws:iam::123456789012:role/Name',
  },
  apiUrl: {
    hint: 'The API the signed-in view calls with your token (an API Gateway stage…). Empty: the provider’s userinfo.',
    placeholder: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/hello',
  },
  apiToken: {
    hint: 'Which token that API expects: id (API Gateway’s Cognito authorizer without scopes) or access.',
    placeholder: 'id',
  },
  keepRunning: {
    hint: 'on: closing the window keeps the app in the tray (Windows, Linux), so you stay signed in; Quit from the tray ends it. macOS always keeps it running.',
    placeholder: 'off',
  },
};

/** The provider's settings, one labelled field each, with its hint and its problem. */
export function SettingsFields({
  view,
  values,
  validation,
  onChange,
}: {
  view: SettingsView;
  values: SettingsDto;
  validation: SettingsValidationDto | undefined;
  onChange: (key: keyof SettingsDto, value: string) => void;
}): ReactNode {
  // An empty redirect or sign-out URI means the default: show what that is, as the main process
  // worked it out for the values typed.
  const placeholders: Partial<Record<keyof SettingsDto, string>> = {
    redirectUri: view.callbackUrl,
    logoutUri: validation?.signOutUrl ?? view.signOutUrl,
  };
  return SETTINGS_FIELDS.map((key) => {
    const field = FIELDS[key];
    const problem = validation?.problems.find((p) => p.setting === key)?.message;
    const locked = view.locked.includes(key);
    return (
      <div className="field" key={key}>
        <label htmlFor={`field-${key}`}>
          {view.labels[key]}
          {view.fromInstaller.includes(key) ? <span className="badge">from installer</span> : null}
          {locked ? <span className="badge">set by your organisation</span> : null}
        </label>
        <input
          id={`field-${key}`}
          name={key}
          value={values[key]}
          placeholder={placeholders[key] ?? field.placeholder}
          readOnly={locked}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`hint-${key}${problem ? ` error-${key}` : ''}`}
          onChange={(event) => onChange(key, event.target.value)}
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
  });
}
