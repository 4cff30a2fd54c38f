import { describe, expect, it } from 'vitest';
import {
  resolveSettings,
  defaultConfigDir,
  findSettingsProblems,
  isProviderConfigured,
  issuerFromDiscoveryUrl,
  validateSettings,
  type SettingsInput,
} from '../../../main/core/settings.ts';
import { AuthError } from '../../../main/core/errors.ts';

const POOL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123';
const valid: SettingsInput = { discoveryUrl: POOL, clientId: 'abc123' };

describe('validateSettings', () => {
  it('fills defaults for a minimal valid input', () => {
    expect(validateSettings(valid)).toEqual({
      discoveryUrl: POOL,
      clientId: 'abc123',
      redirectUri: 'http://127.0.0.1:47621/callback',
      logoutUri: 'http://127.0.0.1:47621/signed-out',
      scopes: 'openid email profile',
      usernameClaim: 'email',
      groupsClaim: 'cognito:groups',
      tokenAuthMethod: 'auto',
      keychainService: 'cognito-desktop',
    });
  });

  it.each([
    ['issuer as given', POOL, POOL],
    ['trailing slash removed', `${POOL}/`, POOL],
    ['full discovery URL', `${POOL}/.well-known/openid-configuration`, POOL],
    [
      'emulator over http on loopback',
      'http://127.0.0.1:47630/us-east-1_Emu1ator',
      'http://127.0.0.1:47630/us-east-1_Emu1ator',
    ],
  ])('accepts the discovery URL: %s', (_name, input, issuer) => {
    expect(validateSettings({ ...valid, discoveryUrl: input }).discoveryUrl).toBe(issuer);
    expect(issuerFromDiscoveryUrl(input)).toBe(issuer);
  });

  it.each<[string, SettingsInput, string, RegExp]>([
    ['missing discovery URL', { clientId: 'x' }, 'discoveryUrl', /Discovery URL is required/],
    ['not a URL', { ...valid, discoveryUrl: 'pool' }, 'discoveryUrl', /not a URL/],
    [
      'plain http off this machine',
      { ...valid, discoveryUrl: 'http://cognito-idp.example.com/p' },
      'discoveryUrl',
      /must use https/,
    ],
    ['query in discovery URL', { ...valid, discoveryUrl: `${POOL}?x=1` }, 'discoveryUrl', /query/],
    ['missing client id', { discoveryUrl: POOL }, 'clientId', /Client ID is required/],
    ['client id with spaces', { ...valid, clientId: 'a b' }, 'clientId', /one word/],
    [
      'https redirect',
      { ...valid, redirectUri: 'https://127.0.0.1:47621/callback' },
      'redirectUri',
      /http URL on 127\.0\.0\.1/,
    ],
    [
      'redirect off this machine',
      { ...valid, redirectUri: 'http://example.com:80/cb' },
      'redirectUri',
      /127\.0\.0\.1 or localhost/,
    ],
    [
      'redirect without port',
      { ...valid, redirectUri: 'http://127.0.0.1/callback' },
      'redirectUri',
      /must name a port/,
    ],
    [
      'redirect without path',
      { ...valid, redirectUri: 'http://127.0.0.1:5000/' },
      'redirectUri',
      /must have a path/,
    ],
    [
      'sign-out on another port',
      { ...valid, logoutUri: 'http://127.0.0.1:5001/signed-out' },
      'logoutUri',
      /same host and port/,
    ],
    [
      'sign-out on the callback path',
      { ...valid, logoutUri: 'http://127.0.0.1:47621/callback' },
      'logoutUri',
      /different path/,
    ],
    ['scopes without openid', { ...valid, scopes: 'email profile' }, 'scopes', /must include openid/],
    ['scope with a quote', { ...valid, scopes: 'openid "x"' }, 'scopes', /scope names/],
    ['empty username claim', { ...valid, usernameClaim: '##' }, 'usernameClaim', /must name a claim/],
    [
      'groups claim with a space',
      { ...valid, groupsClaim: 'cognito groups' },
      'groupsClaim',
      /^Groups claim must name one claim/,
    ],
    [
      'groups claim too long',
      { ...valid, groupsClaim: 'g'.repeat(129) },
      'groupsClaim',
      /must name one claim/,
    ],
    [
      'control characters in the keychain service',
      { ...valid, keychainService: 'a\u0001b' },
      'keychainService',
      /printable/,
    ],
  ])('rejects %s, naming the setting', (_name, input, setting, message) => {
    const problems = findSettingsProblems(input);
    expect(problems.map((p) => p.setting)).toContain(setting);
    let thrown: unknown;
    try {
      validateSettings(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AuthError);
    expect((thrown as AuthError).code).toBe('invalid_settings');
    expect(problems.find((p) => p.setting === setting)?.message).toMatch(message);
  });

  it('takes empty fields (as the Settings form sends them) as the defaults', () => {
    const empty = {
      ...valid,
      redirectUri: '',
      logoutUri: '',
      scopes: '',
      usernameClaim: '',
      keychainService: ' ',
    };
    expect(findSettingsProblems(empty)).toEqual([]);
    expect(validateSettings(empty)).toEqual(validateSettings(valid));
  });

  it('reads the APEX-style #email# username claim as email', () => {
    expect(validateSettings({ ...valid, usernameClaim: '#email#' }).usernameClaim).toBe('email');
  });

  it('accepts a localhost redirect URI with its sign-out URI on the same origin', () => {
    const s = validateSettings({ ...valid, redirectUri: 'http://localhost:8400/auth/done' });
    expect(s.logoutUri).toBe('http://localhost:8400/signed-out');
  });
});

describe('environment overrides and folders', () => {
  it('lets each COGNITO_* variable win over the file', () => {
    const { input, sources } = resolveSettings({
      file: valid,
      env: {
        COGNITO_CLIENT_ID: 'from-env',
        COGNITO_SCOPES: 'openid phone',
        COGNITO_DESKTOP_KEYCHAIN_SERVICE: 'svc',
        COGNITO_REDIRECT_URI: '',
      },
    });
    expect(input).toMatchObject({
      clientId: 'from-env',
      scopes: 'openid phone',
      keychainService: 'svc',
      discoveryUrl: POOL,
    });
    expect(input.redirectUri).toBeUndefined();
    expect(sources).toMatchObject({ clientId: 'env', discoveryUrl: 'file', redirectUri: 'default' });
  });

  it.each([
    // [layers present (lowest first), source in effect, value in effect]
    [{ installer: 'i' }, 'installer', 'i'],
    [{ installer: 'i', file: 'f' }, 'file', 'f'],
    [{ installer: 'i', file: 'f', env: 'e' }, 'env', 'e'],
    [{ installer: 'i', file: 'f', env: 'e', locked: 'l' }, 'locked', 'l'],
    [{ locked: 'l', file: 'f' }, 'locked', 'l'],
    [{}, 'default', 'email'],
  ] as const)('precedence: %j → %s', (layers, source, value) => {
    const l = layers as Partial<Record<'installer' | 'file' | 'env' | 'locked', string>>;
    const resolved = resolveSettings({
      ...(l.installer ? { installer: { usernameClaim: l.installer } } : {}),
      file: l.file ? { usernameClaim: l.file } : {},
      env: l.env ? { COGNITO_USERNAME_CLAIM: l.env } : {},
      ...(l.locked ? { locked: { usernameClaim: l.locked } } : {}),
    });
    expect(resolved.sources.usernameClaim).toBe(source);
    expect(resolved.values.usernameClaim).toBe(value);
  });

  it('reports the problems of the values in effect', () => {
    const { problems } = resolveSettings({ file: { ...valid, redirectUri: 'https://example.com/cb' } });
    expect(problems.map((p) => p.setting)).toContain('redirectUri');
    expect(resolveSettings({ file: valid }).problems).toEqual([]);
  });

  it('knows when a provider is configured', () => {
    expect(isProviderConfigured(valid)).toBe(true);
    expect(isProviderConfigured({ discoveryUrl: POOL })).toBe(false);
  });

  it.each([
    ['linux', { XDG_CONFIG_HOME: '/x/config' }, '/x/config/cognito-desktop'],
    ['linux', { COGNITO_DESKTOP_CONFIG_DIR: '/custom' }, '/custom'],
    ['win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, /AppData.Roaming.cognito-desktop$/],
    ['darwin', {}, /Library\/Application Support\/cognito-desktop$/],
  ] as const)('puts settings where Electron puts userData on %s', (platform, env, expected) => {
    const dir = defaultConfigDir(env, platform);
    if (typeof expected === 'string') expect(dir).toBe(expected);
    else expect(dir).toMatch(expected);
  });
});
