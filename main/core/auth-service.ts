/**
 * The auth core: sign in through the system browser (RFC 8252: loopback redirect, PKCE S256,
 * state, nonce), keep the session in the keychain, refresh it, sign out. The app and the CLI both
 * drive this one class; it reaches the OS only through ports.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { withTimeout } from './async-limits.ts';
import { AuthError, isAuthError, toAuthError } from './errors.ts';
import { LoopbackReceiver, DEFAULT_CALLBACK_TIMEOUT_MS } from './loopback-receiver.ts';
import { ProviderDirectory, type Fetch, type ProviderClient } from './provider.ts';
import {
  systemClock,
  silentLogger,
  type Browser,
  type Clock,
  type Logger,
  type SecretStore,
} from './ports.ts';
import {
  buildLogoutUrl,
  isStoredSession,
  needsRefresh,
  nextRefreshDelay,
  profileOf,
  sessionFromTokens,
  type Profile,
  type StoredSession,
} from './session.ts';
import type { Settings } from './settings.ts';
import { TokenVault, clientSecretAccount, sessionAccount } from './token-vault.ts';

/** Why a session ended. */
export type SignOutReason = 'user' | 'revoked' | 'expired' | 'switch-user';

/** A change of session, for the UI to show. Carries a profile, never a token. */
export type SessionChange =
  | { type: 'signed-in'; profile: Profile }
  | { type: 'refreshed'; profile: Profile }
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
}

const REVOKE_TIMEOUT_MS = 3000;
/** How long a sign-in waits before checking that the provider is reachable. */
const PROVIDER_CHECK_DELAY_MS = 1500;
const SIGNED_OUT_PAGE_TIMEOUT_MS = 15_000;

interface Events {
  'session-changed': [SessionChange];
  'sign-in-started': [SignInAttempt];
  /** The provider looks unreachable while a sign-in waits for the browser. */
  'sign-in-problem': [AuthError];
  'sign-in-ended': [];
}

/** Sign-in, session and sign-out for one provider and app client. */
export class AuthService extends EventEmitter<Events> {
  readonly settings: Settings;
  readonly directory: ProviderDirectory;
  private readonly vault: TokenVault;
  private readonly browser: Browser;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly account: string;
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

  constructor(deps: AuthServiceDeps) {
    super();
    this.settings = deps.settings;
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
    this.browser = deps.browser;
    this.vault = new TokenVault(deps.secretStore, deps.settings.keychainService, deps.keychainTimeoutMs);
    this.account = sessionAccount(deps.settings.discoveryUrl, deps.settings.clientId);
    const cacheFile = deps.configDir ? join(deps.configDir, 'discovery-cache.json') : undefined;
    this.directory = new ProviderDirectory(deps.settings, cacheFile, this.clock, deps.fetch);
  }

  // ── session ────────────────────────────────────────────────────────────────────────────────

  /**
   * Loads the stored session from the keychain, with no network request. Returns its profile, or
   * undefined when signed out. A keychain that does not answer raises `keychain_unavailable`.
   */
  async restore(): Promise<Profile | undefined> {
    if (!this.restored) {
      const stored = await this.vault.read(this.account);
      this.restored = true;
      if (isStoredSession(stored) && !this.session) this.session = stored;
    }
    return this.profile();
  }

  /** The current profile, or undefined when signed out. */
  profile(): Profile | undefined {
    return this.session ? profileOf(this.session, this.settings.usernameClaim, this.persisted) : undefined;
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
    return (await this.validSession()).accessToken;
  }

  /** The current ID token (refreshed along with the access token). */
  async getIdToken(): Promise<string> {
    return (await this.validSession()).idToken;
  }

  /** Calls the provider's userinfo endpoint with the access token: the pattern for the app's own APIs. */
  async fetchUserInfo(): Promise<Record<string, unknown>> {
    const session = await this.validSession();
    const { config } = await this.connect();
    try {
      const subject = typeof session.claims.sub === 'string' ? session.claims.sub : oidc.skipSubjectCheck;
      return await oidc.fetchUserInfo(config, session.accessToken, subject);
    } catch (error) {
      throw toAuthError(error);
    }
  }

  /** Refreshes the session shortly before it expires, until signed out or {@link dispose}d. */
  startAutoRefresh(): void {
    this.autoRefresh = true;
    this.scheduleRefresh();
  }

  /** Stops timers and any sign-in in progress. */
  dispose(): void {
    void this.signOutReceiver?.close();
    this.autoRefresh = false;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.attempt?.receiver.cancel();
  }

  // ── client secret ──────────────────────────────────────────────────────────────────────────

  /** Stores the client secret in the keychain (empty or undefined removes it: a public client). */
  async setClientSecret(secret: string | undefined): Promise<void> {
    const account = clientSecretAccount(this.settings.discoveryUrl, this.settings.clientId);
    const value = secret?.trim() || undefined;
    this.secret = { value };
    if (value) await this.vault.write(account, value);
    else await this.vault.remove(account);
  }

  /** Whether a client secret is stored for this provider and client id. */
  async hasClientSecret(): Promise<boolean> {
    return (await this.clientSecret()) !== undefined;
  }

  private async clientSecret(): Promise<string | undefined> {
    if (!this.secret) {
      const stored = await this.vault.read<string>(
        clientSecretAccount(this.settings.discoveryUrl, this.settings.clientId),
      );
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
    const client = await this.connectOrFail();
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
    });
    const receiver = new LoopbackReceiver(this.settings.redirectUri, this.settings.logoutUri);
    await receiver.start();
    receiver.expectState(state);
    const now = this.clock.now();
    const info: SignInAttempt = { url: url.href, startedAt: now, expiresAt: now + timeoutMs };
    const attempt = { receiver, info };
    this.attempt = attempt;
    try {
      options.onStarted?.(info);
      this.emit('sign-in-started', info);
      if (options.openBrowser !== false) await this.openBrowser(info.url);
      this.checkProviderWhileWaiting(attempt);
      const callback = await receiver.waitForCallback(timeoutMs);
      const session = await this.exchangeCode(client, callback, verifier, state, nonce).catch(
        async (error: unknown) => {
          await receiver.complete(false);
          throw error;
        },
      );
      await this.replaceSession(session);
      const profile = this.profile()!;
      this.emit('session-changed', { type: 'signed-in', profile });
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
   * of a sign-in that is already coming back.
   */
  private checkProviderWhileWaiting(attempt: { info: SignInAttempt }): void {
    const timer = setTimeout(() => {
      if (this.attempt !== attempt) return;
      this.directory.metadata({ refresh: true }).catch((error: unknown) => {
        if (this.attempt === attempt) this.emit('sign-in-problem', toAuthError(error));
      });
    }, PROVIDER_CHECK_DELAY_MS);
    timer.unref();
    this.once('sign-in-ended', () => clearTimeout(timer));
  }

  /** Cancels the sign-in waiting for the browser, if any. */
  cancelSignIn(): void {
    this.attempt?.receiver.cancel();
  }

  /** Opens the current attempt's URL in the browser again (the user closed the tab). */
  async reopenBrowser(): Promise<void> {
    if (!this.attempt) throw new AuthError('not_signed_in', 'No sign-in is waiting for the browser.');
    await this.openBrowser(this.attempt.info.url);
  }

  /** Signs out, then starts a fresh sign-in: the provider asks who is signing in. */
  async signInAsSomeoneElse(options: SignInOptions = {}): Promise<Profile> {
    await this.signOut({ openBrowser: options.openBrowser ?? true }, 'switch-user');
    return this.signIn(options);
  }

  private async exchangeCode(
    client: ProviderClient,
    callback: URL,
    verifier: string,
    state: string,
    nonce: string,
  ): Promise<StoredSession> {
    const tokens = await oidc.authorizationCodeGrant(client.config, callback, {
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
   * Signs out: revokes the refresh token (best effort, short timeout), deletes the session from the
   * keychain and memory, then opens the provider's logout page (Cognito's `/logout`) with the
   * receiver serving the "Signed out" page. Works offline: only the provider steps are skipped.
   */
  async signOut(options: SignOutOptions = {}, reason: SignOutReason = 'user'): Promise<SignOutResult> {
    this.cancelSignIn();
    await this.restore().catch(() => undefined);
    const session = this.session;
    const notes: string[] = [];
    const metadata =
      this.directory.cachedMetadata() ?? (await this.directory.metadata().catch(() => undefined));
    const revoked = session?.refreshToken ? await this.revoke(session.refreshToken, notes) : false;
    await this.clearSession(reason);
    const result: SignOutResult = { revoked, browserOpened: false, signedOutPageServed: false, notes };
    if (!metadata) {
      notes.push('The provider could not be reached, so its sign-in session was not ended.');
      return result;
    }
    if (!metadata.end_session_endpoint) {
      notes.push('The provider has no end-session endpoint: its own sign-in session may still be active.');
      return result;
    }
    result.logoutUrl = buildLogoutUrl(
      metadata.end_session_endpoint,
      this.settings.clientId,
      this.settings.logoutUri,
    );
    if (options.openBrowser === false) return result;
    const receiver = new LoopbackReceiver(this.settings.redirectUri, this.settings.logoutUri);
    this.signOutReceiver = receiver;
    const listening = await receiver.start().then(
      () => true,
      (error: unknown) => {
        notes.push(`The "Signed out" page cannot be shown: ${toAuthError(error).message}`);
        return false;
      },
    );
    await this.openBrowser(result.logoutUrl);
    result.browserOpened = true;
    if (listening) {
      result.signedOutPageServed = await receiver.waitForSignedOutPage(
        options.signedOutPageTimeoutMs ?? SIGNED_OUT_PAGE_TIMEOUT_MS,
      );
    }
    if (this.signOutReceiver === receiver) this.signOutReceiver = undefined;
    return result;
  }

  private async revoke(refreshToken: string, notes: string[]): Promise<boolean> {
    try {
      const { config, metadata } = await this.connect();
      if (!metadata.revocation_endpoint) {
        notes.push(
          'The provider has no revocation endpoint: the refresh token stays valid until it expires.',
        );
        return false;
      }
      await withTimeout(
        oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' }),
        REVOKE_TIMEOUT_MS,
        () => new AuthError('network', 'The provider did not answer in time.'),
      );
      return true;
    } catch (error) {
      notes.push(
        `The refresh token could not be revoked (${toAuthError(error).code}); it expires on its own.`,
      );
      return false;
    }
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  private async connect(): Promise<ProviderClient> {
    return this.directory.connect(await this.clientSecret().catch(() => undefined));
  }

  private async connectOrFail(): Promise<ProviderClient> {
    try {
      return await this.connect();
    } catch (error) {
      throw toAuthError(error);
    }
  }

  private async validSession(): Promise<StoredSession> {
    await this.restore();
    const session = this.session;
    if (!session) throw new AuthError('not_signed_in', 'You are not signed in. Sign in first.');
    if (!needsRefresh(session, this.clock.now())) return session;
    this.refreshing ??= this.refresh(session).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(session: StoredSession): Promise<StoredSession> {
    if (!session.refreshToken) {
      await this.clearSession('expired');
      throw new AuthError('not_signed_in', 'Your session has expired. Sign in again.');
    }
    let next: StoredSession;
    try {
      const client = await this.connect();
      const tokens = await oidc.refreshTokenGrant(client.config, session.refreshToken, {
        scope: this.settings.scopes,
      });
      if (tokens.id_token) await client.verifier.verify(tokens.id_token);
      next = sessionFromTokens(tokens, this.clock.now(), session);
    } catch (error) {
      const mapped = toAuthError(error);
      if (mapped.providerError === 'invalid_grant') {
        await this.clearSession('revoked');
        throw new AuthError('not_signed_in', 'Your sign-in has expired or was revoked. Sign in again.', {
          cause: error,
        });
      }
      throw mapped;
    }
    // A rotated refresh token replaces the old one, which dies soon: store before use.
    await this.replaceSession(next);
    this.emit('session-changed', { type: 'refreshed', profile: this.profile()! });
    return next;
  }

  /** Makes `session` current and stores it; with no keychain it lives in memory only. */
  private async replaceSession(session: StoredSession): Promise<void> {
    this.session = session;
    this.restored = true;
    try {
      await this.vault.write(this.account, session);
      this.persisted = true;
    } catch (error) {
      if (!isAuthError(error, 'keychain_unavailable')) throw error;
      this.persisted = false;
      this.logger.warn(`${error.message} Signed in for this session only: it will not be remembered.`);
    }
  }

  private async clearSession(reason: SignOutReason): Promise<void> {
    const wasSignedIn = this.session !== undefined;
    this.session = undefined;
    this.restored = true;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    try {
      await this.vault.remove(this.account);
    } catch (error) {
      this.logger.warn(`Could not remove the session from the keychain: ${toAuthError(error).message}`);
    }
    if (wasSignedIn || reason === 'user') this.emit('session-changed', { type: 'signed-out', reason });
  }

  private scheduleRefreshIfStarted(): void {
    if (this.autoRefresh) this.scheduleRefresh();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const session = this.session;
    if (!session?.refreshToken) {
      this.refreshTimer = undefined;
      return;
    }
    const delay = nextRefreshDelay(session.expiresAt, this.clock.now(), this.refreshFailures);
    this.refreshTimer = setTimeout(() => {
      this.validSession().then(
        () => {
          this.refreshFailures = 0;
          this.scheduleRefresh();
        },
        (error: unknown) => {
          if (isAuthError(error, 'not_signed_in')) return;
          // Offline or provider trouble: stay signed in and try again later.
          this.refreshFailures += 1;
          this.scheduleRefresh();
        },
      );
    }, delay);
    this.refreshTimer.unref();
  }
}
