import type { ReactNode } from 'react';
import type { SettingsDto, SettingsValidationDto, SettingsView } from '../../../../preload/contract.ts';
import { SETTINGS_FIELDS } from '../../../../preload/contract.ts';
import { msg, useT } from '../../i18n.ts';

/**
 * What the screen adds to each field: a hint (translated where shown), and a placeholder that is
 * either an example value, typed as is in any language (`off`, a URL), or words (`placeholderText`,
 * translated). The labels come from the main process (view.labels), in the app's language.
 */
const FIELDS: Record<keyof SettingsDto, { hint: string; placeholder?: string; placeholderText?: string }> = {
  discoveryUrl: {
    hint: msg(
      'The user pool’s issuer, https://cognito-idp.<region>.amazonaws.com/<pool id>, or its /.well-known/openid-configuration URL.',
    ),
    placeholder: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  },
  clientId: { hint: msg('From the app client in Cognito.') },
  redirectUri: {
    hint: msg('Must match an allowed callback URL exactly, port included.'),
  },
  logoutUri: {
    hint: msg('Must be an allowed sign-out URL; same host and port as the redirect URI.'),
  },
  scopes: {
    hint: msg('Separated by spaces; must include openid.'),
    placeholder: 'openid email profile',
  },
  usernameClaim: {
    hint: msg('The claim shown as your name (#email# works too).'),
    placeholder: 'email',
  },
  groupsClaim: {
    hint: msg(
      'The claim that lists your groups: cognito:groups for Cognito; groups or roles for other providers.',
    ),
    placeholder: 'cognito:groups',
  },
  tokenAuthMethod: {
    hint: msg(
      'How a client secret is sent: auto (what the provider offers), client_secret_basic or client_secret_post.',
    ),
    placeholder: 'auto',
  },
  proxy: {
    hint: msg(
      'Leave empty to use the system’s proxy settings. A proxy URL to use that one instead, or direct for none.',
    ),
    placeholder: 'http://proxy.example.com:3128',
  },
  caFile: {
    hint: msg(
      'A PEM file of extra CA certificates to trust, such as your network’s TLS inspection root. Full path.',
    ),
    placeholder: '/etc/ssl/certs/corporate-root.pem',
  },
  identityProviders: {
    hint: msg(
      'A “Continue with …” button for each, by its name in the user pool; =label sets the button’s text. Empty: the hosted page only.',
    ),
    placeholder: 'Google, SignInWithApple=Apple, AcmeSAML=Acme staff',
  },
  emailFirst: {
    hint: msg(
      'on: the sign-in screen asks for an email and Cognito picks the provider mapped to its domain (identifiers in the pool).',
    ),
    placeholder: 'off',
  },
  language: {
    hint: msg(
      'The app’s language (English or German) and the sign-in page’s (Cognito managed login: de, en, es, fr, id, it, ja, ko, pt-BR, zh-CN, zh-TW). Empty: the system’s.',
    ),
    placeholderText: msg('the system’s language'),
  },
  identityPoolId: {
    hint: msg(
      'A Cognito Identity Pool that trusts this user pool: the app then gets temporary AWS credentials for you. Empty: none.',
    ),
    placeholder: 'eu-west-1:0a1b2c3d-1234-5678-9abc-0123456789ab',
  },
  roleArn: {
    hint: msg(
      'The IAM role to ask the Identity Pool for, when it lets users choose. Empty: its authenticated role.',
    ),
    placeholder: 'arn:aws:iam::123456789012:role/Name',
  },
  apiUrl: {
    hint: msg(
      'The API the signed-in view calls with your token (an API Gateway stage…). Empty: the provider’s userinfo.',
    ),
    placeholder: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/hello',
  },
  apiToken: {
    hint: msg(
      'Which token that API expects: id (API Gateway’s Cognito authorizer without scopes) or access.',
    ),
    placeholder: 'id',
  },
  keepRunning: {
    hint: msg(
      'on: closing the window keeps the app in the tray (Windows, Linux), so you stay signed in; Quit from the tray ends it. macOS always keeps it running.',
    ),
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
  const t = useT();
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
          {view.fromInstaller.includes(key) ? <span className="badge">{t('from installer')}</span> : null}
          {locked ? <span className="badge">{t('set by your organisation')}</span> : null}
        </label>
        <input
          id={`field-${key}`}
          name={key}
          value={values[key]}
          placeholder={
            placeholders[key] ?? (field.placeholderText ? t(field.placeholderText) : field.placeholder)
          }
          readOnly={locked}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`hint-${key}${problem ? ` error-${key}` : ''}`}
          onChange={(event) => onChange(key, event.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
        <small id={`hint-${key}`}>{t(field.hint)}</small>
        {problem ? (
          <small id={`error-${key}`} className="field-error">
            {problem}
          </small>
        ) : null}
      </div>
    );
  });
}
