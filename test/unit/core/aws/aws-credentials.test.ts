import { describe, expect, it } from 'vitest';
import {
  AWS_CREDENTIALS_MARGIN_MS,
  AwsCredentialSource,
  credentialProcessOutput,
  execCredentialOutput,
  identityPoolRegion,
  loginKeyFor,
  type AwsCredentials,
  type IdentityExchange,
  type SessionForAws,
} from '../../../../main/core/aws/aws-credentials.ts';
import { blankTokens } from '../../../../main/core/session/api-call.ts';
import { AuthError } from '../../../../main/core/errors.ts';
import { TokenVault } from '../../../../main/core/session/token-vault.ts';
import type { Profile } from '../../../../main/core/session/session.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';

const POOL_ID = 'eu-west-1:0a1b2c3d-1234-5678-9abc-0123456789ab';
const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
const HOUR = 3600_000;

function profile(subject = 'sub-1', signedInAt = 1000): Profile {
  return {
    username: 'alice',
    usernameClaim: 'email',
    subject,
    groups: [],
    expiresAt: Date.now() + HOUR,
    signedInAt,
    persisted: true,
  };
}

/** A session whose ID token and profile the test changes; counts the token reads. */
function fakeSession(settings: Partial<SessionForAws['settings']> = {}) {
  const state = { profile: profile() as Profile | undefined, tokenReads: 0 };
  const session: SessionForAws = {
    settings: { discoveryUrl: ISSUER, identityPoolId: POOL_ID, roleArn: '', ...settings },
    getIdToken: () => {
      state.tokenReads += 1;
      if (!state.profile)
        return Promise.reject(new AuthError('not_signed_in', 'Not signed in. Sign in first.'));
      return Promise.resolve('id-token-of-the-session');
    },
    profile: () => state.profile,
  };
  return { session, state };
}

/** An Identity Pool that hands out numbered credentials, valid for `lifetimeMs`, and records what it was asked. */
function fakeExchange(lifetimeMs = HOUR) {
  const asked: Parameters<IdentityExchange['credentialsFor']>[0][] = [];
  const exchange: IdentityExchange = {
    credentialsFor: async (request) => {
      asked.push(request);
      await new Promise((r) => setTimeout(r, 5));
      const credentials: AwsCredentials = {
        accessKeyId: `ASIA${asked.length}`,
        secretAccessKey: `secret-${asked.length}`,
        sessionToken: `session-${asked.length}`,
        expiresAt: now.value + lifetimeMs,
        identityId: 'eu-west-1:identity',
        ...(request.roleArn ? { roleArn: request.roleArn } : {}),
      };
      return credentials;
    },
  };
  return { exchange, asked };
}

const now = { value: Date.now() };
const clock = { now: () => now.value };

function source(session: SessionForAws, exchange: IdentityExchange, store = new MemorySecretStore()) {
  return new AwsCredentialSource(session, exchange, new TokenVault(store, 'svc'), 'aws-credentials:x', clock);
}

describe('AwsCredentialSource', () => {
  it('asks the Identity Pool once with the ID token as the login of this user pool, in the pool’s region', async () => {
    const { session } = fakeSession();
    const { exchange, asked } = fakeExchange();
    const aws = source(session, exchange);
    const [a, b] = await Promise.all([aws.get(), aws.get()]);
    expect(a.accessKeyId).toBe('ASIA1');
    expect(b.accessKeyId).toBe('ASIA1');
    expect(asked).toEqual([
      {
        identityPoolId: POOL_ID,
        region: 'eu-west-1',
        logins: { 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123': 'id-token-of-the-session' },
      },
    ]);
    expect(await aws.get()).toMatchObject({ accessKeyId: 'ASIA1' });
    expect(asked).toHaveLength(1);
  });

  it('fetches new credentials 5 minutes before they expire, not earlier, and reads the keychain only once', async () => {
    expect(AWS_CREDENTIALS_MARGIN_MS).toBe(300_000);
    const store = new MemorySecretStore();
    const { session } = fakeSession();
    const { exchange, asked } = fakeExchange(HOUR);
    const aws = source(session, exchange, store);
    await aws.get();
    const calls = store.calls;
    now.value += HOUR - AWS_CREDENTIALS_MARGIN_MS - 1;
    expect((await aws.get()).accessKeyId).toBe('ASIA1');
    expect(store.calls).toBe(calls);
    now.value += 1;
    expect((await aws.get()).accessKeyId).toBe('ASIA2');
    expect(asked).toHaveLength(2);
  });

  it('does not hand out credentials of another Identity Pool', async () => {
    const store = new MemorySecretStore();
    await source(fakeSession().session, fakeExchange().exchange, store).get();
    const other = fakeExchange();
    const otherPool = 'eu-west-1:ffffffff-1234-5678-9abc-0123456789ab';
    await source(fakeSession({ identityPoolId: otherPool }).session, other.exchange, store).get();
    expect(other.asked.map((a) => a.identityPoolId)).toEqual([otherPool]);
  });

  it('shares credentials with another process through the keychain, for the same session only', async () => {
    const store = new MemorySecretStore();
    const { session, state } = fakeSession();
    const first = fakeExchange();
    await source(session, first.exchange, store).get();
    const second = fakeExchange();
    expect((await source(session, second.exchange, store).get()).accessKeyId).toBe('ASIA1');
    expect(second.asked).toHaveLength(0);
    // Another user, or a new sign-in of the same user: new credentials.
    state.profile = profile('sub-2');
    expect((await source(session, second.exchange, store).get()).accessKeyId).toBe('ASIA1');
    expect(second.asked).toHaveLength(1);
    state.profile = profile('sub-2', 2000);
    await source(session, second.exchange, store).get();
    expect(second.asked).toHaveLength(2);
  });

  it('asks for the roleArn setting’s role, and does not reuse credentials of another role', async () => {
    const store = new MemorySecretStore();
    await source(fakeSession().session, fakeExchange().exchange, store).get();
    const role = 'arn:aws:iam::123456789012:role/Admins';
    const { exchange, asked } = fakeExchange();
    const credentials = await source(fakeSession({ roleArn: role }).session, exchange, store).get();
    expect(asked[0]?.roleArn).toBe(role);
    expect(credentials.roleArn).toBe(role);
  });

  it('signed out: not signed in, even with credentials still in the keychain; forget() removes them', async () => {
    const store = new MemorySecretStore();
    const { session, state } = fakeSession();
    const aws = source(session, fakeExchange().exchange, store);
    await aws.get();
    state.profile = undefined;
    await expect(aws.get()).rejects.toMatchObject({ code: 'not_signed_in' });
    await aws.forget();
    expect([...store.entries.keys()]).toEqual([]);
  });

  it('reports its status without a key, and a readable reason when it fails', async () => {
    const { session } = fakeSession();
    const ready = await source(session, fakeExchange().exchange).status();
    expect(ready).toEqual({ state: 'ready', identityId: 'eu-west-1:identity', expiresAt: now.value + HOUR });
    const refused: IdentityExchange = {
      credentialsFor: () =>
        Promise.reject(new AuthError('provider_rejected', 'Cognito Identity: NotAuthorizedException')),
    };
    expect(await source(session, refused).status()).toMatchObject({
      state: 'failed',
      error: { code: 'provider_rejected' },
    });
    const unset = fakeSession({ identityPoolId: '' }).session;
    expect(await source(unset, refused).status()).toEqual({ state: 'not-configured' });
    await expect(source(unset, refused).get()).rejects.toMatchObject({
      code: 'invalid_settings',
      setting: 'identityPoolId',
      message: expect.stringContaining('No Identity Pool is set') as string,
    });
  });
});

describe('formats', () => {
  it('credential_process version 1, with an ISO expiry', () => {
    expect(
      credentialProcessOutput({
        accessKeyId: 'A',
        secretAccessKey: 'S',
        sessionToken: 'T',
        expiresAt: Date.UTC(2026, 10, 26, 20, 0, 0),
        identityId: 'i',
      }),
    ).toEqual({
      Version: 1,
      AccessKeyId: 'A',
      SecretAccessKey: 'S',
      SessionToken: 'T',
      Expiration: '2026-11-26T20:00:00.000Z',
    });
  });

  it('a Kubernetes ExecCredential with the token and its own expiry, in RFC 3339 seconds', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1795723200, token_use: 'id' })).toString('base64url');
    const token = `eyJhbGciOiJSUzI1NiJ9.${payload}.sig`;
    expect(execCredentialOutput(token)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token, expirationTimestamp: '2026-11-26T20:00:00Z' },
    });
  });

  it('an ExecCredential without an expiry when the token carries none', () => {
    const token = `x.${Buffer.from('{}').toString('base64url')}.y`;
    expect(execCredentialOutput(token)).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token },
    });
  });

  it('region and login key from the settings', () => {
    expect(identityPoolRegion(POOL_ID)).toBe('eu-west-1');
    expect(loginKeyFor(ISSUER)).toBe('cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');
    expect(loginKeyFor('http://127.0.0.1:4000/us-east-1_Emu1ator')).toBe('127.0.0.1:4000/us-east-1_Emu1ator');
  });

  it('an API answer never carries a token of the session back', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(blankTokens(`{"echo":"Bearer ${token}"}`, [token, ''])).toBe(
      '{"echo":"Bearer [a token of yours]"}',
    );
  });
});
