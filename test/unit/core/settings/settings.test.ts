import { describe, expect, it } from 'vitest';
import {
  SETTING_ENV,
  SETTING_LABELS,
  withDefaults,
  defaultConfigDir,
  findSettingsProblems,
  isProviderConfigured,
  issuerFromDiscoveryUrl,
  validateSettings,
  type SettingsInput,
} from '../../../../main/core/settings/settings.ts';
import {
  environmentClientSecret,
  validResolvedSettings,
  resolveSettings,
  settingsInEffect,
} from '../../../../main/core/settings/resolve-settings.ts';
import { isLoopbackHost } from '../../../../main/core/origin.ts';
import { AuthError } from '../../../../main/core/errors.ts';

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
      proxy: '',
      caFile: '',
      identityProviders: '',
      emailFirst: 'off',
      language: '',
      identityPoolId: '',
      roleArn: '',
      apiUrl: '',
      apiToken: 'id',
      keepRunning: 'off',
      startAtLogin: 'off',
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
    [
      'a proxy that is not a URL',
      { ...valid, proxy: 'http://[' },
      'proxy',
      /^Proxy is not a URL: .* or direct for none\.$/,
    ],
    ['a SOCKS proxy', { ...valid, proxy: 'socks5://p:1080' }, 'proxy', /must be an http or https proxy/],
    [
      'a proxy with a password',
      { ...valid, proxy: 'http://u:p@proxy:3128' },
      'proxy',
      /must not hold a user name or password: the settings file is plain text/,
    ],
    [
      'a proxy with a user name',
      { ...valid, proxy: 'http://u@proxy:3128' },
      'proxy',
      /must not hold a user name/,
    ],
    [
      'a proxy with a path',
      { ...valid, proxy: 'http://proxy:3128/pac' },
      'proxy',
      /only a scheme, host and port/,
    ],
    [
      'a proxy with a query',
      { ...valid, proxy: 'http://proxy:3128?x' },
      'proxy',
      /only a scheme, host and port/,
    ],
    [
      'a relative CA file',
      { ...valid, caFile: 'certs/root.pem' },
      'caFile',
      /^Extra CA certificates file must be the full path of a PEM file\.$/,
    ],
    [
      'an identity provider named with two words',
      { ...valid, identityProviders: 'Google, Acme SAML' },
      'identityProviders',
      /^Identity providers has a provider name that is not one word/,
    ],
    ['email-first neither on nor off', { ...valid, emailFirst: 'yes' }, 'emailFirst', /must be on or off/],
    ['a language that is no language code', { ...valid, language: 'German' }, 'language', /language code/],
    [
      'an Identity Pool ID without its region',
      { ...valid, identityPoolId: '0a1b2c3d' },
      'identityPoolId',
      /region first/,
    ],
    [
      'a role that is no IAM role ARN',
      { ...valid, identityPoolId: 'eu-west-1:0a1b', roleArn: 'Admins' },
      'roleArn',
      /IAM role ARN/,
    ],
    [
      'a role without an Identity Pool',
      { ...valid, roleArn: 'arn:aws:iam::123456789012:role/Admins' },
      'roleArn',
      /needs an Identity Pool ID/,
    ],
    [
      'an API over plain http elsewhere',
      { ...valid, apiUrl: 'http://api.example.com/x' },
      'apiUrl',
      /must use https/,
    ],
    ['an API URL that is no URL', { ...valid, apiUrl: 'api' }, 'apiUrl', /not a URL/],
    ['an API token neither id nor access', { ...valid, apiToken: 'refresh' }, 'apiToken', /id or access/],
    ['keep running neither on nor off', { ...valid, keepRunning: 'yes' }, 'keepRunning', /must be on or off/],
    [
      'start at login neither on nor off',
      { ...valid, startAtLogin: 'always' },
      'startAtLogin',
      /must be on or off/,
    ],
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
    ['linux', {}, /\/\.config\/cognito-desktop$/],
    ['win32', {}, /AppData.Roaming.cognito-desktop$/],
  ] as const)('puts settings where Electron puts userData on %s', (platform, env, expected) => {
    const dir = defaultConfigDir(env, platform);
    if (typeof expected === 'string') expect(dir).toBe(expected);
    else expect(dir).toMatch(expected);
  });
});

describe('the settings tables', () => {
  it('name each setting and its environment variable', () => {
    expect(SETTING_ENV).toEqual({
      discoveryUrl: 'COGNITO_DISCOVERY_URL',
      clientId: 'COGNITO_CLIENT_ID',
      redirectUri: 'COGNITO_REDIRECT_URI',
      logoutUri: 'COGNITO_LOGOUT_URI',
      scopes: 'COGNITO_SCOPES',
      usernameClaim: 'COGNITO_USERNAME_CLAIM',
      groupsClaim: 'COGNITO_GROUPS_CLAIM',
      tokenAuthMethod: 'COGNITO_TOKEN_AUTH_METHOD',
      keychainService: 'COGNITO_DESKTOP_KEYCHAIN_SERVICE',
      proxy: 'COGNITO_PROXY',
      caFile: 'COGNITO_CA_FILE',
      identityProviders: 'COGNITO_IDENTITY_PROVIDERS',
      emailFirst: 'COGNITO_EMAIL_FIRST',
      language: 'COGNITO_LANGUAGE',
      identityPoolId: 'COGNITO_IDENTITY_POOL_ID',
      roleArn: 'COGNITO_ROLE_ARN',
      apiUrl: 'COGNITO_API_URL',
      apiToken: 'COGNITO_API_TOKEN',
      keepRunning: 'COGNITO_KEEP_RUNNING',
      startAtLogin: 'COGNITO_START_AT_LOGIN',
    });
    expect(SETTING_LABELS).toEqual({
      discoveryUrl: 'Discovery URL',
      clientId: 'Client ID',
      redirectUri: 'Redirect URI',
      logoutUri: 'Sign-out URI',
      scopes: 'Scopes',
      usernameClaim: 'Username claim',
      groupsClaim: 'Groups claim',
      tokenAuthMethod: 'Token endpoint authentication',
      keychainService: 'Keychain service name',
      proxy: 'Proxy',
      caFile: 'Extra CA certificates file',
      identityProviders: 'Identity providers',
      emailFirst: 'Email-first sign-in',
      language: 'Language (app and sign-in page)',
      identityPoolId: 'Identity Pool ID',
      roleArn: 'AWS role ARN',
      apiUrl: 'API URL',
      apiToken: 'API token',
      keepRunning: 'Keep running in the tray',
      startAtLogin: 'Start at login',
    });
  });
});

describe('the network settings', () => {
  it.each(['', 'direct', 'proxy.corp:3128', 'http://proxy.corp:3128', 'https://proxy.corp'])(
    'accepts the proxy "%s"',
    (proxy) => {
      expect(validateSettings({ ...valid, proxy }).proxy).toBe(proxy);
    },
  );

  it('accepts a full path for the CA file, trimmed', () => {
    expect(validateSettings({ ...valid, caFile: ' /etc/ssl/corp.pem ' }).caFile).toBe('/etc/ssl/corp.pem');
  });
});

describe('settings rules, one by one', () => {
  const problem = (input: SettingsInput): string[] =>
    findSettingsProblems({ ...valid, ...input }).map((p) => p.message);

  it.each([
    ['localhost', true],
    ['[::1]', true],
    ['127.0.0.1', true],
    ['127.10.20.30', true],
    ['x127.0.0.1', false],
    ['127.0.0.1.evil.example', false],
    ['127.0.0', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('trims what is typed around a discovery URL and a claim', () => {
    expect(validateSettings({ ...valid, discoveryUrl: `  ${POOL}  ` }).discoveryUrl).toBe(POOL);
    expect(validateSettings({ ...valid, usernameClaim: ' #email# ' }).usernameClaim).toBe('email');
    expect(validateSettings({ ...valid, usernameClaim: 'a#email#' }).usernameClaim).toBe('a#email#');
    expect(validateSettings({ ...valid, usernameClaim: '#email#x' }).usernameClaim).toBe('#email#x');
  });

  it('says what is wrong with a redirect or sign-out URI', () => {
    expect(problem({ redirectUri: 'not a url' })).toEqual(['Redirect URI is not a URL.']);
    expect(problem({ redirectUri: 'http://127.0.0.1:1/cb?x=1' })).toEqual([
      'Redirect URI must not have a query or fragment.',
    ]);
    expect(problem({ redirectUri: 'http://127.0.0.1:1/cb#x' })).toEqual([
      'Redirect URI must not have a query or fragment.',
    ]);
    expect(problem({ redirectUri: 'https://127.0.0.1:1/cb' })[0]).toContain(
      'the sign-in answer on this machine',
    );
    expect(problem({ logoutUri: 'https://127.0.0.1:1/so' })[0]).toContain(
      'the signed-out page on this machine',
    );
    expect(problem({ redirectUri: 'http://127.0.0.1:1/cb', logoutUri: 'http://127.0.0.1:2/so' })).toEqual([
      'Sign-out URI must be on the same host and port as the redirect URI (one receiver serves both).',
    ]);
    expect(problem({ redirectUri: 'http://127.0.0.1:1/cb', logoutUri: 'http://127.0.0.1:1/cb' })).toEqual([
      'Sign-out URI must have a different path from the redirect URI.',
    ]);
  });

  it('allows a client id and a groups claim of 128 characters, not 129', () => {
    expect(problem({ clientId: 'c'.repeat(128), groupsClaim: 'g'.repeat(128) })).toEqual([]);
    expect(problem({ clientId: 'c'.repeat(129) })).toHaveLength(1);
    expect(problem({ groupsClaim: 'g'.repeat(129) })).toHaveLength(1);
    expect(problem({ groupsClaim: 'a\tb' })).toHaveLength(1);
  });

  it('takes scopes separated by any spaces, each a scope token', () => {
    expect(withDefaults({ ...valid, scopes: 'openid   email\tprofile' }).scopes).toBe('openid email profile');
    expect(problem({ scopes: 'openid  email' })).toEqual([]);
    expect(problem({ scopes: 'openid a"b' })).toEqual(['Scopes must be scope names separated by spaces.']);
    expect(problem({ scopes: 'openid a\\b' })).toEqual(['Scopes must be scope names separated by spaces.']);
  });

  it('takes a keychain service name with spaces, not with control characters', () => {
    expect(problem({ keychainService: 'my service' })).toEqual([]);
    expect(problem({ keychainService: 'my\u001fservice' })).toEqual([
      'Keychain service name must be printable text.',
    ]);
  });

  it('ignores an empty environment variable', () => {
    const resolved = resolveSettings({ file: valid, env: { COGNITO_CLIENT_ID: '' } });
    expect(resolved.values.clientId).toBe('abc123');
    expect(resolved.sources.clientId).toBe('file');
  });

  it('refuses resolved settings with a problem, naming the first', () => {
    expect(() => validResolvedSettings(resolveSettings({ file: { clientId: 'x' } }))).toThrow(
      /Discovery URL is required/,
    );
    expect(validResolvedSettings(resolveSettings({ file: valid })).clientId).toBe('abc123');
  });

  it('is configured only with both a discovery URL and a client id', () => {
    expect(isProviderConfigured({ clientId: 'x' })).toBe(false);
    expect(isProviderConfigured({ discoveryUrl: ' ', clientId: 'x' })).toBe(false);
  });
});

describe('environmentClientSecret', () => {
  const SECRET = { COGNITO_CLIENT_SECRET: '  s3cret  ' };
  it.each([
    [
      'both the provider and the client from the environment',
      'env',
      'env',
      { secret: 's3cret', ignored: false },
    ],
    ['the provider from the file', 'file', 'env', { secret: undefined, ignored: true }],
    ['the client from the file', 'env', 'file', { secret: undefined, ignored: true }],
    ['the client locked by an installer', 'env', 'locked', { secret: undefined, ignored: true }],
  ] as const)('with %s: %j', (_name, discoveryUrl, clientId, expected) => {
    expect(environmentClientSecret(SECRET, { discoveryUrl, clientId })).toEqual(expected);
  });

  it('is nothing, and nothing ignored, when the environment has no secret (or only blanks)', () => {
    for (const env of [{}, { COGNITO_CLIENT_SECRET: '' }, { COGNITO_CLIENT_SECRET: '   ' }])
      expect(environmentClientSecret(env, { discoveryUrl: 'file', clientId: 'file' })).toEqual({
        secret: undefined,
        ignored: false,
      });
  });
});

describe('settingsInEffect', () => {
  it('names where each setting came from, in words, and shows an empty one as none', () => {
    const resolved = resolveSettings({
      installer: { scopes: 'openid', clientId: 'from-installer' },
      file: { clientId: 'from-file', usernameClaim: 'email' },
      env: { COGNITO_DISCOVERY_URL: 'https://idp.example', COGNITO_USERNAME_CLAIM: '' },
      locked: { groupsClaim: 'roles' },
    });
    const row = (key: string) => settingsInEffect(resolved).find((r) => r.key === key);
    expect(row('discoveryUrl')).toEqual({
      key: 'discoveryUrl',
      value: 'https://idp.example',
      source: 'env COGNITO_DISCOVERY_URL',
    });
    expect(row('clientId')).toEqual({ key: 'clientId', value: 'from-file', source: 'file' });
    // An empty variable is no setting: the file's value stands.
    expect(row('usernameClaim')).toEqual({ key: 'usernameClaim', value: 'email', source: 'file' });
    expect(row('scopes')).toEqual({ key: 'scopes', value: 'openid', source: 'installer preset' });
    expect(row('groupsClaim')).toEqual({ key: 'groupsClaim', value: 'roles', source: 'installer (locked)' });
    expect(row('apiUrl')).toEqual({ key: 'apiUrl', value: null, source: 'default' });
  });
});
