/**
 * The one settings schema, used by the app (through electron-store) and by the CLI (the same JSON
 * file). Validation names the setting at fault and says what is wrong.
 *
 * The client secret is not a setting: it lives in the OS keychain only (see token-vault.ts).
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { AuthError } from '../errors.ts';
import { msg, t } from '../i18n.ts';
import { DIRECT, parseProxyUrl } from '../network/network-route.ts';
import { isLoopbackHost } from '../origin.ts';
import { parseIdentityProviders } from '../provider/sign-in-options.ts';
import {
  TOKEN_AUTH_METHODS,
  type TokenAuthMethod,
  type TokenAuthMethodSetting,
} from '../provider/provider.ts';

/** The fixed loopback port of the default redirect URI. Cognito matches callback URLs exactly, port included. */
export const DEFAULT_REDIRECT_PORT = 47621;
export const DEFAULT_REDIRECT_URI = `http://127.0.0.1:${DEFAULT_REDIRECT_PORT}/callback`;
export const DEFAULT_SCOPES = 'openid email profile';
export const DEFAULT_KEYCHAIN_SERVICE = 'cognito-desktop';
export const DEFAULT_GROUPS_CLAIM = 'cognito:groups';
/** The app's name: Electron's `userData` folder is `<appData>/<this>`. */
export const APP_NAME = 'cognito-desktop';
/** Name of the settings file in the settings folder (electron-store's default name). */
export const SETTINGS_FILE_NAME = 'config.json';

/** Validated settings. */
export interface Settings {
  /** The issuer (no trailing slash), derived from the discovery URL the user gave. */
  discoveryUrl: string;
  clientId: string;
  redirectUri: string;
  logoutUri: string;
  scopes: string;
  /**
   * Claim shown as the user's name; falls back to `email`, `cognito:username`,
   * `preferred_username`, then `sub`.
   */
  usernameClaim: string;
  /** Claim that lists the user's groups: Cognito's `cognito:groups`; `groups` or `roles` elsewhere. */
  groupsClaim: string;
  /**
   * How a client with a secret authenticates at the token endpoint: `auto` takes what discovery
   * offers (Basic first, as RFC 8414 makes it the default), or one forced.
   */
  tokenAuthMethod: TokenAuthMethodSetting;
  keychainService: string;
  /**
   * The proxy for provider requests: a URL (`http://proxy.example.com:3128`), `direct` for none,
   * or empty: the environment's `HTTPS_PROXY`… in the CLI, the system's settings in the app.
   */
  proxy: string;
  /** A PEM file of CA certificates to trust besides the OS's (a TLS-inspecting proxy's root). */
  caFile: string;
  /**
   * The user pool's identity providers the sign-in screen offers a button for:
   * `Google, SignInWithApple=Apple, AcmeSAML=Acme staff` (see sign-in-options.ts).
   */
  identityProviders: string;
  /** `on`: the sign-in screen asks for an email first and routes by its domain (`idp_identifier`). */
  emailFirst: OnOffSetting;
  /** The app's and the sign-in page's language (`de`, `pt-BR`…); empty: the OS's. */
  language: string;
  /** A Cognito Identity Pool (`eu-west-1:…`) that turns the sign-in into AWS credentials; empty: none. */
  identityPoolId: string;
  /** The role to ask the Identity Pool for (pools with rule- or token-based role choice); empty: its default. */
  roleArn: string;
  /** The API the signed-in view calls (an API Gateway stage…); empty: the provider's userinfo. */
  apiUrl: string;
  /** Which token the API expects as its bearer token. */
  apiToken: ApiTokenSetting;
  /**
   * `on`: closing the window keeps the app running in the tray (Windows, Linux). macOS always
   * does, as its apps do; `off` (the default elsewhere): closing the window quits.
   */
  keepRunning: OnOffSetting;
  /** `on`: the app starts when the person logs in to the computer (in the tray). `off` by default. */
  startAtLogin: OnOffSetting;
}

export type ApiTokenSetting = 'id' | 'access';

/** A setting that is on or off (email-first sign-in, keep running). */
export type OnOffSetting = 'on' | 'off';

/** Settings as stored or typed: every field optional, nothing trusted. */
export type SettingsInput = Partial<Record<keyof Settings, unknown>>;

/** The settings a user edits, and the environment variable that overrides each. */
export const SETTING_ENV: Record<keyof Settings, string> = {
  discoveryUrl: 'COGNITO_DISCOVERY_URL',
  clientId: 'COGNITO_CLIENT_ID',
  redirectUri: 'COGNITO_REDIRECT_URI',
  logoutUri: 'COGNITO_LOGOUT_URI',
  scopes: 'COGNITO_SCOPES',
  usernameClaim: 'COGNITO_USERNAME_CLAIM',
  groupsClaim: 'COGNITO_GROUPS_CLAIM',
  tokenAuthMethod: 'COGNITO_TOKEN_AUTH_METHOD',
  keychainService: 'COGNITO_DESKTOP_KEYCHAIN_SERVICE',
  proxy: 'COGNITO_PROXY',
  caFile: 'COGNITO_CA_FILE',
  identityProviders: 'COGNITO_IDENTITY_PROVIDERS',
  emailFirst: 'COGNITO_EMAIL_FIRST',
  language: 'COGNITO_LANGUAGE',
  identityPoolId: 'COGNITO_IDENTITY_POOL_ID',
  roleArn: 'COGNITO_ROLE_ARN',
  apiUrl: 'COGNITO_API_URL',
  apiToken: 'COGNITO_API_TOKEN',
  keepRunning: 'COGNITO_KEEP_RUNNING',
  startAtLogin: 'COGNITO_START_AT_LOGIN',
};

export const SETTING_LABELS: Record<keyof Settings, string> = {
  discoveryUrl: msg('Discovery URL'),
  clientId: msg('Client ID'),
  redirectUri: msg('Redirect URI'),
  logoutUri: msg('Sign-out URI'),
  scopes: msg('Scopes'),
  usernameClaim: msg('Username claim'),
  groupsClaim: msg('Groups claim'),
  tokenAuthMethod: msg('Token endpoint authentication'),
  keychainService: msg('Keychain service name'),
  proxy: msg('Proxy'),
  caFile: msg('Extra CA certificates file'),
  identityProviders: msg('Identity providers'),
  emailFirst: msg('Email-first sign-in'),
  language: msg('Language (app and sign-in page)'),
  identityPoolId: msg('Identity Pool ID'),
  roleArn: msg('AWS role ARN'),
  apiUrl: msg('API URL'),
  apiToken: msg('API token'),
  keepRunning: msg('Keep running in the tray'),
  startAtLogin: msg('Start at login'),
};

export const SETTING_KEYS = Object.keys(SETTING_ENV) as (keyof Settings)[];

/** The settings that take one of a few values, and those values. */
export const SETTING_CHOICES: Partial<Record<keyof Settings, readonly string[]>> = {
  tokenAuthMethod: ['auto', ...TOKEN_AUTH_METHODS],
  emailFirst: ['on', 'off'],
  apiToken: ['id', 'access'],
  keepRunning: ['on', 'off'],
  startAtLogin: ['on', 'off'],
};

/** Each setting's default as `config show` shows it when nothing sets it (empty: none). */
export function settingDefault(key: keyof Settings): string {
  return withDefaults({})[key];
}

/** One thing wrong with one setting. */
export interface SettingsProblem {
  setting: keyof Settings;
  message: string;
}

const WELL_KNOWN_SUFFIX = '/.well-known/openid-configuration';
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** AWS's pattern for an Identity Pool ID: `<region>:<guid>`. */
const IDENTITY_POOL_ID = /^[\w-]+:[0-9a-f-]+$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** A BCP 47 language tag, loosely: `de`, `pt-BR`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

/** The issuer for a discovery URL given either as the issuer or as the full `.well-known` URL. */
export function issuerFromDiscoveryUrl(discoveryUrl: string): string {
  let issuer = discoveryUrl.trim();
  if (issuer.endsWith(WELL_KNOWN_SUFFIX)) issuer = issuer.slice(0, -WELL_KNOWN_SUFFIX.length);
  // Cognito's issuer has no trailing slash; with one, the issuer check fails.
  return issuer.replace(/\/+$/, '');
}

/** The default sign-out URI for a redirect URI: same origin, path `/signed-out`. */
export function defaultLogoutUri(redirectUri: string): string {
  try {
    return `${new URL(redirectUri).origin}/signed-out`;
  } catch {
    return `http://127.0.0.1:${DEFAULT_REDIRECT_PORT}/signed-out`;
  }
}

/** A client id or a claim name: no spaces, at most 128 characters. */
function isOneWord(value: string): boolean {
  return !/\s/.test(value) && value.length <= 128;
}

function isTokenAuthMethod(value: string): value is TokenAuthMethod {
  return (TOKEN_AUTH_METHODS as readonly string[]).includes(value);
}

/** Strips APEX-style `#email#` to `email`. */
function normalizeClaim(claim: string): string {
  return claim.trim().replace(/^#(.*)#$/, '$1');
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function discoveryProblem(value: string): string | undefined {
  if (!value) return t('is required: the user pool’s issuer or discovery URL.');
  const url = parseUrl(value);
  if (!url) return t('is not a URL.');
  if (!isHttpsOrLoopback(url))
    return t('must use https (plain http is allowed only for a provider on this machine).');
  if (url.search || url.hash) return t('must not have a query or fragment.');
  return undefined;
}

function proxyProblem(value: string): string | undefined {
  if (!value || value === DIRECT) return undefined;
  let url: URL;
  try {
    url = parseProxyUrl(value);
  } catch {
    return t('is not a URL: write it like http://proxy.example.com:3128, or {{direct}} for none.', {
      direct: DIRECT,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('must be an http or https proxy.');
  // The settings file is plain text: proxy credentials belong in the environment.
  if (url.username || url.password)
    return t(
      'must not hold a user name or password: the settings file is plain text. In a shell, put them in HTTPS_PROXY instead.',
    );
  if (url.pathname !== '/' || url.search || url.hash) return t('must be only a scheme, host and port.');
  return undefined;
}

/** https, or plain http to this machine only: what a URL that tokens go to may use. */
function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/** A value that must be one of `choices` (empty means the default). */
function choiceProblem(value: string, choices: readonly string[]): string | undefined {
  if (!value || choices.includes(value)) return undefined;
  return t('must be {{choices}} or {{last}}.', {
    choices: choices.slice(0, -1).join(', '),
    last: choices.at(-1)!,
  });
}

function apiUrlProblem(value: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return t('is not a URL.');
  if (!isHttpsOrLoopback(url))
    return t(
      'must use https (plain http is allowed only for an API on this machine): the token goes with it.',
    );
  return undefined;
}

function identityProvidersProblem(value: string): string | undefined {
  try {
    parseIdentityProviders(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function loopbackUriProblem(value: string, what: string): string | undefined {
  const url = parseUrl(value);
  if (!url) return t('is not a URL.');
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname)) {
    return t(
      'must be an http URL on 127.0.0.1 or localhost: the app receives the {{what}} on this machine.',
      { what },
    );
  }
  if (!url.port)
    return t('must name a port, as registered in the provider (Cognito matches the port exactly).');
  if (url.search || url.hash) return t('must not have a query or fragment.');
  if (url.pathname === '/') return t('must have a path, like /callback.');
  return undefined;
}

/** Every problem with `input`, for showing beside each field. Empty when valid. */
export function findSettingsProblems(input: SettingsInput): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const add = (setting: keyof Settings, message: string | undefined): void => {
    if (message) problems.push({ setting, message: `${t(SETTING_LABELS[setting])} ${message}` });
  };
  add('discoveryUrl', discoveryProblem(text(input.discoveryUrl)));
  const clientId = text(input.clientId);
  add(
    'clientId',
    !clientId
      ? t('is required: copy it from the app client.')
      : !isOneWord(clientId)
        ? t('must be one word of at most 128 characters.')
        : undefined,
  );
  const redirectUri = text(input.redirectUri) || DEFAULT_REDIRECT_URI;
  add('redirectUri', loopbackUriProblem(redirectUri, t('sign-in answer')));
  const logoutUri = text(input.logoutUri) || defaultLogoutUri(redirectUri);
  const logoutIssue = loopbackUriProblem(logoutUri, t('signed-out page'));
  const redirect = parseUrl(redirectUri);
  const logout = parseUrl(logoutUri);
  add(
    'logoutUri',
    logoutIssue ??
      (redirect && logout && redirect.origin !== logout.origin
        ? t('must be on the same host and port as the redirect URI (one receiver serves both).')
        : redirect && logout && redirect.pathname === logout.pathname
          ? t('must have a different path from the redirect URI.')
          : undefined),
  );
  const scopes = (text(input.scopes) || DEFAULT_SCOPES).split(/\s+/);
  add(
    'scopes',
    !scopes.includes('openid')
      ? t('must include openid.')
      : scopes.some((s) => !SCOPE_TOKEN.test(s))
        ? t('must be scope names separated by spaces.')
        : undefined,
  );
  // Empty means "the default"; only a value that names nothing (like `##`) is wrong.
  const claim = text(input.usernameClaim);
  if (claim && !normalizeClaim(claim)) add('usernameClaim', t('must name a claim, like email.'));
  const groups = text(input.groupsClaim);
  if (groups && !isOneWord(groups))
    add('groupsClaim', t('must name one claim, like cognito:groups or groups.'));
  for (const [key, choices] of Object.entries(SETTING_CHOICES) as [keyof Settings, readonly string[]][])
    add(key, choiceProblem(text(input[key]), choices));
  add('proxy', proxyProblem(text(input.proxy)));
  const caFile = text(input.caFile);
  if (caFile && !isAbsolute(caFile)) add('caFile', t('must be the full path of a PEM file.'));
  add('identityProviders', identityProvidersProblem(text(input.identityProviders)));
  const language = text(input.language);
  if (language && !LANGUAGE_TAG.test(language))
    add('language', t('must be a language code like de or pt-BR, or empty for the system’s language.'));
  const pool = text(input.identityPoolId);
  if (pool && !IDENTITY_POOL_ID.test(pool))
    add('identityPoolId', t('must look like eu-west-1:0a1b2c3d-… (the Identity Pool’s ID, region first).'));
  const role = text(input.roleArn);
  if (role && !ROLE_ARN.test(role))
    add('roleArn', t('must be an IAM role ARN, like arn:aws:iam::123456789012:role/Name.'));
  if (role && !pool) add('roleArn', t('needs an Identity Pool ID: the role is asked of the Identity Pool.'));
  const api = text(input.apiUrl);
  if (api) add('apiUrl', apiUrlProblem(api));
  const service = text(input.keychainService);
  if (service && [...service].some((c) => c.charCodeAt(0) < 0x20))
    add('keychainService', t('must be printable text.'));
  return problems;
}

/** `input` with every empty setting filled by its default (unvalidated: shows what will be used). */
export function withDefaults(input: SettingsInput): Settings {
  const redirectUri = text(input.redirectUri) || DEFAULT_REDIRECT_URI;
  const authMethod = text(input.tokenAuthMethod);
  return {
    discoveryUrl: issuerFromDiscoveryUrl(text(input.discoveryUrl)),
    clientId: text(input.clientId),
    redirectUri,
    logoutUri: text(input.logoutUri) || defaultLogoutUri(redirectUri),
    scopes: (text(input.scopes) || DEFAULT_SCOPES).split(/\s+/).join(' '),
    usernameClaim: normalizeClaim(text(input.usernameClaim)) || 'email',
    groupsClaim: text(input.groupsClaim) || DEFAULT_GROUPS_CLAIM,
    tokenAuthMethod: isTokenAuthMethod(authMethod) ? authMethod : 'auto',
    keychainService: text(input.keychainService) || DEFAULT_KEYCHAIN_SERVICE,
    proxy: text(input.proxy),
    caFile: text(input.caFile),
    identityProviders: text(input.identityProviders),
    emailFirst: text(input.emailFirst) === 'on' ? 'on' : 'off',
    language: text(input.language),
    identityPoolId: text(input.identityPoolId),
    roleArn: text(input.roleArn),
    apiUrl: text(input.apiUrl),
    apiToken: text(input.apiToken) === 'access' ? 'access' : 'id',
    keepRunning: text(input.keepRunning) === 'on' ? 'on' : 'off',
    startAtLogin: text(input.startAtLogin) === 'on' ? 'on' : 'off',
  };
}

/** Validates `input` and fills in defaults; throws `invalid_settings` naming the first bad setting. */
export function validateSettings(input: SettingsInput): Settings {
  failOnProblems(findSettingsProblems(input));
  return withDefaults(input);
}

/** Throws `invalid_settings` naming the first of `problems`, if any. */
export function failOnProblems(problems: SettingsProblem[]): void {
  const [first] = problems;
  if (first) throw new AuthError('invalid_settings', first.message, { setting: first.setting });
}

/** True when the user has pointed the app at a provider (else `npm start` offers the emulator). */
export function isProviderConfigured(input: SettingsInput): boolean {
  return text(input.discoveryUrl) !== '' && text(input.clientId) !== '';
}

/**
 * The settings folder: `COGNITO_DESKTOP_CONFIG_DIR`, else the folder Electron uses as `userData`
 * (`<appData>/cognito-desktop`), so the CLI and the app share one file.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.COGNITO_DESKTOP_CONFIG_DIR) return env.COGNITO_DESKTOP_CONFIG_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
