/**
 * The window's session states as one {@link AuthService} stands: what the signed-in, signed-out
 * and waiting screens show of it, and which provider they name.
 */
import type { AuthService } from '../core/session/auth-service.ts';
import type { AuthError } from '../core/errors.ts';
import { isLoopbackHost } from '../core/origin.ts';
import { providerDisplayName } from '../core/provider/provider.ts';
import type { Profile } from '../core/session/session.ts';
import type { AppStatus, ProviderInfo } from './app-status.ts';

/** The provider as every screen names it (see {@link providerDisplayName}). */
export function providerInfo(service: AuthService): ProviderInfo {
  const issuer = service.settings.discoveryUrl;
  return { name: providerDisplayName(issuer), issuer, isEmulator: isLoopbackHost(new URL(issuer).hostname) };
}

export function signedInState(
  service: AuthService,
  profile: Profile,
): Extract<AppStatus, { status: 'signed-in' }> {
  const { apiUrl, identityPoolId } = service.settings;
  return {
    status: 'signed-in',
    provider: providerInfo(service),
    profile,
    autoRefresh: true,
    ...(apiUrl ? { apiUrl } : {}),
    aws: identityPoolId !== '',
  };
}

export function signedOutState(service: AuthService, error?: AuthError, notice?: string): AppStatus {
  return {
    status: 'signed-out',
    provider: providerInfo(service),
    identityProviders: service.identityProviders(),
    emailFirst: service.settings.emailFirst === 'on',
    ...(error ? { error } : {}),
    ...(notice ? { notice } : {}),
  };
}

export function waitingState(service: AuthService): AppStatus {
  const attempt = service.currentAttempt();
  const now = Date.now();
  return {
    status: 'waiting',
    provider: providerInfo(service),
    startedAt: attempt?.startedAt ?? now,
    expiresAt: attempt?.expiresAt ?? now,
  };
}
