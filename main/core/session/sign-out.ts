/**
 * Signing out: the stored session deleted first, then its refresh token revoked, then the
 * provider's own sign-in session ended in the browser (Cognito's `/logout`, or RP-initiated
 * logout) with the loopback receiver serving the "Signed out" page. Deleting first means a kill at
 * any point leaves either a working session or none, never a revoked one that still looks signed in.
 */
import { withTimeout } from '../async-limits.ts';
import { AuthError, toAuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import type { LoopbackReceiver } from '../loopback/loopback-receiver.ts';
import type { Browser, Logger } from '../ports.ts';
import { takesIdTokenHint, type ProviderClient } from '../provider/provider.ts';
import type { Settings } from '../settings/settings.ts';
import { newReceiver, openInBrowser } from './browser-steps.ts';
import type { SignOutReason } from './session-events.ts';
import type { SessionKeeper } from './session-keeper.ts';

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

const REVOKE_TIMEOUT_MS = 3000;
const SIGNED_OUT_PAGE_TIMEOUT_MS = 15_000;
/** After that, how long the "Signed out" page is still served to a browser that comes back late. */
const SIGNED_OUT_PAGE_LINGER_MS = 5 * 60_000;

export interface SignOutDeps {
  settings: Settings;
  browser: Browser;
  logger: Logger;
  connect: () => Promise<ProviderClient>;
  keeper: SessionKeeper;
}

export class SignOutFlow {
  /** The receiver serving the "Signed out" page after a sign-out, for a few seconds. */
  private receiver: LoopbackReceiver | undefined;

  constructor(private readonly deps: SignOutDeps) {}

  /**
   * Signs out: deletes the session from the keychain and memory, revokes its refresh token (best
   * effort, short timeout), then opens the provider's logout page. A session that cannot be
   * deleted (keychain locked or gone) raises the keychain's error: the user is told it is still
   * stored. Works offline: only the provider steps are skipped.
   */
  async signOut(options: SignOutOptions, reason: SignOutReason): Promise<SignOutResult> {
    const { keeper, settings } = this.deps;
    const notes: string[] = [];
    const ended = await keeper.deleteStored(notes);
    keeper.forget(reason);
    const client = await this.deps.connect().catch(() => undefined);
    const revoked = ended?.refreshToken && client ? await revoke(client, ended.refreshToken, notes) : false;
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
        post_logout_redirect_uri: settings.logoutUri,
        // Cognito's /logout takes `logout_uri`; standard providers ignore it.
        logout_uri: settings.logoutUri,
        state,
        ...(withHint && ended?.idToken ? { id_token_hint: ended.idToken } : {}),
      }).href;
    // The URL shown (or printed) carries no token. A provider of RP-initiated logout gets the ended
    // session's ID token as `id_token_hint` (many require it to end their session without asking),
    // only through the receiver's one-time launch address: never on a command line, never to Cognito.
    result.logoutUrl = endSessionUrl(false);
    this.deps.logger.debug?.(`Signed out here; the provider's sign-out page: ${result.logoutUrl}`);
    if (options.openBrowser === false) return result;
    const receiver = await newReceiver(settings);
    this.receiver = receiver;
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
    await openInBrowser(
      this.deps.browser,
      this.deps.logger,
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
    // The receiver may still serve the page to a late browser: a new sign-in or dispose() closes
    // it (closing a closed one does nothing).
    return result;
  }

  /** Stops serving the "Signed out" page (the port is free for a sign-in). */
  async close(): Promise<void> {
    await this.receiver?.close();
  }
}

/** Revokes `refreshToken` at the provider (best effort, 3 s); a note says why when it could not. */
export async function revoke(
  client: ProviderClient,
  refreshToken: string,
  notes: string[],
): Promise<boolean> {
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
