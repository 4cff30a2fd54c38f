/**
 * The contract between the renderer and the main process: channel names, the data that crosses,
 * and the `window.api` the renderer sees. No Electron import: the renderer, the preload, the main
 * process and the tests all share this file.
 *
 * Nothing here can carry a token or the client secret: the renderer gets profiles and state.
 * Types shared with the core are imported from it (types only: nothing of main reaches the page).
 */
import type { AuthErrorCode } from '../main/core/errors.ts';
import type { Settings } from '../main/core/settings/settings.ts';

/**
 * Every failure crosses as a code the renderer branches on, plus a message a person can act on:
 * the core's codes, and two of the IPC layer's own.
 */
export type ErrorCode = AuthErrorCode | 'bad_request' | 'forbidden';

export interface ErrorDto {
  code: ErrorCode;
  message: string;
  /** For `invalid_settings`: the setting at fault. */
  setting?: string;
}

/** What an IPC handler returns: it never throws across the bridge. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDto };

/**
 * The signed-in user, as the renderer may show it: no token, ever. Declared here, on the wire,
 * rather than borrowed from the core: a field added to the core's profile does not reach the page
 * unless it is added here and copied in main/ipc/wire.ts.
 */
export interface ProfileDto {
  /** The user's name by the configured username claim (with fallbacks). */
  username: string;
  /** Which claim gave {@link username}. */
  usernameClaim: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  groups: string[];
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  signedInAt: number;
  refreshedAt?: number;
  /** False when the keychain was unavailable: the session ends with the app. */
  persisted: boolean;
  /** A federated user's identity provider: its name in the pool and its type (`Google`, `SAML`, `OIDC`…). */
  signedInWith?: { providerName: string; providerType: string };
}

/** A "Continue with …" button of the sign-in screen. */
export interface IdentityProviderDto {
  name: string;
  label: string;
}

/** A code to sign in with on another device: the address, the code, a QR code (rows of 1s and 0s). */
export interface DeviceCodeDto {
  userCode: string;
  verificationUri: string;
  qr: string[];
}

export interface ProviderDto {
  /** How every screen names the provider: the user pool's id for Cognito, else the issuer's host and path. */
  name: string;
  issuer: string;
  /** True when this is the local Cognito emulator (development). */
  isEmulator: boolean;
}

/** One signed-in (or signed-out) account, as the switcher lists it. */
export interface AccountDto {
  /** The settings profile it belongs to. */
  profile: string;
  /** Its id within the profile ('' for the profile's first account). */
  id: string;
  /** Email or user name; absent for a first account never signed in. */
  name?: string;
  /** The profile's active account. */
  active: boolean;
  signedIn: boolean;
}

/** Names one account of one profile. */
export interface AccountRefDto {
  profile: string;
  id: string;
}

/** A settings profile, as the switcher and Settings list it. */
export interface ProfileEntryDto {
  name: string;
  selected: boolean;
  /** Defined by the installer or the policy: cannot be removed. */
  fromInstaller: boolean;
  /** Its settings name a provider. */
  configured: boolean;
}

/** The profiles and accounts, for the switcher: sent with every state. */
export interface SwitcherDto {
  /** The profile in use. */
  profile: string;
  profiles: ProfileEntryDto[];
  accounts: AccountDto[];
  canAddProfiles: boolean;
}

/** The languages the window's texts exist in. */
export type UiLanguage = 'en' | 'de';

/** The app's state, pushed on `session:changed` and returned by `session:get-state`. */
export type AppState = SessionState & {
  switcher?: SwitcherDto;
  /**
   * Counts the changes of the settings made outside the Settings screen while the app runs (the
   * organisation's policy): an open Settings screen reloads when it changes. Absent: none yet.
   */
  settingsRevision?: number;
  /**
   * The language the app speaks (main decides: the language setting, else the OS's). Always sent by
   * the main process; absent (tests of single screens), the window keeps the browser's language.
   */
  language?: UiLanguage;
};

export type SessionState =
  | { status: 'unconfigured'; emulatorOffered: boolean; error?: ErrorDto }
  | {
      status: 'signed-out';
      provider: ProviderDto;
      /** The pool's identity providers to offer a button for; empty: the hosted page only. */
      identityProviders: IdentityProviderDto[];
      /** Ask for an email first and route by its domain. */
      emailFirst: boolean;
      error?: ErrorDto;
      notice?: string;
    }
  | {
      status: 'waiting';
      provider: ProviderDto;
      startedAt: number;
      expiresAt: number;
      warning?: ErrorDto;
      /** The provider offers signing in on another device with a code. */
      offersDevice: boolean;
      /** That sign-in, once asked for. */
      device?: DeviceCodeDto;
    }
  | {
      status: 'signed-in';
      provider: ProviderDto;
      profile: ProfileDto;
      autoRefresh: boolean;
      /** The API the API-call panel calls (the `apiUrl` setting); absent: the provider's userinfo. */
      apiUrl?: string;
      /** An Identity Pool is set: the view shows the AWS credentials' status. */
      aws: boolean;
      error?: ErrorDto;
    };

/** The answer of the app's own API, as the API-call panel shows it (no token in it, ever). */
export interface ApiAnswerDto {
  url: string;
  status: number;
  statusText: string;
  ms: number;
  body: string;
  truncated: boolean;
}

/** The AWS credentials, as the signed-in view may show them: never a key. */
export type AwsStatusDto =
  | { state: 'not-configured' }
  | { state: 'ready'; identityId: string; roleArn?: string; expiresAt: number }
  | { state: 'failed'; error: ErrorDto };

/**
 * The editable settings, as text. The keychain service name is not edited in the app; the client
 * secret is write-only (only whether one is stored comes back).
 */
export type SettingsDto = Record<Exclude<keyof Settings, 'keychainService'>, string>;

export interface SettingsView {
  values: SettingsDto;
  /** Each field's label: the names the problem messages use too. */
  labels: Record<keyof SettingsDto, string>;
  /** Settings fixed by the installer (provider.json) or the policy; shown read-only. */
  locked: (keyof SettingsDto)[];
  /** Of those, the ones the organisation's policy sets: "Managed by your organization". */
  managed: (keyof SettingsDto)[];
  /** Settings whose value came from the installer's defaults. */
  fromInstaller: (keyof SettingsDto)[];
  hasClientSecret: boolean;
  /** The URLs to register in the provider, for the copy buttons. */
  callbackUrl: string;
  signOutUrl: string;
}

export interface SettingsProblemDto {
  setting: keyof SettingsDto;
  message: string;
}

/** What the main process says of values being typed: their problems, and the URLs they mean. */
export interface SettingsValidationDto {
  problems: SettingsProblemDto[];
  /** The callback and sign-out URLs to register for these values (defaults filled in). */
  callbackUrl: string;
  signOutUrl: string;
}

export interface SaveSettingsInput {
  values: SettingsDto;
  /** undefined: keep the stored secret; '': remove it (public client); else store this one. */
  clientSecret?: string;
}

export interface DoctorCheckDto {
  id: string;
  label: string;
  ok: boolean;
  /** Passed, with a consequence worth knowing. */
  warning?: boolean;
  detail: string;
  fix?: string;
}

export interface DoctorReportDto {
  ok: boolean;
  checks: DoctorCheckDto[];
  callbackUrl: string;
  signOutUrl: string;
}

/** A proxy asks for a user name and password (HTTP 407): what the sign-in dialog shows. */
export interface ProxySignInRequestDto {
  /** This question's id: the answer names it, and an answer to another question is ignored. */
  question: string;
  /** `host:port`. */
  proxy: string;
  realm: string;
  /** True when the proxy refused the user name and password given before. */
  refused: boolean;
}

/** The dialog's answer to one question; the password goes to main only, never back. */
export interface ProxySignInReplyDto {
  /** The {@link ProxySignInRequestDto.question} answered. */
  question: string;
  /** The user name and password; null: Cancel. */
  answer: ProxySignInAnswerDto | null;
}

/** The dialog's user name and password. */
export interface ProxySignInAnswerDto {
  username: string;
  password: string;
  /** Keep them in the OS keychain (else in memory until the app quits). */
  remember: boolean;
}

/** The API the preload exposes as `window.api`. Every call resolves; failures come as `ok: false`. */
export interface Api {
  getState(): Promise<Result<AppState>>;
  signIn(): Promise<Result<null>>;
  /** "Continue with <provider>": the provider's name in the pool. */
  signInWith(identityProvider: string): Promise<Result<null>>;
  /** Email-first: the email typed; its domain picks the provider. */
  signInWithEmail(email: string): Promise<Result<null>>;
  cancelSignIn(): Promise<Result<null>>;
  copySignInLink(): Promise<Result<null>>;
  openBrowserAgain(): Promise<Result<null>>;
  /** Ends the browser's sign-in and shows a code to sign in with on another device instead. */
  signInOnAnotherDevice(): Promise<Result<null>>;
  signOut(): Promise<Result<null>>;
  /** Signs in as another person, keeping the accounts signed in so far. */
  addAccount(): Promise<Result<null>>;
  /** Makes one account active (its profile too). */
  useAccount(account: AccountRefDto): Promise<Result<null>>;
  /** Signs one account out and removes it. */
  signOutAccount(account: AccountRefDto): Promise<Result<null>>;
  useProfile(name: string): Promise<Result<null>>;
  /** Adds an empty profile and uses it (Settings sets it up). */
  addProfile(name: string): Promise<Result<null>>;
  /** Signs out a profile's accounts and removes it. */
  removeProfile(name: string): Promise<Result<null>>;
  callUserInfo(): Promise<Result<Record<string, unknown>>>;
  /** Calls the `apiUrl` setting's API with the session's token. */
  callApi(): Promise<Result<ApiAnswerDto>>;
  /** Gets (or reuses) the AWS credentials and says whether they are ready. */
  getAwsStatus(): Promise<Result<AwsStatusDto>>;
  getSettings(): Promise<Result<SettingsView>>;
  validateSettings(values: SettingsDto): Promise<Result<SettingsValidationDto>>;
  saveSettings(input: SaveSettingsInput): Promise<Result<SettingsView>>;
  checkConfiguration(values: SettingsDto): Promise<Result<DoctorReportDto>>;
  copyText(text: string): Promise<Result<null>>;
  useEmulator(): Promise<Result<null>>;
  /** Answers the proxy sign-in dialog; null: Cancel. */
  answerProxySignIn(reply: ProxySignInReplyDto): Promise<Result<null>>;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onStateChanged(listener: (state: AppState) => void): () => void;
  /** Subscribes to "open Settings" from the menu. */
  onOpenSettings(listener: () => void): () => void;
  /** Subscribes to a proxy asking for a user name and password (null: the question is over). */
  onProxySignIn(listener: (request: ProxySignInRequestDto | null) => void): () => void;
}

/** The invoke channel of each request method (`domain:verb`). */
export const CHANNELS = {
  getState: 'session:get-state',
  signIn: 'session:sign-in',
  signInWith: 'session:sign-in-with',
  signInWithEmail: 'session:sign-in-with-email',
  cancelSignIn: 'session:cancel-sign-in',
  copySignInLink: 'session:copy-sign-in-link',
  openBrowserAgain: 'session:open-browser-again',
  signInOnAnotherDevice: 'session:sign-in-on-another-device',
  signOut: 'session:sign-out',
  addAccount: 'accounts:add',
  useAccount: 'accounts:use',
  signOutAccount: 'accounts:sign-out',
  useProfile: 'profiles:use',
  addProfile: 'profiles:add',
  removeProfile: 'profiles:remove',
  callUserInfo: 'api:call-userinfo',
  callApi: 'api:call',
  getAwsStatus: 'aws:get-status',
  getSettings: 'settings:get',
  validateSettings: 'settings:validate',
  saveSettings: 'settings:save',
  checkConfiguration: 'settings:check',
  copyText: 'clipboard:write-text',
  useEmulator: 'settings:use-emulator',
  answerProxySignIn: 'proxy:answer-sign-in',
} as const satisfies Record<
  Exclude<keyof Api, 'onStateChanged' | 'onOpenSettings' | 'onProxySignIn'>,
  string
>;

export type RequestMethod = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[RequestMethod];

/** The argument of a request method (undefined for none). */
export type RequestArgument<M extends RequestMethod> = Parameters<Api[M]>[0];
/** What a request method's Result carries when it succeeds. */
export type RequestValue<M extends RequestMethod> =
  Awaited<ReturnType<Api[M]>> extends Result<infer V> ? V : never;

/**
 * What each request takes: nothing, the Settings values ({@link SettingsDto}), the save input
 * ({@link SaveSettingsInput}), one short text, the proxy dialog's answer ({@link ProxySignInAnswerDto}
 * or null), or an account ({@link AccountRefDto}). The IPC handlers check every call against it,
 * and the tests generate their bad-argument rows from it, so a new channel gets both.
 */
export type ArgumentKind = 'none' | 'settings' | 'save-input' | 'text' | 'proxy-answer' | 'account';
export const ARGUMENTS = {
  getState: 'none',
  signIn: 'none',
  signInWith: 'text',
  signInWithEmail: 'text',
  cancelSignIn: 'none',
  copySignInLink: 'none',
  openBrowserAgain: 'none',
  signInOnAnotherDevice: 'none',
  signOut: 'none',
  addAccount: 'none',
  useAccount: 'account',
  signOutAccount: 'account',
  useProfile: 'text',
  addProfile: 'text',
  removeProfile: 'text',
  callUserInfo: 'none',
  callApi: 'none',
  getAwsStatus: 'none',
  getSettings: 'none',
  validateSettings: 'settings',
  saveSettings: 'save-input',
  checkConfiguration: 'settings',
  copyText: 'text',
  useEmulator: 'none',
  answerProxySignIn: 'proxy-answer',
} as const satisfies Record<RequestMethod, ArgumentKind>;

/** Events from main to renderer (`domain:noun-changed`). */
export const EVENTS = {
  stateChanged: 'session:state-changed',
  openSettings: 'menu:settings-requested',
  proxySignIn: 'proxy:sign-in-requested',
} as const;

/**
 * The editable settings, in the order the screen shows them (a record's string keys keep the order
 * they are written in). A record, not a list: the keys come from the core's `Settings` type, so a
 * setting added there does not compile until it has a place here.
 */
// Stryker disable BooleanLiteral: only the keys and their order matter.
const ON_SCREEN: Record<keyof SettingsDto, true> = {
  discoveryUrl: true,
  clientId: true,
  redirectUri: true,
  logoutUri: true,
  scopes: true,
  usernameClaim: true,
  groupsClaim: true,
  tokenAuthMethod: true,
  proxy: true,
  caFile: true,
  identityProviders: true,
  emailFirst: true,
  language: true,
  identityPoolId: true,
  roleArn: true,
  apiUrl: true,
  apiToken: true,
  keepRunning: true,
  startAtLogin: true,
};
// Stryker restore BooleanLiteral

/** The Settings fields, in screen order. */
export const SETTINGS_FIELDS = Object.keys(ON_SCREEN) as (keyof SettingsDto)[];

/**
 * Builds `window.api` from two transport functions. The preload passes Electron's ipcRenderer;
 * the browser journeys pass a bridge to the same handlers, so both expose the same API.
 * What comes back over the wire is the handler's Result for that channel (main/ipc types each
 * handler from {@link Api}); `request` is the one place that trusts it.
 */
export function createApi(
  invoke: (channel: Channel, args: unknown[]) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): Api {
  const request =
    <M extends RequestMethod>(method: M) =>
    (...args: unknown[]): Promise<Result<RequestValue<M>>> =>
      invoke(CHANNELS[method], args) as Promise<Result<RequestValue<M>>>;
  return {
    getState: request('getState'),
    signIn: request('signIn'),
    signInWith: request('signInWith'),
    signInWithEmail: request('signInWithEmail'),
    cancelSignIn: request('cancelSignIn'),
    copySignInLink: request('copySignInLink'),
    openBrowserAgain: request('openBrowserAgain'),
    signInOnAnotherDevice: request('signInOnAnotherDevice'),
    signOut: request('signOut'),
    addAccount: request('addAccount'),
    useAccount: request('useAccount'),
    signOutAccount: request('signOutAccount'),
    useProfile: request('useProfile'),
    addProfile: request('addProfile'),
    removeProfile: request('removeProfile'),
    callUserInfo: request('callUserInfo'),
    callApi: request('callApi'),
    getAwsStatus: request('getAwsStatus'),
    getSettings: request('getSettings'),
    validateSettings: request('validateSettings'),
    saveSettings: request('saveSettings'),
    checkConfiguration: request('checkConfiguration'),
    copyText: request('copyText'),
    useEmulator: request('useEmulator'),
    answerProxySignIn: request('answerProxySignIn'),
    onStateChanged: (listener) => subscribe(EVENTS.stateChanged, (payload) => listener(payload as AppState)),
    onOpenSettings: (listener) => subscribe(EVENTS.openSettings, () => listener()),
    onProxySignIn: (listener) =>
      subscribe(EVENTS.proxySignIn, (payload) => listener(payload as ProxySignInRequestDto | null)),
  };
}
