import type { ReactNode } from 'react';
import type { SettingsDto, SettingsValidationDto, SettingsView } from '../../../../preload/contract.ts';
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
  },
  startAtLogin: {
    hint: msg('on: the app starts when you log in to this computer, so scripts find you signed in.'),
  },
};

/**
 * The settings in sections, in screen order: what every set-up needs first, the rarer ones last.
 * A test holds that each field is in exactly one section.
 */
export const SETTINGS_SECTIONS: { title: string; keys: (keyof SettingsDto)[] }[] = [
  { title: msg('Provider'), keys: ['discoveryUrl', 'clientId'] },
  {
    title: msg('Sign-in'),
    keys: ['scopes', 'identityProviders', 'emailFirst', 'language', 'usernameClaim', 'groupsClaim'],
  },
  { title: msg('Network'), keys: ['proxy', 'caFile'] },
  { title: msg('AWS and API'), keys: ['identityPoolId', 'roleArn', 'apiUrl', 'apiToken'] },
  {
    title: msg('Advanced'),
    keys: ['redirectUri', 'logoutUri', 'tokenAuthMethod', 'keepRunning', 'startAtLogin'],
  },
];

/** Settings that take one of a few values: a select, its first option the default. */
const CHOICES: Partial<Record<keyof SettingsDto, string[]>> = {
  tokenAuthMethod: ['auto', 'client_secret_basic', 'client_secret_post'],
  emailFirst: ['off', 'on'],
  apiToken: ['id', 'access'],
  keepRunning: ['off', 'on'],
  startAtLogin: ['off', 'on'],
};

/** How a choice reads on screen: on and off in the app's language, the others as typed in a file. */
const CHOICE_LABELS: Record<string, string> = { on: msg('on'), off: msg('off') };

/** One setting: its label and badges, the input (a select for a choice), its hint and its problem. */
function SettingField({
  name,
  view,
  values,
  validation,
  placeholder,
  onChange,
}: {
  name: keyof SettingsDto;
  view: SettingsView;
  values: SettingsDto;
  validation: SettingsValidationDto | undefined;
  placeholder: string | undefined;
  onChange: (key: keyof SettingsDto, value: string) => void;
}): ReactNode {
  const t = useT();
  const field = FIELDS[name];
  const problem = validation?.problems.find((p) => p.setting === name)?.message;
  const locked = view.locked.includes(name);
  const choices = CHOICES[name];
  const common = {
    id: `field-${name}`,
    name,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': `hint-${name}${problem ? ` error-${name}` : ''}`,
  } as const;
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>
        {view.labels[name]}
        {view.fromInstaller.includes(name) ? <span className="badge">{t('from installer')}</span> : null}
        {view.managed.includes(name) ? (
          <span className="badge">{t('Managed by your organization')}</span>
        ) : locked ? (
          <span className="badge">{t('set by your organisation')}</span>
        ) : null}
      </label>
      {choices ? (
        <select
          {...common}
          value={values[name] || choices[0]}
          disabled={locked}
          onChange={(event) => onChange(name, event.target.value)}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {CHOICE_LABELS[choice] ? t(CHOICE_LABELS[choice]) : choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          value={values[name]}
          placeholder={placeholder ?? (field.placeholderText ? t(field.placeholderText) : field.placeholder)}
          readOnly={locked}
          onChange={(event) => onChange(name, event.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      <small id={`hint-${name}`}>{t(field.hint)}</small>
      {problem ? (
        <small id={`error-${name}`} className="field-error">
          {problem}
        </small>
      ) : null}
    </div>
  );
}

/**
 * The profile's settings in sections (Provider, Sign-in, Network, AWS and API, Advanced), each a
 * fieldset; `secretField` goes in the Provider section, after the client ID.
 */
export function SettingsFields({
  view,
  values,
  validation,
  onChange,
  secretField,
}: {
  view: SettingsView;
  values: SettingsDto;
  validation: SettingsValidationDto | undefined;
  onChange: (key: keyof SettingsDto, value: string) => void;
  secretField: ReactNode;
}): ReactNode {
  const t = useT();
  // An empty redirect or sign-out URI means the default: show what that is, as the main process
  // worked it out for the values typed.
  const placeholders: Partial<Record<keyof SettingsDto, string>> = {
    redirectUri: view.callbackUrl,
    logoutUri: validation?.signOutUrl ?? view.signOutUrl,
  };
  return SETTINGS_SECTIONS.map((section, index) => (
    <fieldset className="settings-section" key={section.title}>
      <legend>{t(section.title)}</legend>
      {section.keys.map((key) => (
        <SettingField
          key={key}
          name={key}
          view={view}
          values={values}
          validation={validation}
          placeholder={placeholders[key]}
          onChange={onChange}
        />
      ))}
      {index === 0 ? secretField : null}
    </fieldset>
  ));
}
