/**
 * What the app is doing, as the app layer knows it: core types (the profile, the error as thrown).
 * The IPC layer turns it into the wire's {@link AppState} (main/ipc/wire.ts), choosing what reaches
 * the page; nothing here is shaped for the renderer.
 */
import type { AuthError } from '../core/errors.ts';
import type { Profile } from '../core/session/session.ts';
import type { IdentityProviderChoice } from '../core/provider/sign-in-options.ts';
import type { SwitcherView } from './profiles-and-accounts.ts';

export type { SwitcherView } from './profiles-and-accounts.ts';

/** A code to sign in with on another device, as the window shows it. Holds no secret. */
export interface DeviceView {
  userCode: string;
  verificationUri: string;
  /** The QR code of the address with the code in it: one string of 1s and 0s per row. */
  qr: string[];
}

/** The provider the app is set up for. */
export interface ProviderInfo {
  /** How every screen names the provider: the user pool's id for Cognito, else the issuer's host and path. */
  name: string;
  issuer: string;
  /** True when this is the local Cognito emulator (development). */
  isEmulator: boolean;
}

export type AppStatus = SessionStatus & {
  switcher?: SwitcherView;
  /** How many times the settings changed outside the Settings screen (a policy) in this run. */
  settingsRevision?: number;
};

export type SessionStatus =
  | { status: 'unconfigured'; emulatorOffered: boolean; error?: AuthError }
  | {
      status: 'signed-out';
      provider: ProviderInfo;
      /** The identity providers the sign-in screen offers a button for. */
      identityProviders: IdentityProviderChoice[];
      emailFirst: boolean;
      error?: AuthError;
      notice?: string;
    }
  | {
      status: 'waiting';
      provider: ProviderInfo;
      startedAt: number;
      expiresAt: number;
      warning?: AuthError;
      /** The provider offers signing in on another device with a code (its discovery says so). */
      offersDevice: boolean;
      /** That sign-in, once asked for: the address, the code and a QR code of both. */
      device?: DeviceView;
    }
  | {
      status: 'signed-in';
      provider: ProviderInfo;
      profile: Profile;
      autoRefresh: boolean;
      /** The `apiUrl` setting, when set. */
      apiUrl?: string;
      /** An Identity Pool is set. */
      aws: boolean;
      error?: AuthError;
    };

/** Who is signed in, as the title and the tray name them: email or user name, and the profile when there are several. */
export function signedInLabel(status: Extract<AppStatus, { status: 'signed-in' }>): string {
  const profile =
    status.switcher && status.switcher.profiles.length > 1 ? ` (${status.switcher.profile})` : '';
  return `${status.profile.email ?? status.profile.username}${profile}`;
}

/** The window's title: the active account and its profile, when signed in. */
export function windowTitle(status: AppStatus): string {
  return status.status === 'signed-in' ? `${signedInLabel(status)} — cognito-desktop` : 'cognito-desktop';
}
