/**
 * How a sign-in is routed and dressed: straight to one of the user pool's identity providers
 * (Cognito's `identity_provider`), by an identifier such as an email domain (`idp_identifier`), or
 * to the hosted page; in which language; with which user name offered; and whether the provider
 * must ask for credentials again. Pure decisions: the authorization request's extra parameters.
 *
 * What Cognito honours (its authorization endpoint documentation):
 * - `identity_provider` and `idp_identifier` send the browser straight to that provider's page;
 * - `lang` localises managed login (not the classic hosted UI): de, en, es, fr, id, it, ja, ko,
 *   pt-BR, zh-CN, zh-TW;
 * - `login_hint` fills the user name on managed login, and is forwarded to OIDC providers only —
 *   never to SAML, Google, Facebook, Apple or Amazon;
 * - `prompt` works with managed login only; every value but `none` is forwarded to providers.
 * Standard OpenID providers take `ui_locales`, `login_hint` and `prompt` (OpenID Connect Core).
 */
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';

/** One of the user pool's identity providers, as the sign-in screen offers it. */
export interface IdentityProviderChoice {
  /** The name configured in the pool: `Google`, `SignInWithApple`, or a SAML/OIDC provider's name. */
  name: string;
  /** What the button says after "Continue with". */
  label: string;
}

/** Where a sign-in goes: the hosted page (no route), one provider, or the provider an identifier maps to. */
export type SignInRoute = { identityProvider: string } | { idpIdentifier: string };

/** Cognito's names for the social providers, and what people call them. */
export const SOCIAL_PROVIDER_LABELS: Record<string, string> = {
  Google: 'Google',
  Facebook: 'Facebook',
  SignInWithApple: 'Apple',
  LoginWithAmazon: 'Amazon',
};

/** The managed login languages Cognito offers (anything else shows English). */
export const COGNITO_LANGUAGES = ['de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'pt-BR', 'zh-CN', 'zh-TW'];

const MAX_NAME = 32;
const MAX_LABEL = 40;
/** Printable, without the list's own separators. */
const PLAIN_TEXT = /^[^,=\p{Cc}]+$/u;

/**
 * The identity providers setting: `Google, SignInWithApple=Apple, AcmeSAML=Acme staff` — names as
 * configured in the pool, each optionally `=label`. Social providers get their usual label.
 * Throws a message (without the setting's name) for the first entry that is wrong.
 */
export function parseIdentityProviders(value: string): IdentityProviderChoice[] {
  const choices: IdentityProviderChoice[] = [];
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const [rawName = '', ...rest] = entry.split('=');
    const name = rawName.trim();
    const label = rest.join('=').trim() || SOCIAL_PROVIDER_LABELS[name] || name;
    if (!PLAIN_TEXT.test(name) || name.length > MAX_NAME || /\s/.test(name))
      throw new Error(
        t('has a provider name that is not one word of at most {{max}} characters: "{{name}}".', {
          max: MAX_NAME,
          name,
        }),
      );
    // A second `=` stays in the label, which plain text refuses.
    if (!PLAIN_TEXT.test(label) || label.length > MAX_LABEL)
      throw new Error(
        t('has a label that is not plain text of at most {{max}} characters: "{{label}}".', {
          max: MAX_LABEL,
          label,
        }),
      );
    if (name.toUpperCase() === 'COGNITO')
      throw new Error(t('lists COGNITO: the pool’s own users sign in on the hosted page already.'));
    if (choices.some((c) => c.name === name)) throw new Error(t('lists {{name}} twice.', { name }));
    choices.push({ name, label });
  }
  return choices;
}

/** The choice named `name`, or a settings error listing the configured ones. */
export function findIdentityProvider(
  choices: IdentityProviderChoice[],
  name: string,
): IdentityProviderChoice {
  const found = choices.find((c) => c.name === name);
  if (found) return found;
  const known =
    choices.length > 0
      ? t('Configured: {{names}}.', { names: choices.map((c) => c.name).join(', ') })
      : t('None is configured.');
  throw new AuthError(
    'invalid_settings',
    t(
      'No identity provider named "{{name}}" is configured for this app. {{known}} Add it to the Identity providers setting (identityProviders) if the pool has it.',
      { name, known },
    ),
    { setting: 'identityProviders' },
  );
}

/** What an email-first sign-in sends as `idp_identifier`: the domain of an email address, else the text as typed. */
export function identifierFor(typed: string): string {
  const text = typed.trim();
  const at = text.lastIndexOf('@');
  return (at >= 0 ? text.slice(at + 1) : text).toLowerCase();
}

/** The language asked for: the setting, else the OS's locale, as a BCP 47 tag (`en_US` → `en-US`). */
function languageTag(setting: string, osLocale: string): string {
  return (setting || osLocale).replace(/_/g, '-');
}

/**
 * The managed login language for a language setting or, when it is empty, the OS's locale
 * (`de-DE` → `de`, `pt-BR` → `pt-BR`, `zh-Hant-TW` → `zh-TW`); undefined when Cognito has none.
 */
export function cognitoLanguage(setting: string, osLocale: string): string | undefined {
  const tag = languageTag(setting, osLocale);
  const [language = '', ...subtags] = tag.split('-');
  const lower = language.toLowerCase();
  const region = subtags.find((s) => /^[A-Za-z]{2}$/.test(s))?.toUpperCase();
  const script = subtags.find((s) => s.length === 4)?.toLowerCase();
  if (lower === 'zh') {
    const traditional = script === 'hant' || region === 'TW' || region === 'HK' || region === 'MO';
    return traditional ? 'zh-TW' : 'zh-CN';
  }
  if (lower === 'pt') return 'pt-BR';
  return COGNITO_LANGUAGES.includes(lower) ? lower : undefined;
}

/** What one sign-in asks of the provider beyond the OAuth essentials. */
export interface SignInRequest {
  route?: SignInRoute;
  /** The user name to offer (the last one signed in, or the email typed for email-first). */
  loginHint?: string;
  /** Ask for credentials even when the provider still has a session (`prompt=login`). */
  fresh?: boolean;
  /** The language setting (empty: the OS's). */
  language: string;
  osLocale: string;
}

/** Providers Cognito cannot forward a `login_hint` to (its documentation). */
const NO_LOGIN_HINT = new Set(Object.keys(SOCIAL_PROVIDER_LABELS));

/** The authorization request's extra parameters for `request`. */
export function authorizationParameters(request: SignInRequest): Record<string, string> {
  const parameters: Record<string, string> = {};
  const route = request.route;
  if (route && 'identityProvider' in route) parameters.identity_provider = route.identityProvider;
  if (route && 'idpIdentifier' in route) parameters.idp_identifier = route.idpIdentifier;
  const hintReaches = !(route && 'identityProvider' in route && NO_LOGIN_HINT.has(route.identityProvider));
  if (request.loginHint && hintReaches) parameters.login_hint = request.loginHint;
  const lang = cognitoLanguage(request.language, request.osLocale);
  if (lang) parameters.lang = lang;
  // Standard providers' way of saying the same: the language as set, else the OS's.
  const uiLocale = languageTag(request.language, request.osLocale);
  if (uiLocale) parameters.ui_locales = uiLocale;
  if (request.fresh) parameters.prompt = 'login';
  return parameters;
}

/** How the user signed in, from Cognito's `identities` claim: a federated user's provider. */
export interface SignedInWith {
  providerName: string;
  providerType: string;
}

/** The first (primary) identity of a federated Cognito user; undefined for the pool's own users. */
export function signedInWith(claims: Record<string, unknown>): SignedInWith | undefined {
  let identities: unknown = claims.identities;
  // Some Cognito integrations (pre-token-generation triggers, old pools) carry it as JSON text.
  if (typeof identities === 'string') {
    try {
      identities = JSON.parse(identities);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(identities)) return undefined;
  const all = identities.filter(
    (i): i is { providerName: string; providerType?: unknown; primary?: unknown } =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as { providerName?: unknown }).providerName === 'string',
  );
  const primary = all.find((i) => String(i.primary) === 'true') ?? all[0];
  if (!primary) return undefined;
  const type = typeof primary.providerType === 'string' ? primary.providerType : primary.providerName;
  return { providerName: primary.providerName, providerType: type };
}
