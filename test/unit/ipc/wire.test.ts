/** What crosses to the renderer: only the contract's fields, whatever the app layer holds. */
import { describe, expect, it } from 'vitest';
import { toAppState, toErrorDto } from '../../../main/ipc/wire.ts';
import { AuthError } from '../../../main/core/errors.ts';
import type { AppStatus } from '../../../main/app/app-status.ts';
import type { Profile } from '../../../main/core/session/session.ts';

const provider = { name: 'pool.auth.eu-west-1.amazoncognito.com', issuer: 'https://x', isEmulator: false };
const profile: Profile = {
  username: 'alice@example.com',
  usernameClaim: 'email',
  subject: 'sub-1',
  email: 'alice@example.com',
  emailVerified: true,
  groups: ['admins'],
  expiresAt: 2,
  signedInAt: 1,
  refreshedAt: 3,
  persisted: true,
};

/** The same on both sides of the wire: nothing in it is the main process's alone. */
const WAITING_FOR_DEVICE: AppStatus = {
  status: 'waiting',
  provider,
  startedAt: 1,
  expiresAt: 2,
  offersDevice: true,
  device: { userCode: 'BCDF-GHJK', verificationUri: 'https://idp.example/device', qr: ['101', '010'] },
};

describe('the wire', () => {
  it('copies the profile field by field: a field the core adds does not reach the page', () => {
    const withToken = { ...profile, accessToken: 'eyJ.secret.token' } as Profile;
    const state = toAppState({
      status: 'signed-in',
      provider,
      profile: withToken,
      autoRefresh: true,
      aws: false,
    });
    expect(state).toEqual({
      status: 'signed-in',
      provider,
      profile,
      autoRefresh: true,
      aws: false,
      language: 'en',
    });
    expect(JSON.stringify(state)).not.toContain('secret');
  });

  it('sends an error as code, message and setting only: no cause, no stack', () => {
    const cause = new Error('refresh_token=abc123 rejected');
    const error = new AuthError('invalid_settings', 'Client ID is required.', { setting: 'clientId', cause });
    expect(toErrorDto(error)).toEqual({
      code: 'invalid_settings',
      message: 'Client ID is required.',
      setting: 'clientId',
    });
    const statuses: AppStatus[] = [
      { status: 'unconfigured', emulatorOffered: false, error },
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false, error, notice: 'n' },
      { status: 'waiting', provider, startedAt: 1, expiresAt: 2, warning: error, offersDevice: false },
      { status: 'signed-in', provider, profile, autoRefresh: true, aws: false, error },
    ];
    for (const status of statuses) {
      const wire = JSON.stringify(toAppState(status));
      expect(wire).toContain('Client ID is required.');
      expect(wire).not.toContain('abc123');
      expect(wire).not.toContain('stack');
    }
  });

  it('maps an unexpected error to internal with a safe message', () => {
    const dto = toErrorDto(new Error('code=SplxlOBeZQQYbYS6WxSbIA'));
    expect(dto.code).toBe('internal');
    expect(dto.message).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
  });
});

describe('each status on the wire', () => {
  it.each<[string, AppStatus, unknown]>([
    [
      'unconfigured',
      { status: 'unconfigured', emulatorOffered: true },
      { status: 'unconfigured', emulatorOffered: true },
    ],
    [
      'signed out, with a notice',
      {
        status: 'signed-out',
        provider,
        identityProviders: [],
        emailFirst: false,
        notice: 'You signed out elsewhere.',
      },
      {
        status: 'signed-out',
        provider,
        identityProviders: [],
        emailFirst: false,
        notice: 'You signed out elsewhere.',
      },
    ],
    [
      'signed out, plain',
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
    ],
    [
      'waiting',
      { status: 'waiting', provider, startedAt: 1, expiresAt: 2, offersDevice: false },
      { status: 'waiting', provider, startedAt: 1, expiresAt: 2, offersDevice: false },
    ],
    ['waiting for a code used on another device', WAITING_FOR_DEVICE, WAITING_FOR_DEVICE],
  ])('%s', (_, status, wire) => {
    // The app's language rides along with every state.
    expect(toAppState(status)).toEqual({ ...(wire as object), language: 'en' });
  });

  it('leaves out the profile fields the claims did not have, and copies the provider', () => {
    const bare: Profile = {
      username: 'u',
      usernameClaim: 'sub',
      subject: 's',
      groups: [],
      expiresAt: 1,
      signedInAt: 1,
      persisted: false,
    };
    const state = toAppState({
      status: 'signed-in',
      provider,
      profile: bare,
      autoRefresh: false,
      aws: false,
    });
    expect(state).toEqual({
      status: 'signed-in',
      provider,
      profile: bare,
      autoRefresh: false,
      aws: false,
      language: 'en',
    });
    expect(Object.keys((state as { profile: object }).profile)).not.toContain('email');
    expect((state as { provider: object }).provider).not.toBe(provider);
  });
});
