/**
 * What crosses to the renderer: the app's status and errors turned into the contract's DTOs. The
 * one place that decides which fields reach the page — a field added to the core's profile or to
 * an error stays in main until it is copied here.
 */
import type { AppStatus, SwitcherView } from '../app/app-status.ts';
import { toAuthError } from '../core/errors.ts';
import { currentLanguage } from '../core/i18n.ts';
import type { Profile } from '../core/session/session.ts';
import type { AwsCredentialsStatus } from '../core/aws/aws-credentials.ts';
import type {
  AppState,
  AwsStatusDto,
  ErrorDto,
  ProfileDto,
  SessionState,
  SwitcherDto,
} from '../../preload/contract.ts';

/** An error as it crosses to the renderer: its code, its user-safe message, the setting at fault. */
export function toErrorDto(error: unknown): ErrorDto {
  const mapped = toAuthError(error);
  return {
    code: mapped.code,
    message: mapped.message,
    ...(mapped.setting ? { setting: mapped.setting } : {}),
  };
}

function toProfileDto(profile: Profile): ProfileDto {
  return {
    username: profile.username,
    usernameClaim: profile.usernameClaim,
    subject: profile.subject,
    ...(profile.email !== undefined ? { email: profile.email } : {}),
    ...(profile.emailVerified !== undefined ? { emailVerified: profile.emailVerified } : {}),
    groups: [...profile.groups],
    expiresAt: profile.expiresAt,
    signedInAt: profile.signedInAt,
    ...(profile.refreshedAt !== undefined ? { refreshedAt: profile.refreshedAt } : {}),
    persisted: profile.persisted,
    ...(profile.signedInWith ? { signedInWith: { ...profile.signedInWith } } : {}),
  };
}

/** The optional error fields of a status, as DTOs. */
function errors(status: { error?: unknown; warning?: unknown }): { error?: ErrorDto; warning?: ErrorDto } {
  return {
    ...(status.error ? { error: toErrorDto(status.error) } : {}),
    ...(status.warning ? { warning: toErrorDto(status.warning) } : {}),
  };
}

/** The profiles and accounts as the switcher shows them: names and states, no subject, no token. */
function toSwitcherDto(switcher: SwitcherView): SwitcherDto {
  return {
    profile: switcher.profile,
    profiles: switcher.profiles.map(({ name, selected, fromInstaller, configured }) => ({
      name,
      selected,
      fromInstaller,
      configured,
    })),
    accounts: switcher.accounts.map(({ profile, id, name, active, signedIn }) => ({
      profile,
      id,
      ...(name !== undefined ? { name } : {}),
      active,
      signedIn,
    })),
    canAddProfiles: switcher.canAddProfiles,
  };
}

/** The app's status as the renderer receives it. */
export function toAppState(status: AppStatus): AppState {
  const switcher = status.switcher ? { switcher: toSwitcherDto(status.switcher) } : {};
  const revision = status.settingsRevision ? { settingsRevision: status.settingsRevision } : {};
  return { ...toSessionState(status), ...switcher, ...revision, language: currentLanguage() };
}

function toSessionState(status: AppStatus): SessionState {
  switch (status.status) {
    case 'unconfigured':
      return { status: 'unconfigured', emulatorOffered: status.emulatorOffered, ...errors(status) };
    case 'signed-out':
      return {
        status: 'signed-out',
        provider: { ...status.provider },
        identityProviders: status.identityProviders.map((p) => ({ name: p.name, label: p.label })),
        emailFirst: status.emailFirst,
        ...errors(status),
        ...(status.notice ? { notice: status.notice } : {}),
      };
    case 'waiting':
      return {
        status: 'waiting',
        provider: { ...status.provider },
        startedAt: status.startedAt,
        expiresAt: status.expiresAt,
        offersDevice: status.offersDevice,
        ...(status.device ? { device: { ...status.device, qr: [...status.device.qr] } } : {}),
        ...errors(status),
      };
    case 'signed-in':
      return {
        status: 'signed-in',
        provider: { ...status.provider },
        profile: toProfileDto(status.profile),
        autoRefresh: status.autoRefresh,
        ...(status.apiUrl ? { apiUrl: status.apiUrl } : {}),
        aws: status.aws,
        ...errors(status),
      };
  }
}

/** The AWS credentials' status as it crosses: identity, role and expiry, or the error; never a key. */
export function toAwsStatusDto(status: AwsCredentialsStatus): AwsStatusDto {
  switch (status.state) {
    case 'not-configured':
      return { state: 'not-configured' };
    case 'ready':
      return {
        state: 'ready',
        identityId: status.identityId,
        expiresAt: status.expiresAt,
        ...(status.roleArn ? { roleArn: status.roleArn } : {}),
      };
    case 'failed':
      return { state: 'failed', error: toErrorDto(status.error) };
  }
}
