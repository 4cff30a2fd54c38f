/**
 * What each error code means to a person: a title and what to do. The renderer branches on the
 * code, never on message text; the main process's message adds the specifics (in the same
 * language). Marked here, translated where shown.
 */
import type { ErrorCode } from '../../preload/contract.ts';
import { i18n, msg } from './i18n.ts';

export const ERROR_TITLES: Record<ErrorCode, string> = {
  cancelled: msg('Sign-in was cancelled'),
  timeout: msg('The browser did not come back in time'),
  port_in_use: msg('Another program is using the sign-in port'),
  network: msg('Could not reach the sign-in service'),
  proxy_unreachable: msg('Could not reach the network’s proxy'),
  proxy_auth: msg('The proxy needs you to sign in to it'),
  tls_untrusted: msg('The connection to the sign-in service is not trusted'),
  provider_rejected: msg('The sign-in service refused'),
  state_mismatch: msg('That sign-in did not come from this app'),
  invalid_settings: msg('Settings need attention'),
  keychain_unavailable: msg('The system keychain is not available'),
  keychain_locked: msg('The system keychain is locked'),
  session_busy: msg('Another cognito-desktop is busy with your session'),
  not_signed_in: msg('You are signed out'),
  internal: msg('Something went wrong'),
  bad_request: msg('Something went wrong'),
  forbidden: msg('Not allowed'),
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

/** Formats a time of day in the window's language. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
}
