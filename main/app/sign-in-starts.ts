/**
 * The window's ways to start a sign-in — on the hosted page, straight to one identity provider,
 * email-first, on another device — and what the waiting screen offers meanwhile (cancel, copy the
 * link, open the browser again). Each returns once the browser was asked to open (or the device
 * code shows); the outcome arrives through the service's events, which the {@link AppController}
 * turns into state. Failures land on the screen through the {@link SignInStage}.
 */
import type { AuthService } from '../core/session/auth-service.ts';
import { AuthError, toAuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import type { Clipboard } from '../core/ports.ts';
import type { Profile } from '../core/session/session.ts';
import { identifierFor } from '../core/provider/sign-in-options.ts';
import { deviceView } from './session-states.ts';

/** What the sign-ins need of the app: the service in view, and the screen. */
export interface SignInStage {
  /** The service in view; a readable error when the app is not set up yet. */
  service(): AuthService;
  /** The service in view, if any. */
  serviceIfAny(): AuthService | undefined;
  /** A sign-in of `service` (still in view) failed: show `error` on the screen it leaves. */
  showFailure(service: AuthService, error: AuthError): void;
  /** Show a device code, if the window still waits for `service`'s sign-in. */
  showDeviceCode(service: AuthService, device: Awaited<ReturnType<typeof deviceView>>): void;
}

export class SignInStarts {
  /** Who signed in last in this run: offered as the user name at the next sign-in. */
  private lastUser: string | undefined;
  /** The service whose browser sign-in is being ended for a device sign-in in its place. */
  private replacingAttempt: AuthService | undefined;

  constructor(
    private readonly stage: SignInStage,
    private readonly clipboard: Clipboard,
  ) {}

  /** Remembers who signed in, to offer them at the next sign-in. */
  signedIn(profile: Profile): void {
    this.lastUser = profile.email ?? profile.username;
  }

  /** On the hosted page, offering the user who signed in last (in this run) as the user name. */
  async signIn(): Promise<void> {
    const service = this.stage.service();
    await this.start(() => service.signIn(this.lastUser ? { loginHint: this.lastUser } : {}));
  }

  /** "Continue with <provider>": straight to one of the pool's identity providers. */
  async signInWith(identityProvider: string): Promise<void> {
    const service = this.stage.service();
    await this.start(() => service.signIn({ route: { identityProvider } }));
  }

  /** Email-first: Cognito picks the provider mapped to the email's domain. */
  async signInWithEmail(email: string): Promise<void> {
    const service = this.stage.service();
    const route = { idpIdentifier: identifierFor(email) };
    await this.start(() => service.signIn({ route, loginHint: email.trim() }));
  }

  cancel(): void {
    this.stage.serviceIfAny()?.cancelSignIn();
  }

  /** Copies the waiting sign-in's URL, for when the browser did not open. */
  async copyLink(): Promise<void> {
    const attempt = this.stage.serviceIfAny()?.currentAttempt();
    if (!attempt) throw new AuthError('not_signed_in', t('No sign-in is waiting for the browser.'));
    await this.clipboard.writeText(attempt.url);
  }

  async openBrowserAgain(): Promise<void> {
    await this.stage.service().reopenBrowser();
  }

  /**
   * "Sign in on another device": ends the browser's sign-in and asks the provider for a code; the
   * waiting screen then shows it (and a QR code). Returns once the code shows.
   */
  async onAnotherDevice(): Promise<void> {
    const service = this.stage.service();
    this.replacingAttempt = service;
    service.cancelSignIn();
    let shown: () => void = () => undefined;
    const codeShown = new Promise<void>((resolve) => (shown = resolve));
    await this.start(
      () =>
        service.signInOnAnotherDevice((code) => {
          if (this.replacingAttempt === service) this.replacingAttempt = undefined;
          void deviceView(code).then((device) => {
            this.stage.showDeviceCode(service, device);
            shown();
          });
        }),
      codeShown,
    );
  }

  /**
   * Runs a sign-in of the service in view; returns once its browser was asked to open (or `shown`
   * settles, or it failed).
   */
  async start(run: () => Promise<Profile>, shown?: Promise<void>): Promise<void> {
    const service = this.stage.service();
    // The outcome arrives through events; a failure lands in the state as a readable error (an
    // unknown provider or an empty email fails before any browser opens).
    const done = run().catch((error: unknown) => {
      if (this.stage.serviceIfAny() !== service) return;
      const mapped = toAuthError(error);
      // The browser's sign-in ended for a device sign-in in its place: nothing to report.
      if (mapped.code === 'cancelled' && this.replacingAttempt === service) return;
      this.stage.showFailure(service, mapped);
    });
    let started: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => (started = resolve));
    service.once('sign-in-started', started);
    await Promise.race([done, waiting, ...(shown ? [shown] : [])]);
    service.off('sign-in-started', started);
  }
}
