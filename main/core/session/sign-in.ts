/**
 * A sign-in through the system browser, as RFC 8252 has it: a loopback receiver on the registered
 * port, PKCE S256, `state` and `nonce`; the browser started on the receiver's one-time launch
 * address; the code exchanged and the ID token checked; the session handed to the keeper to store.
 */
import { DEFAULT_CALLBACK_TIMEOUT_MS } from '../async-limits.ts';
import { AuthError, toAuthError } from '../errors.ts';
import { systemLocale, t } from '../i18n.ts';
import type { LoopbackReceiver, PasteVerdict } from '../loopback/loopback-receiver.ts';
import type { Browser, Clock, Logger } from '../ports.ts';
import {
  withClientAuthenticationAdvice,
  type ProviderClient,
  type ProviderDirectory,
} from '../provider/provider.ts';
import {
  authorizationParameters,
  findIdentityProvider,
  parseIdentityProviders,
  type IdentityProviderChoice,
  type SignInRoute,
} from '../provider/sign-in-options.ts';
import type { Settings } from '../settings/settings.ts';
import { newReceiver, openInBrowser } from './browser-steps.ts';
import { sessionFromTokens, type Profile, type StoredSession } from './session.ts';
import type { Emit, SignInAttempt } from './session-events.ts';
import type { SessionKeeper } from './session-keeper.ts';

export interface SignInOptions {
  /** Open the system browser (default true); else only offer the URL. */
  openBrowser?: boolean;
  timeoutMs?: number;
  /** Called with the attempt once the receiver listens, before the browser opens. */
  onStarted?: (attempt: SignInAttempt) => void;
  /**
   * Called when the browser could not be opened (the opener missing or failing), with why: the
   * sign-in goes on, and the caller can offer the link and the paste route at once.
   */
  onBrowserFailed?: (reason: string) => void;
  /** Straight to one of the configured identity providers, or to the one an identifier maps to. */
  route?: SignInRoute;
  /** The user name to offer on the sign-in page, where the provider takes one. */
  loginHint?: string;
  /** Ask for credentials even when the provider still has a session (`prompt=login`). */
  fresh?: boolean;
}

/** How long a sign-in waits before checking that the provider is reachable. */
const PROVIDER_CHECK_DELAY_MS = 1500;
/**
 * How long after sending the token request a sign-in takes the cross-process lock: the lock's
 * file-system calls, made while fetch still writes the request body over several event-loop
 * turns, held the request back. No provider answers within 1 ms (a round trip plus signing the
 * tokens), so the lock is normally held by the time they arrive.
 */
const LOCK_AFTER_TOKEN_REQUEST_MS = 1;

export interface SignInDeps {
  settings: Settings;
  directory: ProviderDirectory;
  browser: Browser;
  clock: Clock;
  logger: Logger;
  /** Undefined: asked of Intl at sign-in (not at start-up: setting up ICU's locale data takes time). */
  osLocale: string | undefined;
  connect: () => Promise<ProviderClient>;
  keeper: SessionKeeper;
  emit: Emit;
  /** Frees the port before a sign-in listens on it (a sign-out's "Signed out" page may hold it). */
  freePort: () => Promise<void>;
}

export class SignInFlow {
  private attempt: { receiver: LoopbackReceiver; info: SignInAttempt } | undefined;

  constructor(private readonly deps: SignInDeps) {}

  /** The sign-in waiting for the browser, if any. */
  current(): SignInAttempt | undefined {
    return this.attempt?.info;
  }

  /**
   * Signs in through the system browser. Starts the loopback receiver before the browser opens,
   * waits for the callback (or timeout, or {@link cancel}), exchanges the code and stores the
   * session. A new call cancels an attempt in progress.
   */
  async signIn(options: SignInOptions = {}): Promise<Profile> {
    const { settings, logger, emit } = this.deps;
    this.attempt?.receiver.cancel();
    await this.deps.freePort();
    const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
    const extras = this.authorizationExtras(options);
    const client = await this.connectOrFail();
    const { oidc } = client;
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    // Cognito omits code_challenge_methods_supported: never branch on it, always send S256.
    const url = oidc.buildAuthorizationUrl(client.config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extras,
    });
    const receiver = await newReceiver(settings);
    await receiver.start();
    receiver.expectState(state);
    const now = this.deps.clock.now();
    const info: SignInAttempt = { url: url.href, startedAt: now, expiresAt: now + timeoutMs };
    const attempt = { receiver, info };
    this.attempt = attempt;
    let providerCheck: NodeJS.Timeout | undefined;
    try {
      logger.debug?.(`Sign-in started: ${info.url}`);
      options.onStarted?.(info);
      emit('sign-in-started', info);
      if (options.openBrowser !== false) {
        const failure = await openInBrowser(this.deps.browser, logger, receiver.launchAddress(info.url));
        if (failure !== undefined) options.onBrowserFailed?.(failure);
      }
      providerCheck = this.checkProviderWhileWaiting(attempt);
      const callback = await receiver.waitForCallback(timeoutMs);
      logger.debug?.(`Sign-in answer received: ${callback.href}`);
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
      // Stryker disable next-line all: a shorter or no wait only slows the token request a little.
      await new Promise((resolve) => setTimeout(resolve, LOCK_AFTER_TOKEN_REQUEST_MS));
      const profile = await this.deps.keeper.storeSignedIn(exchanged);
      await receiver.complete(true);
      return profile;
    } catch (error) {
      const mapped = withClientAuthenticationAdvice(toAuthError(error), client);
      // An endpoint that does not answer, or answers with something that is not OAuth, may have
      // moved: fetch discovery again next time.
      if (mapped.code === 'network' || (mapped.code === 'provider_rejected' && !mapped.providerError)) {
        this.deps.directory.markStale();
      }
      throw mapped;
    } finally {
      clearTimeout(providerCheck);
      await receiver.close();
      if (this.attempt === attempt) this.attempt = undefined;
      emit('sign-in-ended');
    }
  }

  /**
   * An address the person pasted, for the sign-in waiting now (see
   * {@link LoopbackReceiver.acceptPasted}); `no-sign-in` when none waits.
   */
  paste(address: string): PasteVerdict | 'no-sign-in' {
    return this.attempt?.receiver.acceptPasted(address) ?? 'no-sign-in';
  }

  /** Cancels the sign-in waiting for the browser, if any. */
  cancel(): void {
    this.attempt?.receiver.cancel();
  }

  /** Opens the current attempt's URL in the browser again (the user closed the tab). */
  async reopenBrowser(): Promise<void> {
    if (!this.attempt) throw new AuthError('not_signed_in', t('No sign-in is waiting for the browser.'));
    const { receiver, info } = this.attempt;
    await openInBrowser(this.deps.browser, this.deps.logger, receiver.launchAddress(info.url));
  }

  /** The identity providers the settings offer, in their order. */
  identityProviders(): IdentityProviderChoice[] {
    return parseIdentityProviders(this.deps.settings.identityProviders);
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
      this.deps.directory.metadata({ refresh: true }).catch((error: unknown) => {
        // The answer may come after the attempt ended: a warning then would be about nothing.
        if (this.attempt === attempt) this.deps.emit('sign-in-problem', toAuthError(error));
      });
    }, PROVIDER_CHECK_DELAY_MS);
    // Stryker disable next-line all: unref only lets a CLI process exit before the timer fires; no test can see it.
    timer.unref();
    return timer;
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
      language: this.deps.settings.language,
      osLocale: this.deps.osLocale ?? systemLocale(),
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
    return sessionFromTokens(tokens, this.deps.clock.now());
  }

  private async connectOrFail(): Promise<ProviderClient> {
    try {
      return await this.deps.connect();
    } catch (error) {
      throw toAuthError(error);
    }
  }
}
