/**
 * How the events of the session in use become what the person sees: the window's state (signed
 * in, signed out with the reason, the waiting screen and its warning), an OS notification for an
 * ending they did not ask for, and the account recorded after a sign-in.
 */
import type { AuthError } from '../core/errors.ts';
import { toAuthError } from '../core/errors.ts';
import { msg, t } from '../core/i18n.ts';
import type { AuthService, SessionChange } from '../core/session/auth-service.ts';
import type { Profile } from '../core/session/session.ts';
import type { AppStatus, SessionStatus } from './app-status.ts';
import { waitingState } from './session-states.ts';

/** Endings the user did not ask for, here or in another process: worth an OS notification. */
const UNASKED_ENDINGS = new Set(['revoked', 'expired']);

/** What the user sees after a session ends on its own. */
const ENDED_NOTICE: Record<string, string> = {
  revoked: msg('Your sign-in was revoked or has expired at the provider. Sign in again to continue.'),
  expired: msg('Your session has expired. Sign in again to continue.'),
  elsewhere: msg('You signed out from the command line or another window.'),
};

/** What the watch needs of the app controller. */
export interface SessionWatchHost {
  /** Whether `service` is still the one the window shows (events of a replaced one are dropped). */
  isCurrent(service: AuthService): boolean;
  current(): AppStatus;
  publish(state: SessionStatus): void;
  signedInState(profile: Profile): SessionStatus;
  signedOutState(error?: AuthError, notice?: string): SessionStatus;
  notify?: (notification: { title: string; body: string }) => void;
  onSignedIn?: () => void;
  /** Records a stored sign-in as the profile's active, named account. */
  recordSignIn(service: AuthService, profile: Profile): void;
}

/** Wires `service`'s events to `host`. */
export function watchSession(service: AuthService, host: SessionWatchHost): void {
  service.on('session-changed', (change) => onSessionChanged(service, change, host));
  service.on('sign-in-started', () => host.publish(waitingState(service)));
  service.on('refresh-failing', (error) => {
    if (!host.isCurrent(service)) return;
    host.notify?.({
      title: t('Your session could not be refreshed'),
      body: t('{{reason}} The app keeps trying; you stay signed in until the session expires.', {
        reason: error.message,
      }),
    });
  });
  service.on('sign-in-problem', (error) => {
    const current = host.current();
    if (host.isCurrent(service) && current.status === 'waiting')
      host.publish({ ...current, warning: toAuthError(error) });
  });
}

function onSessionChanged(service: AuthService, change: SessionChange, host: SessionWatchHost): void {
  if (!host.isCurrent(service)) return;
  if (change.type === 'signed-out') {
    const notice = ENDED_NOTICE[change.reason];
    host.publish(host.signedOutState(undefined, notice && t(notice)));
    // Told even when the window is hidden or behind others: the user did not ask for this one.
    if (UNASKED_ENDINGS.has(change.reason))
      host.notify?.({ title: t('You were signed out'), body: t(notice!) });
    return;
  }
  // While this window waits for its own sign-in, a session another process stored must not
  // replace the waiting screen.
  if (change.type === 'synced' && host.current().status === 'waiting') return;
  host.publish(host.signedInState(change.profile));
  if (change.type !== 'signed-in') return;
  host.onSignedIn?.();
  // The account is recorded as active (and named) for the switcher and the CLI.
  if (change.profile.persisted) host.recordSignIn(service, change.profile);
}
