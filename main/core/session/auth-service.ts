/**
 * The auth core: sign in through the system browser (RFC 8252: loopback redirect, PKCE S256,
 * state, nonce), keep the session in the keychain, refresh it, sign out. The app and the CLI both
 * drive this one class; it reaches the OS only through ports.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { DEFAULT_CALLBACK_TIMEOUT_MS, withTimeout } from '../async-limits.ts';
import { AuthError, isAuthError, toAuthError } from '../errors.ts';
import type { LoopbackReceiver } from '../loopback/loopback-receiver.ts';
import { ProviderDirectory, takesIdTokenHint, type Fetch, type ProviderClient } from '../provider/provider.ts';
import { callApi, type ApiAnswer } from './api-call.ts';
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
import {
  hasExpired,
  needsRefresh,
  nextRefreshDelay,
  profileOf,
  refreshedIdTokenMismatch,
  sessionFromTokens,
  tokenExpiresAt,
  type Profile,
  type StoredSession,
  type TokenKind,
} from './session.ts';
import type { Settings } from '../settings/settings.ts';
import {
  authorizationParameters,
  findIdentityProvider,
  parseIdentityProviders,
  type IdentityProviderChoice,
  type SignInRoute,
} from '../provider/sign-in-options.ts';
import { SharedSession } from './shared-session.ts';
import {
  TokenVault,
  clientSecretAccount,
  sessionAccount,
  type KeychainScope,
  type VaultLayout,
} from './token-vault.ts';
import { loadOnce } from '../load-once.ts';
import { systemLocale, t } from '../i18n.ts';
import { loggedFetch } from '../network/logged-fetch.ts';

/** The loopback receiver's module (Node's HTTP server): loaded only when a sign-in or sign-out needs it. */
const loadLoopbackReceiver = loadOnce(() => import('../loopback/loopback-receiver.ts'));

/** Why a session ended. `elsewhere`: another process (the CLI, another window) signed out. */
export type SignOutReason = 'user' | 'revoked' | 'expired' | 'switch-user' | 'elsewhere';

/**
 * A change of session, for the UI to show. Carries a profile, never a token. `synced`: another
 * process signed in or refreshed, and this one took the stored session over.
 */
export type SessionChange =
  | { type: 'signed-in'; profile: Profile }
  | { type: 'refreshed'; profile: Profile }
  | { type: 'synced'; profile: Profile }
  | { type: 'signed-out'; reason: SignOutReason };

/** A sign-in waiting for the browser. */
export interface SignInAttempt {
  /** The authorization URL: offered for copying when no browser opens. Holds no secret. */
  url: string;
  startedAt: number;
  expiresAt: number;
}

export interface SignInOptions {
  /** Open the system browser (default true); else only offer the URL. */
  openBrowser?: boolean;
  timeoutMs?: number;
  /** Called with the attempt once the receiver listens, before the browser opens. */
  onStarted?: (attempt: SignInAttempt) => void;
  /** Straight to one of the configured identity providers, or to the one an identifier maps to. */
  route?: SignInRoute;
  /** The user name to offer on the sign-in page, where the provider takes one. */
  loginHint?: string;
  /** Ask for credentials even when the provider still has a session (`prompt=login`). */
  fresh?: boolean;
}

export interface SignOutOptions {
  /** Open the provider's logout page in the browser (default true). */
  openBrowser?: boolean;
  /** How long the receiver waits to serve the "Signed out" page. */
  signedOutPageTimeoutMs?: number;
}

export interface SignOutResult {
  /** Whether the provider confirmed revoking the refresh token (best effort). */
  revoked: boolean;
  /** The provider logout URL, when the provider has one. */
  logoutUrl?: string;
  /** The browser opened the logout URL. */
  browserOpened: boolean;
  /** The receiver served the "Signed out" page (the browser finished the provider's logout). */
  signedOutPageServed: boolean;
  /** Human-readable notes on steps that were skipped, e.g. no end-session endpoint. */
  notes: string[];
}

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

const REVOKE_TIMEOUT_MS = 3000;
/** How long a sign-in waits before checking that the provider is reachable. */
const PROVIDER_CHECK_DELAY_MS = 1500;
const SIGNED_OUT_PAGE_TIMEOUT_MS = 15_000;
/** After this many automatic refreshes in a row fail, the user is told (15 s, 30 s, 1 min: under 2 min). */
const REFRESH_FAILURES_WORTH_TELLING = 3;
/** After that, how long the "Signed out" page is still served to a browser that comes back late. */
const SIGNED_OUT_PAGE_LINGER_MS = 5 * 60_000;
/**
 * How long after sending the token request a sign-in takes the cross-process lock. fetch writes the
 * request body over several event-loop turns, and the lock's file-system calls in those turns held
 * it back (0.3 ms of a 4 ms request to the emulator, `npm run bench`). No provider answers within
 * 1 ms (a round trip plus signing the tokens), so the lock is normally held by the time they arrive.
 */
const LOCK_AFTER_TOKEN_REQUEST_MS = 1;

interface Events {
  'session-changed': [SessionChange];
  'sign-in-started': [SignInAttempt];
  /** The provider looks unreachable while a sign-in waits for the browser. */
  'sign-in-problem': [AuthError];
  'sign-in-ended': [];
  /** Automatic refreshes failed several times in a row (offline, provider trouble); it goes on trying. */
  'refresh-failing': [AuthError];
}

/** Sign-in, session and sign-out for one provider and app client. */
export class AuthService extends EventEmitter<Events> {
  readonly settings: Settings;
  /** The profile and account whose session this is. */
  readonly scope: KeychainScope;
  readonly directory: ProviderDirectory;
  private readonly vault: TokenVault;
  private readonly browser: Browser;
  /** Undefined: asked of Intl at sign-in (not at start-up: setting up ICU's locale data takes ~20 ms). */
  private readonly osLocale: string | undefined;
  private readonly fetchImpl: Fetch;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly shared: SharedSession;
  private session: StoredSession | undefined;
  private persisted = true;
  private restored = false;
  private refreshing: Promise<StoredSession> | undefined;
  private attempt: { receiver: LoopbackReceiver; info: SignInAttempt } | undefined;
  /** The receiver serving the "Signed out" page after a sign-out, for a few seconds. */
  private signOutReceiver: LoopbackReceiver | undefined;
  private secret: { value: string | undefined } | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshFailures = 0;
  private autoRefresh = false;
  private stopFollowing: (() => void) | undefined;

  constructor(deps: AuthServiceDeps) {
    super();
    this.settings = deps.settings;
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.browser = deps.browser;
    this.osLocale = deps.osLocale;
    this.scope = deps.scope ?? {};
    this.vault = new TokenVault(
      deps.secretStore,
      deps.settings.keychainService,
      deps.keychainTimeoutMs,
      deps.keychainLayout,
    );
    this.shared = new SharedSession(
      this.vault,
      sessionAccount(deps.settings.discoveryUrl, deps.settings.clientId, this.scope),
      deps.lock ?? processLocalLock(),
      deps.signal ?? silentSignal,
    );
    // One file per issuer: profiles on different providers each keep theirs, so switching between
    // them needs no discovery request. The issuer, escaped, is a valid file name on every OS.
    const cacheFile = deps.configDir
      ? join(deps.configDir, 'discovery', `${encodeURIComponent(deps.settings.discoveryUrl)}.json`)
      : undefined;
    this.fetchImpl = loggedFetch(deps.fetch ?? ((url, init) => fetch(url, init)), this.logger);
    this.directory = new ProviderDirectory(deps.settings, cacheFile, this.clock, this.fetchImpl);
  }

  // ── session ────────────────────────────────────────────────────────────────────────────────

  /**
   * Loads the stored session from the keychain, with no network request. Returns its profile, or
   * undefined when signed out. A keychain that does not answer raises `keychain_unavailable`.
   */
  async restore(): Promise<Profile | undefined> {
    if (!this.restored) {
      const { session } = await this.shared.latest();
      // A sign-in or sign-out that finished while the keychain was read is newer than what it held.
      // Stryker disable next-line ConditionalExpression: a race of two keychain calls no test can order.
      if (!this.restored) this.session = session;
      this.restored = true;
    }
    return this.profile();
  }

  /** The current profile, or undefined when signed out. */
  profile(): Profile | undefined {
    return this.session ? profileOf(this.session, this.settings, this.persisted) : undefined;
  }

  /** The sign-in waiting for the browser, if any. */
  currentAttempt(): SignInAttempt | undefined {
    return this.attempt?.info;
  }

  /**
   * A valid access token, refreshed when it expires within a minute. Concurrent callers share one
   * refresh. Network trouble raises `network` and keeps the session; a refused refresh token signs
   * out and raises `not_signed_in`.
   */
  async getAccessToken(): Promise<string> {
    return (await this.getToken('access')).token;
  }

  /** A valid ID token, refreshed when it expires within a minute (its lifetime is its own). */
  async getIdToken(): Promise<string> {
    return (await this.getToken('id')).token;
  }

  /**
   * A valid token of `kind` and when it expires (ms since the epoch). A token within the refresh
   * margin is refreshed first; an expired one is never handed out: when the refresh brings no
   * fresh one (a provider that sends no new ID token), `not_signed_in`.
   */
  async getToken(kind: TokenKind): Promise<{ token: string; expiresAt: number }> {
    const session = await this.validSession(kind);
    return {
      token: kind === 'id' ? session.idToken : session.accessToken,
      expiresAt: tokenExpiresAt(session, kind),
    };
  }

  /** Calls the app's own API (the `apiUrl` setting) with the ID or access token as its bearer token. */
  async callApi(url: string, token: 'id' | 'access'): Promise<ApiAnswer> {
    const session = await this.validSession(token);
    const tokens = [session.accessToken, session.idToken, session.refreshToken ?? ''];
    return callApi(url, token === 'id' ? session.idToken : session.accessToken, tokens, this.fetchImpl);
  }

  /** Calls the provider's userinfo endpoint with the access token: the pattern for the app's own APIs. */
  async fetchUserInfo(): Promise<Record<string, unknown>> {
    const session = await this.validSession();
    const { oidc, config } = await this.connect();
    try {
      // The answer must be about the signed-in user: an ID token always names its subject.
      return await oidc.fetchUserInfo(config, session.accessToken, String(session.claims.sub));
    } catch (error) {
      throw toAuthError(error);
    }
  }

  /** Refreshes the session shortly before it expires, until signed out or {@link dispose}d. */
  startAutoRefresh(): void {
    this.autoRefresh = true;
    this.scheduleRefresh();
  }

  /**
   * Follows the stored session as other processes change it (a CLI sign-in, refresh or sign-out
   * shows here within a second), until {@link dispose}d.
   */
  followSharedSession(): void {
    this.stopFollowing ??= this.shared.watch(() => void this.syncFromStore().catch(() => undefined));
  }

  /** Stops timers, following and any sign-in in progress. */
  dispose(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    void this.signOutReceiver?.close();
    this.autoRefresh = false;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.attempt?.receiver.cancel();
  }

  // ── client secret ──────────────────────────────────────────────────────────────────────────

  /** Stores the client secret in the keychain (empty or undefined removes it: a public client). */
  async setClientSecret(secret: string | undefined): Promise<void> {
    const account = this.clientSecretAccount();
    const value = secret?.trim() || undefined;
    this.secret = { value };
    if (value) await this.vault.write(account, value);
    else await this.vault.remove(account);
  }

  /**
   * Uses `secret` for this process only, over whatever the keychain holds (the environment's
   * `COGNITO_CLIENT_SECRET`): nothing is written anywhere.
   */
  useClientSecret(secret: string): void {
    this.secret = { value: secret.trim() || undefined };
  }

  /** Whether a client secret is in use for this provider and client id (stored or from the environment). */
  async hasClientSecret(): Promise<boolean> {
    return (await this.clientSecret()) !== undefined;
  }

  /** The client secret's keychain entry: one per profile. */
  private clientSecretAccount(): string {
    return clientSecretAccount(this.settings.discoveryUrl, this.settings.clientId, this.scope.profile);
  }

  private async clientSecret(): Promise<string | undefined> {
    if (!this.secret) {
      const stored = await this.vault.read<string>(this.clientSecretAccount());
      this.secret = { value: typeof stored === 'string' && stored !== '' ? stored : undefined };
    }
    return this.secret.value;
  }

  // ── sign-in ────────────────────────────────────────────────────────────────────────────────

  /**
   * Signs in through the system browser. Starts the loopback receiver before the browser opens,
   * waits for the callback (or timeout, or {@link cancelSignIn}), exchanges the code and stores the
   * session. A new call cancels an attempt in progress.
   */
  async signIn(options: SignInOptions = {}): Promise<Profile> {
    this.attempt?.receiver.cancel();
    // The port is the same: a sign-in right after a sign-out takes it over.
    await this.signOutReceiver?.close();
    const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
    const extras = this.authorizationExtras(options);
    const client = await this.connectOrFail();
    const { oidc } = client;
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    // Cognito omits code_challenge_methods_supported: never branch on it, always send S256.
    const url = oidc.buildAuthorizationUrl(client.config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extras,
    });
    const receiver = await this.newReceiver();
    await receiver.start();
    receiver.expectState(state);
    const now = this.clock.now();
    const info: SignInAttempt = { url: url.href, startedAt: now, expiresAt: now + timeoutMs };
    const attempt = { receiver, info };
    this.attempt = attempt;
    let providerCheck: NodeJS.Timeout | undefined;
    try {
      this.logger.debug?.(`Sign-in started: ${info.url}`);
      options.onStarted?.(info);
      this.emit('sign-in-started', info);
      if (options.openBrowser !== false) await this.openBrowser(receiver.launchAddress(info.url));
      providerCheck = this.checkProviderWhileWaiting(attempt);
      const callback = await receiver.waitForCallback(timeoutMs);
      this.logger.debug?.(`Sign-in answer received: ${callback.href}`);
      const exchanged = this.exchangeCode(client, callback, verifier, state, nonce).catch(
        async (error: unknown) => {
          await receiver.complete(false);
          throw error;
        },
      );
      // Awaited inside the lock below; marked handled now, so a failure that comes while the lock
      // is still being taken is not an "unhandled rejection".
      // Stryker disable next-line all: the lock is taken in microseconds here; a slow lock makes the rejection unhandled.
      exchanged.catch(() => undefined);
      const profile = await this.storeSignedIn(exchanged);
      this.scheduleRefreshIfStarted();
      await receiver.complete(true);
      return profile;
    } catch (error) {
      const mapped = toAuthError(error);
      // An endpoint that does not answer, or answers with something that is not OAuth, may have
      // moved: fetch discovery again next time.
      if (mapped.code === 'network' || (mapped.code === 'provider_rejected' && !mapped.providerError)) {
        this.directory.markStale();
      }
      throw mapped;
    } finally {
      clearTimeout(providerCheck);
      await receiver.close();
      if (this.attempt === attempt) this.attempt = undefined;
      this.emit('sign-in-ended');
    }
  }

  /**
   * The browser opened from the cached discovery document without waiting on the network. If the
   * user is still in the browser a moment later, fetch the document again (keeping the cache
   * fresh) and, when the provider cannot be reached, say so while they wait, rather than leaving
   * them with only the browser's own error page. The delay keeps this request off the quick path
   * of a sign-in that is already coming back. The attempt clears the timer when it ends.
   */
  private checkProviderWhileWaiting(attempt: { info: SignInAttempt }): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.directory.metadata({ refresh: true }).catch((error: unknown) => {
        // The answer may come after the attempt ended: a warning then would be about nothing.
        if (this.attempt === attempt) this.emit('sign-in-problem', toAuthError(error));
      });
    }, PROVIDER_CHECK_DELAY_MS);
    // Stryker disable next-line all: unref only lets a CLI process exit before the timer fires; no test can see it.
    timer.unref();
    return timer;
  }

  /** Cancels the sign-in waiting for the browser, if any. */
  cancelSignIn(): void {
    this.attempt?.receiver.cancel();
  }

  /** Opens the current attempt's URL in the browser again (the user closed the tab). */
  async reopenBrowser(): Promise<void> {
    if (!this.attempt) throw new AuthError('not_signed_in', t('No sign-in is waiting for the browser.'));
    await this.openBrowser(this.attempt.receiver.launchAddress(this.attempt.info.url));
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
      const previous = this.session;
      const profile = await this.signIn({ ...options, fresh: true });
      if (previous?.refreshToken && previous.refreshToken !== this.session?.refreshToken) {
        const client = await this.connect().catch(() => undefined);
        if (client) await this.revoke(client, previous.refreshToken, []);
      }
      return profile;
    }
    // The sign-out opens the browser when the sign-in will: the provider forgets the user first.
    await this.signOut(options.openBrowser === false ? { openBrowser: false } : {}, 'switch-user');
    return this.signIn(options);
  }

  /** The identity providers the settings offer, in their order. */
  identityProviders(): IdentityProviderChoice[] {
    return parseIdentityProviders(this.settings.identityProviders);
  }

  /** The authorization request's extra parameters; an unknown provider name fails here, before anything opens. */
  private authorizationExtras(options: SignInOptions): Record<string, string> {
    const route = options.route;
    if (route && 'identityProvider' in route)
      findIdentityProvider(this.identityProviders(), route.identityProvider);
    if (route && 'idpIdentifier' in route && route.idpIdentifier.trim() === '')
      throw new AuthError('invalid_settings', t('Type the email address (or identifier) to sign in with.'));
    return authorizationParameters({
      ...(route ? { route } : {}),
      ...(options.loginHint ? { loginHint: options.loginHint } : {}),
      ...(options.fresh ? { fresh: true } : {}),
      language: this.settings.language,
      osLocale: this.osLocale ?? systemLocale(),
    });
  }

  private async exchangeCode(
    client: ProviderClient,
    callback: URL,
    verifier: string,
    state: string,
    nonce: string,
  ): Promise<StoredSession> {
    const tokens = await client.oidc.authorizationCodeGrant(client.config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    await client.verifier.verify(tokens.id_token!);
    return sessionFromTokens(tokens, this.clock.now());
  }

  private async openBrowser(url: string): Promise<void> {
    try {
      await this.browser.open(url);
    } catch (error) {
      // The URL stays on offer for copying: a browser that did not open is not a failed sign-in.
      this.logger.warn(
        `Could not open the browser: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  // ── sign-out ───────────────────────────────────────────────────────────────────────────────

  /**
   * Signs out: deletes the session from the keychain and memory first, then revokes its refresh
   * token (best effort, short timeout), then opens the provider's logout page (Cognito's `/logout`)
   * with the receiver serving the "Signed out" page. Deleting first means a kill at any point
   * leaves either a working session or none, never a revoked one that still looks signed in. A
   * session that cannot be deleted (keychain locked or gone) raises the keychain's error: the user
   * is told it is still stored. Works offline: only the provider steps are skipped.
   */
  async signOut(options: SignOutOptions = {}, reason: SignOutReason = 'user'): Promise<SignOutResult> {
    this.cancelSignIn();
    const notes: string[] = [];
    const ended = await this.deleteStoredSession(notes);
    this.forgetSession(reason);
    const client = await this.connect().catch(() => undefined);
    const revoked =
      ended?.refreshToken && client ? await this.revoke(client, ended.refreshToken, notes) : false;
    const result: SignOutResult = { revoked, browserOpened: false, signedOutPageServed: false, notes };
    if (!client) {
      notes.push(t('The provider could not be reached, so its sign-in session was not ended.'));
      return result;
    }
    if (!client.metadata.end_session_endpoint) {
      notes.push(t('The provider has no end-session endpoint: its own sign-in session may still be active.'));
      return result;
    }
    const state = client.oidc.randomState();
    const endSessionUrl = (withHint: boolean): string =>
      client.oidc.buildEndSessionUrl(client.config, {
        post_logout_redirect_uri: this.settings.logoutUri,
        // Cognito's /logout takes `logout_uri`; standard providers ignore it.
        logout_uri: this.settings.logoutUri,
        state,
        ...(withHint && ended?.idToken ? { id_token_hint: ended.idToken } : {}),
      }).href;
    // The URL shown (or printed) carries no token. A provider of RP-initiated logout gets the ended
    // session's ID token as `id_token_hint` (many require it to end their session without asking),
    // only through the receiver's one-time launch address: never on a command line, never to Cognito.
    result.logoutUrl = endSessionUrl(false);
    this.logger.debug?.(`Signed out here; the provider's sign-out page: ${result.logoutUrl}`);
    if (options.openBrowser === false) return result;
    const receiver = await this.newReceiver();
    this.signOutReceiver = receiver;
    const listening = await receiver.start().then(
      () => true,
      (error: unknown) => {
        notes.push(
          t('The "Signed out" page cannot be shown: {{reason}}', { reason: toAuthError(error).message }),
        );
        return false;
      },
    );
    receiver.expectSignOutState(state);
    await this.openBrowser(
      listening ? receiver.launchAddress(endSessionUrl(takesIdTokenHint(client.metadata))) : result.logoutUrl,
    );
    result.browserOpened = true;
    if (listening) {
      result.signedOutPageServed = await receiver.waitForSignedOutPage(
        options.signedOutPageTimeoutMs ?? SIGNED_OUT_PAGE_TIMEOUT_MS,
        SIGNED_OUT_PAGE_LINGER_MS,
      );
      if (!result.signedOutPageServed) {
        notes.push(
          t(
            'The provider did not return to the app: its sign-in session may still be active. If its page asks you to confirm, do so in the browser.',
          ),
        );
      }
    }
    // `signOutReceiver` keeps the receiver, which may still serve the page to a late browser: a new
    // sign-in or dispose() closes it (closing a closed one does nothing).
    return result;
  }

  /**
   * Deletes the stored session under the lock and returns the session that ended: the stored one
   * (another process may have refreshed it: its refresh token is the live one), else this
   * process's. A session kept in memory only (no keychain when it was stored) ends even when the
   * keychain still cannot be reached.
   */
  private async deleteStoredSession(notes: string[]): Promise<StoredSession | undefined> {
    try {
      return await this.shared.exclusive(async () => {
        const { session } = await this.shared.latest();
        // Stryker disable next-line BooleanLiteral: the version compared was read under this same lock a moment before.
        await this.shared.remove(false);
        return session ?? this.session;
      });
    } catch (error) {
      const mapped = toAuthError(error);
      const keychainError = mapped.code === 'keychain_unavailable' || mapped.code === 'keychain_locked';
      if (!keychainError || this.persisted || !this.session) {
        throw new AuthError(
          mapped.code,
          t('You are still signed in: the session could not be deleted. {{reason}}', {
            reason: mapped.message,
          }),
          {
            cause: error,
          },
        );
      }
      notes.push(
        t('The OS keychain could not be reached; this session was kept in memory only and has ended.'),
      );
      return this.session;
    }
  }

  private async revoke(client: ProviderClient, refreshToken: string, notes: string[]): Promise<boolean> {
    try {
      const { oidc, config, metadata } = client;
      if (!metadata.revocation_endpoint) {
        notes.push(
          t('The provider has no revocation endpoint: the refresh token stays valid until it expires.'),
        );
        return false;
      }
      await withTimeout(
        oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' }),
        REVOKE_TIMEOUT_MS,
        // Stryker disable next-line StringLiteral: only the code reaches the user's note.
        () => new AuthError('network', t('The provider did not answer in time.')),
      );
      return true;
    } catch (error) {
      notes.push(
        t('The refresh token could not be revoked ({{code}}); it expires on its own.', {
          code: toAuthError(error).code,
        }),
      );
      return false;
    }
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  /** A loopback receiver; its module (Node's HTTP server) loads only when one is needed. */
  private async newReceiver(): Promise<LoopbackReceiver> {
    const { LoopbackReceiver } = await loadLoopbackReceiver();
    return new LoopbackReceiver(this.settings.redirectUri, this.settings.logoutUri);
  }

  private async connect(): Promise<ProviderClient> {
    return this.directory.connect(await this.clientSecretForRequests());
  }

  /**
   * The secret to authenticate with. A keychain with no Secret Service at all cannot hold one, so
   * the client is public then; a *locked* keychain may hold one, so that is an error rather than a
   * silent switch to a public client the provider would refuse.
   */
  private async clientSecretForRequests(): Promise<string | undefined> {
    try {
      return await this.clientSecret();
    } catch (error) {
      if (isAuthError(error, 'keychain_unavailable')) return undefined;
      throw error;
    }
  }

  private async connectOrFail(): Promise<ProviderClient> {
    try {
      return await this.connect();
    } catch (error) {
      throw toAuthError(error);
    }
  }

  /** The session, refreshed first when its token of `kind` is within the margin of its expiry. */
  private async validSession(kind: TokenKind = 'access'): Promise<StoredSession> {
    await this.restore();
    const session = this.session;
    if (!session) throw new AuthError('not_signed_in', t('You are not signed in. Sign in first.'));
    if (!needsRefresh(session, this.clock.now(), kind)) return session;
    this.refreshing ??= this.refreshShared(session, kind).finally(() => {
      this.refreshing = undefined;
    });
    const refreshed = await this.refreshing;
    // A token shorter-lived than the margin is still handed out after its refresh; an expired one never.
    if (hasExpired(refreshed, this.clock.now(), kind)) {
      throw new AuthError(
        'not_signed_in',
        kind === 'id'
          ? t('The provider sent no new ID token when the session was refreshed. Sign in again.')
          : t('The provider sent an access token that has already expired. Check this computer’s clock.'),
      );
    }
    return refreshed;
  }

  /**
   * Refreshes across processes: under the lock, re-read the stored session; if another process
   * refreshed it meanwhile, take that one over with no request; only otherwise refresh, and store
   * the result before the lock is released. A session kept in memory only is this process's own.
   */
  private async refreshShared(session: StoredSession, kind: TokenKind): Promise<StoredSession> {
    // Stryker disable next-line BooleanLiteral: equivalent: a memory-only session's keychain write fails as 'no keychain' and is caught.
    if (!this.persisted) return this.refresh(session, false);
    return this.shared.exclusive(async () => {
      const latest = await this.adoptStored();
      if (!latest) throw new AuthError('not_signed_in', t('You were signed out elsewhere. Sign in again.'));
      if (!needsRefresh(latest, this.clock.now(), kind)) return latest;
      return this.refresh(latest, true);
    });
  }

  /** One refresh request. Inside the lock when `shared`; `retried` guards the one retry. */
  private async refresh(session: StoredSession, shared: boolean, retried = false): Promise<StoredSession> {
    if (!session.refreshToken) {
      await this.endRefusedSession('expired', shared);
      throw new AuthError('not_signed_in', t('Your session has expired. Sign in again.'));
    }
    let next: StoredSession;
    try {
      const client = await this.connect();
      const tokens = await client.oidc.refreshTokenGrant(client.config, session.refreshToken, {
        // Stryker disable next-line ObjectLiteral: Cognito and the emulated providers ignore scope on refresh; some others need it.
        scope: this.settings.scopes,
      });
      if (tokens.id_token) await client.verifier.verify(tokens.id_token);
      const claims = tokens.claims() as Record<string, unknown> | undefined;
      const mismatch = claims && refreshedIdTokenMismatch(session.claims, claims);
      if (mismatch) {
        throw new AuthError(
          'provider_rejected',
          t(
            'The provider\'s refreshed ID token is not for this sign-in (its "{{claim}}" differs). Sign in again; if it persists, report it.',
            { claim: mismatch },
          ),
          { providerError: 'invalid_id_token' },
        );
      }
      next = sessionFromTokens(tokens, this.clock.now(), session);
    } catch (error) {
      const mapped = toAuthError(error);
      this.logger.debug?.(`Refresh failed: ${mapped.code}: ${mapped.message}`);
      if (mapped.providerError !== 'invalid_grant') throw mapped;
      // Refused: but if the stored session is no longer the one we sent (a process that ignores
      // the lock refreshed it), take that one over and try once more rather than sign out.
      if (shared && !retried) {
        const latest = await this.adoptStored();
        if (latest && latest.refreshToken !== session.refreshToken) {
          return needsRefresh(latest, this.clock.now()) ? this.refresh(latest, shared, true) : latest;
        }
      }
      await this.endRefusedSession('revoked', shared);
      throw new AuthError('not_signed_in', t('Your sign-in has expired or was revoked. Sign in again.'), {
        cause: error,
      });
    }
    // A rotated refresh token replaces the old one, which dies soon: store before use.
    await this.storeRefreshed(next, shared);
    this.logger.debug?.(
      `Refreshed; the access token is valid until ${new Date(next.expiresAt).toISOString()}.`,
    );
    this.emit('session-changed', { type: 'refreshed', profile: this.profile()! });
    return next;
  }

  /**
   * Re-reads the stored session and, when another process changed it, makes it this process's
   * (announcing the change to listeners). Returns the session now current.
   */
  private async adoptStored(): Promise<StoredSession | undefined> {
    const { session, changed } = await this.shared.latest();
    if (!changed) return this.session;
    if (!session) {
      this.forgetSession('elsewhere');
      return undefined;
    }
    this.session = session;
    this.persisted = true;
    this.emit('session-changed', { type: 'synced', profile: this.profile()! });
    this.scheduleRefreshIfStarted();
    return session;
  }

  /** Follows a change another process announced. */
  private async syncFromStore(): Promise<void> {
    if (this.refreshing || this.attempt) return;
    await this.adoptStored();
  }

  /**
   * Stores a new sign-in, replacing whatever is stored (with no keychain it lives in memory only),
   * and tells listeners. The cross-process lock is taken while the token request is still under
   * way (just after it has gone out), so waiting for it costs the sign-in nothing in the usual
   * case; and listeners hear of the sign-in as soon as it is stored, not after the lock's release
   * (a file-system call the user should not wait for).
   */
  private async storeSignedIn(exchanged: Promise<StoredSession>): Promise<Profile> {
    const announce = (): void => {
      this.emit('session-changed', { type: 'signed-in', profile: this.profile()! });
    };
    const save = async (): Promise<void> => {
      const session = await exchanged;
      this.session = session;
      this.restored = true;
      await this.shared.save(session, false);
      announce();
    };
    // Stryker disable next-line all: a shorter or no wait only slows the token request a little.
    await new Promise((resolve) => setTimeout(resolve, LOCK_AFTER_TOKEN_REQUEST_MS));
    await this.persist(() => this.shared.exclusive(save));
    // Not stored (no keychain: signed in for this session only), so not announced yet.
    if (!this.persisted) announce();
    return this.profile()!;
  }

  /** Stores a refreshed session over the one it came from (compare-and-swap inside the lock). */
  private async storeRefreshed(session: StoredSession, shared: boolean): Promise<void> {
    this.session = session;
    // Stryker disable next-line all: equivalent: a memory-only session's save fails as 'no keychain' and is caught.
    if (!shared) return;
    await this.persist(async () => {
      if (!(await this.shared.save(session, true))) {
        throw new AuthError('internal', t('The stored session changed during a refresh.'));
      }
    });
  }

  private async persist(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
      this.persisted = true;
    } catch (error) {
      if (!isAuthError(error, 'keychain_unavailable')) throw error;
      this.persisted = false;
      this.logger.warn(`${error.message} Signed in for this session only: it will not be remembered.`);
    }
  }

  /**
   * Ends a session the provider refused: deletes it only if it is still the stored version
   * (compare-and-delete: never someone else's newer session).
   */
  private async endRefusedSession(reason: SignOutReason, shared: boolean): Promise<void> {
    try {
      // Stryker disable next-line all: the version compared was read under this same lock a moment before.
      if (shared) await this.shared.remove(true);
    } catch (error) {
      this.logger.warn(`Could not remove the session from the keychain: ${toAuthError(error).message}`);
    }
    this.forgetSession(reason);
  }

  /** Drops the session from memory and tells listeners. */
  private forgetSession(reason: SignOutReason): void {
    // Stryker disable next-line ConditionalExpression: a non-user reason always comes with a session in memory.
    const wasSignedIn = this.session !== undefined;
    this.session = undefined;
    // Stryker disable next-line all: equivalent: every path here follows a restore() already done.
    this.restored = true;
    // Stryker disable next-line all: equivalent: the timer left over finds no session and stops (it is unref'd).
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (wasSignedIn || reason === 'user') this.emit('session-changed', { type: 'signed-out', reason });
  }

  private scheduleRefreshIfStarted(): void {
    if (this.autoRefresh) this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    // Stryker disable next-line all: equivalent: the one timer left over finds a valid session and reschedules the same.
    clearTimeout(this.refreshTimer);
    const session = this.session;
    if (!session?.refreshToken) {
      this.refreshTimer = undefined;
      return;
    }
    const delay = nextRefreshDelay(session.expiresAt, this.clock.now(), this.refreshFailures);
    this.refreshTimer = setTimeout(() => {
      // Rescheduled only while still started: a dispose() during the refresh ends it.
      this.validSession().then(
        () => {
          this.refreshFailures = 0;
          this.scheduleRefreshIfStarted();
        },
        (error: unknown) => {
          // Stryker disable next-line all: equivalent: after not_signed_in there is no session, so a reschedule schedules nothing.
          if (isAuthError(error, 'not_signed_in')) return;
          // Offline or provider trouble: stay signed in and try again later.
          this.refreshFailures += 1;
          // Said once per run of failures: the session still works until it expires.
          if (this.refreshFailures === REFRESH_FAILURES_WORTH_TELLING)
            this.emit('refresh-failing', toAuthError(error));
          this.scheduleRefreshIfStarted();
        },
      );
    }, delay);
    // Stryker disable next-line all: unref only lets a CLI process exit before the timer fires; no test can see it.
    this.refreshTimer.unref();
  }
}
