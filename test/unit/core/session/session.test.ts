import { describe, expect, it } from 'vitest';
import {
  EXPIRY_MARGIN_MS,
  hasExpired,
  needsRefresh,
  tokenExpiresAt,
  nextRefreshDelay,
  pickUsername,
  profileOf,
  isStoredSession,
  refreshedIdTokenMismatch,
  sessionFromTokens,
  type StoredSession,
} from '../../../../main/core/session/session.ts';

const NOW = 1_800_000_000_000;
const MIN = 60_000;

describe('needsRefresh', () => {
  it.each([
    [60 * MIN, false],
    [2 * MIN, false],
    [EXPIRY_MARGIN_MS + 1, false],
    [EXPIRY_MARGIN_MS, true],
    [1000, true],
    [-MIN, true],
  ])('with %i ms left: %s', (left, expected) => {
    expect(needsRefresh({ expiresAt: NOW + left, claims: {} }, NOW)).toBe(expected);
  });
});

describe('each token by its own expiry', () => {
  const session = { expiresAt: NOW + 60 * MIN, claims: { exp: (NOW + 30_000) / 1000 } };
  it.each([
    ['access', NOW + 60 * MIN, false, false],
    ['id', NOW + 30_000, true, false],
  ] as const)('%s token: expires at %i, needs refresh %s, expired %s', (kind, at, refresh, expired) => {
    expect(tokenExpiresAt(session, kind)).toBe(at);
    expect(needsRefresh(session, NOW, kind)).toBe(refresh);
    expect(hasExpired(session, NOW, kind)).toBe(expired);
  });

  it('an ID token past its exp has expired; one without exp follows the access token', () => {
    expect(hasExpired(session, NOW + 30_000, 'id')).toBe(true);
    expect(hasExpired(session, NOW + 29_999, 'id')).toBe(false);
    expect(tokenExpiresAt({ expiresAt: NOW + MIN, claims: {} }, 'id')).toBe(NOW + MIN);
    expect(needsRefresh(session, NOW)).toBe(false);
  });
});

describe('nextRefreshDelay', () => {
  it.each([
    ['on schedule: just before the margin', 60 * MIN, 0, 59 * MIN],
    ['already due', 30_000, 0, 0],
    ['first retry after a failure', 30_000, 1, 15_000],
    ['second retry', 30_000, 2, 30_000],
    ['retries back off to 10 minutes at most', 30_000, 12, 10 * MIN],
    ['never sooner than needed after a failure', 60 * MIN, 1, 59 * MIN],
  ])('%s', (_name, left, failures, expected) => {
    expect(nextRefreshDelay(NOW + left, NOW, failures)).toBe(expected);
  });
});

describe('pickUsername', () => {
  const claims = { sub: 's-1', email: 'a@example.com', 'cognito:username': 'alice', name: 'Alice' };
  it.each([
    ['email', claims, 'email', 'a@example.com'],
    ['name', claims, 'name', 'Alice'],
    ['missing claim falls back to email', claims, 'nickname', 'a@example.com'],
    ['no email: cognito:username', { sub: 's-1', 'cognito:username': 'alice' }, 'email', 'alice'],
    [
      'no email: preferred_username (standard providers)',
      { sub: 's-1', preferred_username: 'al' },
      'email',
      'al',
    ],
    [
      'cognito:username before preferred_username',
      { sub: 's-1', preferred_username: 'al', 'cognito:username': 'alice' },
      'email',
      'alice',
    ],
    ['nothing but sub', { sub: 's-1' }, 'email', 's-1'],
  ])('%s', (_name, input, claim, expected) => {
    expect(pickUsername(input, claim).value).toBe(expected);
  });
});

describe('profileOf', () => {
  it('shows claims, never tokens', () => {
    const session: StoredSession = {
      v: 1,
      accessToken: 'AT-secret',
      idToken: 'ID-secret',
      refreshToken: 'RT-secret',
      expiresAt: NOW + 60 * MIN,
      claims: { sub: 's-1', email: 'a@example.com', email_verified: true, 'cognito:groups': ['admins', 7] },
      signedInAt: NOW,
    };
    const profile = profileOf(session, { usernameClaim: 'email', groupsClaim: 'cognito:groups' }, true);
    expect(profile).toEqual({
      username: 'a@example.com',
      usernameClaim: 'email',
      subject: 's-1',
      email: 'a@example.com',
      emailVerified: true,
      groups: ['admins'],
      expiresAt: NOW + 60 * MIN,
      signedInAt: NOW,
      persisted: true,
    });
    expect(JSON.stringify(profile)).not.toMatch(/secret/);
  });

  it('reads groups from the configured claim: a list, or one name', () => {
    const session = (claims: Record<string, unknown>): StoredSession => ({
      v: 1,
      accessToken: 'a',
      idToken: 'i',
      expiresAt: NOW,
      claims: { sub: 's', ...claims },
      signedInAt: NOW,
    });
    const groups = (claims: Record<string, unknown>, groupsClaim: string): string[] =>
      profileOf(session(claims), { usernameClaim: 'email', groupsClaim }, true).groups;
    expect(groups({ groups: ['a', 'b'], 'cognito:groups': ['c'] }, 'groups')).toEqual(['a', 'b']);
    expect(groups({ roles: 'admin' }, 'roles')).toEqual(['admin']);
    expect(groups({ 'cognito:groups': ['c'] }, 'groups')).toEqual([]);
    expect(groups({ groups: { a: 1 } }, 'groups')).toEqual([]);
  });
});

describe('refreshedIdTokenMismatch (OpenID Connect Core 12.2)', () => {
  const original = { iss: 'https://idp', sub: 'u1', aud: 'c1', nonce: 'n1' };
  it.each([
    [{ ...original }, undefined],
    [{ iss: 'https://idp', sub: 'u1', aud: 'c1' }, undefined],
    [{ ...original, aud: ['c1'] }, undefined],
    [{ ...original, iss: 'https://evil' }, 'iss'],
    [{ ...original, sub: 'u2' }, 'sub'],
    [{ ...original, aud: 'c2' }, 'aud'],
    [{ ...original, aud: ['c1', 'c2'] }, 'aud'],
    [{ ...original, nonce: 'n2' }, 'nonce'],
  ])('%j → %s', (refreshed, mismatch) => {
    expect(refreshedIdTokenMismatch(original, refreshed)).toBe(mismatch);
  });
});

/** A token response as openid-client hands it over. */
function tokenResponse(fields: Record<string, unknown>, claims?: Record<string, unknown>) {
  return { token_type: 'bearer', ...fields, claims: () => claims } as unknown as Parameters<
    typeof sessionFromTokens
  >[0];
}

describe('sessionFromTokens', () => {
  it('makes a session from a sign-in: the tokens, when it expires, the claims', () => {
    const session = sessionFromTokens(
      tokenResponse(
        { access_token: 'AT', id_token: 'ID', refresh_token: 'RT', expires_in: 600 },
        { sub: 's' },
      ),
      NOW,
    );
    expect(session).toEqual({
      v: 1,
      accessToken: 'AT',
      idToken: 'ID',
      refreshToken: 'RT',
      expiresAt: NOW + 600_000,
      claims: { sub: 's' },
      signedInAt: NOW,
    });
  });

  it('takes an hour when the provider does not say, and keeps what a refresh leaves out', () => {
    const previous = sessionFromTokens(
      tokenResponse({ access_token: 'AT', id_token: 'ID', refresh_token: 'RT' }, { sub: 's' }),
      NOW,
    );
    expect(previous.expiresAt).toBe(NOW + 3_600_000);
    const refreshed = sessionFromTokens(
      tokenResponse({ access_token: 'AT2', expires_in: 60 }),
      NOW + 5,
      previous,
    );
    expect(refreshed).toEqual({
      v: 1,
      accessToken: 'AT2',
      idToken: 'ID',
      refreshToken: 'RT',
      expiresAt: NOW + 5 + 60_000,
      claims: { sub: 's' },
      signedInAt: NOW,
      refreshedAt: NOW + 5,
    });
    const rotated = sessionFromTokens(
      tokenResponse({ access_token: 'AT3', refresh_token: 'RT2' }),
      NOW,
      previous,
    );
    expect(rotated.refreshToken).toBe('RT2');
  });

  it('has no refresh token when the provider gave none', () => {
    const session = sessionFromTokens(tokenResponse({ access_token: 'AT' }), NOW);
    expect(session).not.toHaveProperty('refreshToken');
    expect(session).not.toHaveProperty('refreshedAt');
    expect(session.idToken).toBe('');
    expect(session.claims).toEqual({});
  });
});

describe('isStoredSession', () => {
  const good = { v: 1, accessToken: 'a', expiresAt: 1, claims: {} };
  it.each([
    ['a session', good, true],
    ['null', null, false],
    ['text', 'a', false],
    ['another version', { ...good, v: 2 }, false],
    ['no access token', { ...good, accessToken: 1 }, false],
    ['no expiry', { ...good, expiresAt: '1' }, false],
    ['no claims', { ...good, claims: 'x' }, false],
  ])('%s: %s', (_, value, expected) => {
    expect(isStoredSession(value)).toBe(expected);
  });
});

describe('the profile, field by field', () => {
  const base: StoredSession = {
    v: 1,
    accessToken: 'a',
    idToken: 'i',
    expiresAt: NOW,
    claims: {},
    signedInAt: NOW,
  };
  const names = { usernameClaim: 'email', groupsClaim: 'cognito:groups' };

  it('leaves out what the claims do not have, and names an unknown user', () => {
    const profile = profileOf(base, names, false);
    expect(profile).toEqual({
      username: 'unknown',
      usernameClaim: 'sub',
      subject: '',
      groups: [],
      expiresAt: NOW,
      signedInAt: NOW,
      persisted: false,
    });
  });

  it('skips empty or non-text claims when naming the user, and keeps a false email_verified', () => {
    const profile = profileOf(
      {
        ...base,
        claims: { sub: 's', email: '', 'cognito:username': 7, email_verified: false },
        refreshedAt: NOW,
      },
      names,
      true,
    );
    expect(profile).toMatchObject({
      username: 's',
      usernameClaim: 'sub',
      emailVerified: false,
      refreshedAt: NOW,
    });
    expect(profile).not.toHaveProperty('email');
    expect(profileOf({ ...base, claims: { 'cognito:groups': '' } }, names, true).groups).toEqual([]);
  });

  it('compares audiences as sets', () => {
    expect(refreshedIdTokenMismatch({ aud: ['b', 'a'] }, { aud: ['a', 'b'] })).toBeUndefined();
    expect(refreshedIdTokenMismatch({ aud: 'a' }, { aud: ['a'] })).toBeUndefined();
  });
});
