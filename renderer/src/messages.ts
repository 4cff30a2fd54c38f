/**
 * What each error code means to a person: a title and what to do. The renderer branches on the
 * code, never on message text; the main process's message adds the specifics.
 */
import type { ErrorCode } from '../../preload/contract.ts';

export const ERROR_TITLES: Record<ErrorCode, string> = {
  cancelled: 'Sign-in was cancelled',
  timeout: 'The browser did not come back in time',
  port_in_use: 'Another program is using the sign-in port',
  network: 'Could not reach the sign-in service',
  proxy_unreachable: 'Could not reach the network’s proxy',
  proxy_auth: 'The proxy needs you to sign in to it',
  tls_untrusted: 'The connection to the sign-in service is not trusted',
  provider_rejected: 'The sign-in service refused',
  state_mismatch: 'That sign-in did not come from this app',
  invalid_settings: 'Settings need attention',
  keychain_unavailable: 'The system keychain is not available',
  keychain_locked: 'The system keychain is locked',
  session_busy: 'Another cognito-desktop is busy with your session',
  not_signed_in: 'You are signed out',
  internal: 'Something went wrong',
  bad_request: 'Something went wrong',
  forbidden: 'Not allowed',
};

/** Formats a duration in ms as "4 min 05 s" / "45 s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** Formats a time of day in the user's locale. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
