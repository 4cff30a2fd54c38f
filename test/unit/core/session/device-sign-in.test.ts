/**
 * The device sign-in's decisions, with a provider that answers as told: the code handed over before
 * any waiting, the ID token checked before anything is stored, and nothing stored when the code
 * expires, is refused, the ID token is forged, or the person cancels. Fakes for the provider and
 * the session keeper; the real flow runs in test/integration/device-route.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { DeviceSignIn, type DeviceCode } from '../../../../main/core/session/device-sign-in.ts';
import type { ProviderClient } from '../../../../main/core/provider/provider.ts';
import type { SessionKeeper } from '../../../../main/core/session/session-keeper.ts';
import type { StoredSession } from '../../../../main/core/session/session.ts';
import { withDefaults } from '../../../../main/core/settings/settings.ts';
import { AuthError } from '../../../../main/core/errors.ts';

const NOW = 1_800_000_000_000;
const AUTHORIZATION = {
  device_code: 'device-code-stays-here',
  user_code: 'WDJB-MJHT',
  verification_uri: 'https://idp.example/device',
  verification_uri_complete: 'https://idp.example/device?user_code=WDJB-MJHT',
  expires_in: 600,
  interval: 5,
};
const TOKENS = {
  access_token: 'access',
  id_token: 'id.token.jwt',
  refresh_token: 'refresh',
  expires_in: 3600,
  token_type: 'bearer',
  claims: () => ({ sub: 'u1', email: 'alice@example.com' }),
};

function deviceSignIn(options: {
  endpoint?: boolean;
  poll?: (signal: AbortSignal) => Promise<unknown>;
  verify?: () => Promise<void>;
}) {
  const stored: StoredSession[] = [];
  const verify = vi.fn(options.verify ?? (() => Promise.resolve()));
  const initiate = vi.fn(() => Promise.resolve(AUTHORIZATION));
  const client = {
    metadata: {
      issuer: 'https://idp.example',
      ...(options.endpoint === false
        ? {}
        : { device_authorization_endpoint: 'https://idp.example/device/code' }),
    },
    config: {},
    verifier: { verify },
    oidc: {
      initiateDeviceAuthorization: initiate,
      pollDeviceAuthorizationGrant: (
        _c: unknown,
        _r: unknown,
        _p: unknown,
        { signal }: { signal: AbortSignal },
      ) => (options.poll ?? (() => Promise.resolve(TOKENS)))(signal),
    },
  } as unknown as ProviderClient;
  const keeper = {
    storeSignedIn: async (session: Promise<StoredSession>) => {
      stored.push(await session);
      return { username: 'alice', email: 'alice@example.com' };
    },
  } as unknown as SessionKeeper;
  const flow = new DeviceSignIn({
    settings: withDefaults({ discoveryUrl: 'https://idp.example', clientId: 'c' }),
    clock: { now: () => NOW },
    connect: () => Promise.resolve(client),
    keeper,
  });
  return { flow, stored, verify, initiate };
}

/** A poll that waits until it is aborted, then fails as openid-client's does. */
const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
  );

describe('DeviceSignIn', () => {
  it('hands over the code (never the device code), checks the ID token, then stores the session', async () => {
    const { flow, stored, verify, initiate } = deviceSignIn({});
    const codes: DeviceCode[] = [];
    const profile = await flow.signIn((code) => codes.push(code));
    expect(codes).toEqual([
      {
        userCode: 'WDJB-MJHT',
        verificationUri: 'https://idp.example/device',
        verificationUriComplete: 'https://idp.example/device?user_code=WDJB-MJHT',
        expiresAt: NOW + 600_000,
      },
    ]);
    expect(JSON.stringify(codes)).not.toContain('device-code-stays-here');
    expect(initiate).toHaveBeenCalledWith({}, { scope: 'openid email profile' });
    expect(verify).toHaveBeenCalledWith('id.token.jwt');
    expect(stored).toEqual([
      expect.objectContaining({ accessToken: 'access', idToken: 'id.token.jwt', expiresAt: NOW + 3_600_000 }),
    ]);
    expect(profile).toMatchObject({ email: 'alice@example.com' });
    expect(await flow.offered()).toBe(true);
  });

  it('refuses a provider without the device flow before asking for a code', async () => {
    const { flow, initiate } = deviceSignIn({ endpoint: false });
    const onCode = vi.fn();
    await expect(flow.signIn(onCode)).rejects.toMatchObject({ code: 'invalid_settings' });
    expect(onCode).not.toHaveBeenCalled();
    expect(initiate).not.toHaveBeenCalled();
    expect(await flow.offered()).toBe(false);
  });

  it('stores nothing when the ID token does not verify', async () => {
    const { flow, stored } = deviceSignIn({ verify: () => Promise.reject(new Error('signature invalid')) });
    await expect(flow.signIn(() => undefined)).rejects.toBeDefined();
    expect(stored).toEqual([]);
  });

  it('ends as cancelled when the person cancels while it waits, storing nothing', async () => {
    const { flow, stored } = deviceSignIn({ poll: untilAborted });
    const waiting = flow.signIn(() => queueMicrotask(() => flow.cancel()));
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    expect(stored).toEqual([]);
    // Nothing waits any more: a second cancel is harmless.
    expect(() => flow.cancel()).not.toThrow();
  });

  it('ends as a timeout, saying how long the code lasted, when the provider says it expired', async () => {
    const { flow, stored } = deviceSignIn({
      poll: () => Promise.reject(Object.assign(new Error('expired_token'), { error: 'expired_token' })),
    });
    await expect(flow.signIn(() => undefined)).rejects.toMatchObject({
      code: 'timeout',
      message: 'The code was not used within 10 min. Sign in again for a new one.',
    });
    expect(stored).toEqual([]);
  });

  it('passes on a refusal on the other device as a typed error, storing nothing', async () => {
    const denied = Object.assign(new Error('access_denied'), { error: 'access_denied' });
    const { flow, stored } = deviceSignIn({ poll: () => Promise.reject(denied) });
    const error = (await flow.signIn(() => undefined).catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(['timeout', 'cancelled']).not.toContain(error.code);
    expect(stored).toEqual([]);
  });
});
