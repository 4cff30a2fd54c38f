/**
 * The window's session states as one {@link AuthService} stands: what the signed-in, signed-out
 * and waiting screens show of it, and which provider they name.
 */
import type { AuthService } from '../core/session/auth-service.ts';
import type { AuthError } from '../core/errors.ts';
import { isLoopbackHost } from '../core/origin.ts';
import { providerDisplayName } from '../core/provider/provider.ts';
import type { Profile } from '../core/session/session.ts';
import type { AppStatus, DeviceView, ProviderInfo } from './app-status.ts';
import type { DeviceCode } from '../core/session/device-sign-in.ts';

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

/** A device code as the window shows it: the QR code of the address with the code in it. */
export async function deviceView(code: DeviceCode): Promise<{ view: DeviceView; expiresAt: number }> {
  // Loaded here, not at start: only a device sign-in draws a QR code.
  const { encode } = await import('uqr');
  const { data } = encode(code.verificationUriComplete ?? code.verificationUri, { border: 1 });
  return {
    view: {
      userCode: code.userCode,
      verificationUri: code.verificationUri,
      qr: data.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')),
    },
    expiresAt: code.expiresAt,
  };
}

/**
 * Waiting for the browser, or (with `device`) for a code to be used on another device. Whether the
 * provider offers the latter is read from the cached discovery document: no request.
 */
export function waitingState(
  service: AuthService,
  device?: { view: DeviceView; expiresAt: number },
): AppStatus {
  const attempt = service.currentAttempt();
  const now = Date.now();
  return {
    status: 'waiting',
    provider: providerInfo(service),
    startedAt: device ? now : (attempt?.startedAt ?? now),
    expiresAt: device?.expiresAt ?? attempt?.expiresAt ?? now,
    offersDevice: typeof service.directory.cachedMetadata()?.device_authorization_endpoint === 'string',
    ...(device ? { device: device.view } : {}),
  };
}
