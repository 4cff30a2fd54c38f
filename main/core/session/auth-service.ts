/**
 * The auth core's one entry for the app and the CLI: sign in through the system browser, keep the
 * session in the keychain, hand out valid tokens, sign out. It builds its parts and hands each
 * call to the one whose job it is — {@link SignInFlow}, {@link SessionKeeper}, {@link SignOutFlow},
 * {@link ClientSecret} — and is the event emitter they all tell. It reaches the OS only through ports.
 */
import { DeviceSignIn, type DeviceCode } from './device-sign-in.ts';
import type { PasteVerdict } from '../loopback/loopback-receiver.ts';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import {
  processLocalLock,
  silentLogger,
  silentSignal,
  systemClock,
  type Browser,
  type Clock,
  type Logger,
  type SecretStore,
  type SessionLock,
  type SessionSignal,
} from '../ports.ts';
import { loggedFetch } from '../network/logged-fetch.ts';
import { ProviderDirectory, type ProviderClient } from '../provider/provider.ts';
import { type Fetch } from '../network/network.ts';
import type { IdentityProviderChoice } from '../provider/sign-in-options.ts';
import type { Settings } from '../settings/settings.ts';
import { callApiWith, fetchUserInfo, type ApiAnswer } from './api-call.ts';
import { ClientSecret } from './client-secret.ts';
import type { Profile, TokenKind } from './session.ts';
import type { Emit, SessionEvents, SignInAttempt, SignOutReason } from './session-events.ts';
import { SessionKeeper } from './session-keeper.ts';
import { SharedSession } from './shared-session.ts';
import { SignInFlow, type SignInOptions } from './sign-in.ts';
import { SignOutFlow, revoke, type SignOutOptions, type SignOutResult } from './sign-out.ts';
import {
  TokenVault,
  clientSecretAccount,
  sessionAccount,
  type KeychainScope,
  type VaultLayout,
} from './token-vault.ts';

export type { SessionChange, SignInAttempt, SignOutReason } from './session-events.ts';
export type { SignInOptions } from './sign-in.ts';
export type { SignOutOptions, SignOutResult } from './sign-out.ts';

export interface AuthServiceDeps {
  settings: Settings;
  secretStore: SecretStore;
  browser: Browser;
  /** The settings folder; the discovery cache lives there. Undefined: cache in memory. */
  configDir?: string;
  clock?: Clock;
  logger?: Logger;
  fetch?: Fetch;
  /** Keychain call time limit (ms). */
  keychainTimeoutMs?: number;
  /** How the keychain entries are laid out; by default what the OS keychain needs. */
  keychainLayout?: VaultLayout;
  /** The lock shared with other processes; by default one for this process only. */
  lock?: SessionLock;
  /** The change signal shared with other processes; by default none. */
  signal?: SessionSignal;
  /** The OS's locale (`de-DE`): the sign-in page's language when the setting is empty. */
  osLocale?: string;
  /** The profile and account whose session this is; by default the default profile's first account. */
  scope?: KeychainScope;
}

/** Sign-in, session and sign-out for one provider, app client, profile and account. */
export class AuthService extends EventEmitter<SessionEvents> {
  readonly settings: Settings;
  /** The profile and account whose session this is. */
  readonly scope: KeychainScope;
  readonly directory: ProviderDirectory;
  private readonly fetchImpl: Fetch;
  private readonly secret: ClientSecret;
  private readonly keeper: SessionKeeper;
  private readonly signInFlow: SignInFlow;
  private readonly signOutFlow: SignOutFlow;
  private readonly deviceSignIn: DeviceSignIn;

  constructor(deps: AuthServiceDeps) {
    super();
    const { settings } = deps;
    this.settings = settings;
    this.scope = deps.scope ?? {};
    const clock = deps.clock ?? systemClock;
    const logger = deps.logger ?? silentLogger;
    const vault = new TokenVault(
      deps.secretStore,
      settings.keychainService,
      deps.keychainTimeoutMs,
      deps.keychainLayout,
    );
    // One file per issuer: profiles on different providers each keep theirs, so switching between
    // them needs no discovery request. The issuer, escaped, is a valid file name on every OS.
    const cacheFile = deps.configDir
      ? join(deps.configDir, 'discovery', `${encodeURIComponent(settings.discoveryUrl)}.json`)
      : undefined;
    this.fetchImpl = loggedFetch(deps.fetch ?? ((url, init) => fetch(url, init)), logger);
    this.directory = new ProviderDirectory(settings, cacheFile, clock, this.fetchImpl);
    const secretAccount = clientSecretAccount(settings.discoveryUrl, settings.clientId, this.scope.profile);
    this.secret = new ClientSecret(
      vault,
      secretAccount,
      deps.configDir ? join(deps.configDir, 'client-secrets', encodeURIComponent(secretAccount)) : undefined,
    );
    // The parts tell listeners through this service: they never hold the emitter itself.
    const emit = this.emit.bind(this) as unknown as Emit;
    const connect = (): Promise<ProviderClient> => this.connect();
    this.keeper = new SessionKeeper({
      settings,
      shared: new SharedSession(
        vault,
        sessionAccount(settings.discoveryUrl, settings.clientId, this.scope),
        deps.lock ?? processLocalLock(),
        deps.signal ?? silentSignal,
      ),
      clock,
      logger,
      connect,
      emit,
      busy: () => this.signInFlow.current() !== undefined,
    });
    this.deviceSignIn = new DeviceSignIn({ settings, clock, connect, keeper: this.keeper });
    this.signOutFlow = new SignOutFlow({
      settings,
      browser: deps.browser,
      logger,
      connect,
      keeper: this.keeper,
    });
    this.signInFlow = new SignInFlow({
      settings,
      directory: this.directory,
      browser: deps.browser,
      clock,
      logger,
      osLocale: deps.osLocale,
      connect,
      keeper: this.keeper,
      emit,
      // The port is the same: a sign-in right after a sign-out takes it over.
      freePort: () => this.signOutFlow.close(),
    });
  }

  // ── the session ─────────────────────────────────────────────────────────────────────────────

  /** Loads the stored session from the keychain, no network: its profile, or undefined when signed out. */
  restore(): Promise<Profile | undefined> {
    return this.keeper.restore();
  }

  /** The current profile, or undefined when signed out. */
  profile(): Profile | undefined {
    return this.keeper.profile();
  }

  /** A valid access token, refreshed when it expires within a minute (one refresh for all callers). */
  async getAccessToken(): Promise<string> {
    return (await this.keeper.getToken('access')).token;
  }

  /** A valid ID token, refreshed when it expires within a minute (its lifetime is its own). */
  async getIdToken(): Promise<string> {
    return (await this.keeper.getToken('id')).token;
  }

  /** A valid token of `kind` and when it expires (ms since the epoch); an expired one never. */
  getToken(kind: TokenKind): Promise<{ token: string; expiresAt: number }> {
    return this.keeper.getToken(kind);
  }

  /** Calls the app's own API (the `apiUrl` setting) with the ID or access token as its bearer token. */
  async callApi(url: string, token: 'id' | 'access'): Promise<ApiAnswer> {
    return callApiWith(await this.keeper.validSession(token), url, token, this.fetchImpl);
  }

  /** Calls the provider's userinfo endpoint with the access token: the pattern for the app's own APIs. */
  async fetchUserInfo(): Promise<Record<string, unknown>> {
    const session = await this.keeper.validSession();
    return fetchUserInfo(await this.connect(), session);
  }

  /** Refreshes the session shortly before it expires, until signed out or {@link dispose}d. */
  startAutoRefresh(): void {
    this.keeper.startAutoRefresh();
  }

  /** Follows the stored session as other processes change it, until {@link dispose}d. */
  followSharedSession(): void {
    this.keeper.followSharedSession();
  }

  /** Stops timers, following and any sign-in in progress. */
  dispose(): void {
    this.keeper.dispose();
    void this.signOutFlow.close();
    this.signInFlow.cancel();
  }

  // ── the client secret ───────────────────────────────────────────────────────────────────────

  /** Stores the client secret in the keychain (empty or undefined removes it: a public client). */
  setClientSecret(secret: string | undefined): Promise<void> {
    return this.secret.store(secret);
  }

  /** Uses `secret` for this process only (the environment's `COGNITO_CLIENT_SECRET`): nothing is written. */
  useClientSecret(secret: string): void {
    this.secret.use(secret);
  }

  /** Whether a client secret is in use for this provider and client id (stored or from the environment). */
  async hasClientSecret(): Promise<boolean> {
    return (await this.secret.value()) !== undefined;
  }

  /** Whether a client secret was stored in the keychain here, read without the keychain. */
  clientSecretNotedAsStored(): boolean {
    return this.secret.isNotedAsStored();
  }

  // ── signing in and out ──────────────────────────────────────────────────────────────────────

  /** The sign-in waiting for the browser, if any. */
  currentAttempt(): SignInAttempt | undefined {
    return this.signInFlow.current();
  }

  /** Signs in through the system browser (see {@link SignInFlow.signIn}). */
  signIn(options: SignInOptions = {}): Promise<Profile> {
    return this.signInFlow.signIn(options);
  }

  /** Whether the provider offers signing in on another device (the device flow). */
  offersDeviceSignIn(): Promise<boolean> {
    return this.deviceSignIn.offered();
  }

  /** Signs in on another device with a code (see {@link DeviceSignIn.signIn}). */
  signInOnAnotherDevice(onCode: (code: DeviceCode) => void): Promise<Profile> {
    return this.deviceSignIn.signIn(onCode);
  }

  /** An address the person pasted from a browser elsewhere, for the sign-in waiting now. */
  pasteCallback(address: string): PasteVerdict | 'no-sign-in' {
    return this.signInFlow.paste(address);
  }

  /** Cancels the sign-in waiting for the browser, if any. */
  cancelSignIn(): void {
    this.signInFlow.cancel();
    this.deviceSignIn.cancel();
  }

  /** Opens the current attempt's URL in the browser again (the user closed the tab). */
  reopenBrowser(): Promise<void> {
    return this.signInFlow.reopenBrowser();
  }

  /** The identity providers the settings offer, in their order. */
  identityProviders(): IdentityProviderChoice[] {
    return this.signInFlow.identityProviders();
  }

  /**
   * A sign-in where the provider asks who is signing in. A provider that advertises
   * `prompt=login` gets a forced fresh sign-in: the current session stays until the new one is
   * stored (cancel, and nothing is lost), then its refresh token is revoked. Any other (Cognito,
   * whose classic hosted UI ignores `prompt`) gets a sign-out first, then a sign-in.
   */
  async signInAsSomeoneElse(options: SignInOptions = {}): Promise<Profile> {
    const metadata = await this.directory.metadata().catch(() => undefined);
    const prompts = (metadata as { prompt_values_supported?: unknown } | undefined)?.prompt_values_supported;
    if (Array.isArray(prompts) && prompts.includes('login')) {
      const previous = this.keeper.current();
      const profile = await this.signIn({ ...options, fresh: true });
      if (previous?.refreshToken && previous.refreshToken !== this.keeper.current()?.refreshToken) {
        const client = await this.connect().catch(() => undefined);
        if (client) await revoke(client, previous.refreshToken, []);
      }
      return profile;
    }
    // The sign-out opens the browser when the sign-in will: the provider forgets the user first.
    await this.signOut(options.openBrowser === false ? { openBrowser: false } : {}, 'switch-user');
    return this.signIn(options);
  }

  /** Signs out (see {@link SignOutFlow.signOut}); a sign-in waiting for the browser is cancelled. */
  signOut(options: SignOutOptions = {}, reason: SignOutReason = 'user'): Promise<SignOutResult> {
    this.cancelSignIn();
    return this.signOutFlow.signOut(options, reason);
  }

  /** The provider, connected with the client secret in use. */
  private async connect(): Promise<ProviderClient> {
    return this.directory.connect(await this.secret.forRequests());
  }
}
