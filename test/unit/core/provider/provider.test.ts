/**
 * The discovery cache (TTL, stale-after-failure, offline fallback; a fake fetch counts requests)
 * and the choice of client authentication.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_TTL_MS,
  ProviderDirectory,
  chooseTokenAuthMethod,
  takesIdTokenHint,
} from '../../../../main/core/provider/provider.ts';
import { validateSettings } from '../../../../main/core/settings/settings.ts';
import {
  providerDisplayName,
  withClientAuthenticationAdvice,
  type ProviderClient,
  type TokenAuthMethodSetting,
} from '../../../../main/core/provider/provider.ts';
import { AuthError } from '../../../../main/core/errors.ts';

const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
const DOCUMENT = {
  issuer: ISSUER,
  authorization_endpoint: 'https://pool.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
  token_endpoint: 'https://pool.auth.eu-west-1.amazoncognito.com/oauth2/token',
  jwks_uri: `${ISSUER}/.well-known/jwks.json`,
};

function setup() {
  let now = 1_800_000_000_000;
  let online = true;
  const requests: string[] = [];
  const directory = new ProviderDirectory(
    validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
    join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json'),
    { now: () => now },
    (url) => {
      requests.push(url);
      if (!online) return Promise.reject(new TypeError('fetch failed'));
      return Promise.resolve(
        new Response(JSON.stringify(DOCUMENT), { headers: { 'content-type': 'application/json' } }),
      );
    },
  );
  return {
    directory,
    requests,
    advance: (ms: number) => (now += ms),
    setOnline: (value: boolean) => (online = value),
  };
}

describe('discovery cache', () => {
  it('fetches once, then serves from the cache until the TTL', async () => {
    const { directory, requests, advance } = setup();
    expect((await directory.metadata()).issuer).toBe(ISSUER);
    await directory.metadata();
    expect(requests).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    advance(DISCOVERY_TTL_MS + 1);
    await directory.metadata();
    expect(requests).toHaveLength(2);
  });

  it('falls back to a stale cache when the provider cannot be reached', async () => {
    const { directory, requests, advance, setOnline } = setup();
    await directory.metadata();
    advance(DISCOVERY_TTL_MS + 1);
    setOnline(false);
    expect((await directory.metadata()).token_endpoint).toBe(DOCUMENT.token_endpoint);
    expect(requests).toHaveLength(2);
    await expect(directory.metadata({ refresh: true })).rejects.toMatchObject({ code: 'network' });
  });

  it('fetches again after a failure marked the cache stale, keeping it for offline use', async () => {
    const { directory, requests, setOnline } = setup();
    await directory.metadata();
    directory.markStale();
    setOnline(false);
    expect(directory.cachedMetadata()?.issuer).toBe(ISSUER);
    await directory.metadata();
    expect(requests).toHaveLength(2);
    setOnline(true);
    await directory.metadata();
    await directory.metadata();
    expect(requests).toHaveLength(3);
  });
});

describe('the discovery cache, exactly', () => {
  it('lasts 24 hours to the millisecond', async () => {
    expect(DISCOVERY_TTL_MS).toBe(86_400_000);
    const { directory, requests, advance } = setup();
    await directory.metadata();
    advance(DISCOVERY_TTL_MS - 1);
    await directory.metadata();
    expect(requests).toHaveLength(1);
    advance(1);
    await directory.metadata();
    expect(requests).toHaveLength(2);
  });

  it('keeps one client while the document and the secret stay the same', async () => {
    const { directory } = setup();
    const first = await directory.connect(undefined);
    expect(await directory.connect(undefined)).toBe(first);
    const withSecret = await directory.connect('s3cret');
    expect(withSecret).not.toBe(first);
    expect(await directory.connect('s3cret')).toBe(withSecret);
    directory.markStale();
    expect(await directory.connect('s3cret')).not.toBe(withSecret);
  });

  it('refuses a provider that publishes no jwks_uri: ID tokens could not be checked', async () => {
    const withoutJwks: Partial<typeof DOCUMENT> = { ...DOCUMENT };
    delete withoutJwks.jwks_uri;
    const directory = new ProviderDirectory(
      validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
      undefined,
      { now: () => 0 },
      () => Promise.resolve(Response.json(withoutJwks)),
    );
    await expect(directory.connect(undefined)).rejects.toMatchObject({
      code: 'provider_rejected',
      message: 'The provider publishes no jwks_uri: ID tokens cannot be checked.',
    });
  });
});

describe('the discovery cache file', () => {
  it('serves the next process with no request, and is marked stale for it too', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json');
    const requests: string[] = [];
    const directory = (): ProviderDirectory =>
      new ProviderDirectory(
        validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
        file,
        { now: () => 1_800_000_000_000 },
        (url) => {
          requests.push(url);
          return Promise.resolve(Response.json(DOCUMENT));
        },
      );
    await directory().metadata();
    const next = directory();
    expect(next.cachedMetadata()?.token_endpoint).toBe(DOCUMENT.token_endpoint);
    await next.metadata();
    expect(requests).toHaveLength(1);
    next.markStale();
    await directory().metadata();
    expect(requests).toHaveLength(2);
  });

  it('is ignored when it is not JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json');
    writeFileSync(file, 'not json');
    const directory = new ProviderDirectory(
      validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
      file,
      { now: () => 0 },
      () => Promise.resolve(Response.json(DOCUMENT)),
    );
    expect(directory.cachedMetadata()).toBeUndefined();
    expect((await directory.metadata()).issuer).toBe(ISSUER);
  });

  it('is used only for the issuer it was written for', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json');
    const requests: string[] = [];
    const fetchFor = (document: object) => (url: string) => {
      requests.push(url);
      return Promise.resolve(Response.json(document));
    };
    const clock = { now: () => 1_800_000_000_000 };
    const first = new ProviderDirectory(
      validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
      file,
      clock,
      fetchFor(DOCUMENT),
    );
    await first.metadata();
    const OTHER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other';
    const other = new ProviderDirectory(
      validateSettings({ discoveryUrl: OTHER, clientId: 'c1' }),
      file,
      clock,
      fetchFor({ ...DOCUMENT, issuer: OTHER, jwks_uri: `${OTHER}/.well-known/jwks.json` }),
    );
    expect(other.cachedMetadata()).toBeUndefined();
    expect((await other.metadata()).issuer).toBe(OTHER);
    expect(requests.filter((u) => u.startsWith(OTHER))).toHaveLength(1);
  });
});

describe('a planted or stale-forever discovery cache', () => {
  const NOW = 1_800_000_000_000;
  const planted = (entry: object): ProviderDirectory => {
    const file = join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json');
    writeFileSync(file, JSON.stringify(entry));
    return new ProviderDirectory(
      validateSettings({ discoveryUrl: ISSUER, clientId: 'c1' }),
      file,
      { now: () => NOW },
      () => Promise.resolve(Response.json(DOCUMENT)),
    );
  };
  const evil = { ...DOCUMENT, token_endpoint: 'https://collector.evil.example/token' };

  it.each([
    ['fetched in the future (kept fresh for ever)', { issuer: ISSUER, fetchedAt: NOW + 1, metadata: evil }],
    ['with no fetch time', { issuer: ISSUER, metadata: evil }],
    [
      'for another issuer inside',
      { issuer: ISSUER, fetchedAt: NOW, metadata: { ...evil, issuer: 'https://evil.example' } },
    ],
    [
      'with a plain-http endpoint',
      {
        issuer: ISSUER,
        fetchedAt: NOW,
        metadata: { ...DOCUMENT, token_endpoint: 'http://pool.example/token' },
      },
    ],
    [
      'with an endpoint that is not a URL',
      { issuer: ISSUER, fetchedAt: NOW, metadata: { ...DOCUMENT, jwks_uri: 'keys' } },
    ],
  ])('is thrown away when %s', async (_name, entry) => {
    const directory = planted(entry);
    expect(directory.cachedMetadata()).toBeUndefined();
    expect((await directory.metadata()).token_endpoint).toBe(DOCUMENT.token_endpoint);
  });

  it('is thrown away when written for another issuer, though the document inside names this one', () => {
    expect(
      planted({ issuer: 'https://other.example', fetchedAt: NOW, metadata: DOCUMENT }).cachedMetadata(),
    ).toBeUndefined();
  });

  it('takes plain http from a provider on this machine only, and no other scheme even there', () => {
    const LOCAL = 'http://127.0.0.1:4390/local_pool';
    const local = (metadata: object) => {
      const file = join(mkdtempSync(join(tmpdir(), 'discovery-')), 'discovery-cache.json');
      writeFileSync(
        file,
        JSON.stringify({ issuer: LOCAL, fetchedAt: NOW, metadata: { issuer: LOCAL, ...metadata } }),
      );
      return new ProviderDirectory(validateSettings({ discoveryUrl: LOCAL, clientId: 'c1' }), file, {
        now: () => NOW,
      });
    };
    expect(local({ token_endpoint: 'http://127.0.0.1:4391/token' }).cachedMetadata()).toBeDefined();
    expect(local({ token_endpoint: 'ftp://127.0.0.1:4391/token' }).cachedMetadata()).toBeUndefined();
  });

  it('is used when it is one fresh discovery would have given', () => {
    expect(planted({ issuer: ISSUER, fetchedAt: NOW, metadata: DOCUMENT }).cachedMetadata()).toEqual(
      DOCUMENT,
    );
  });
});

describe('chooseTokenAuthMethod', () => {
  it.each<[string, string[] | undefined, TokenAuthMethodSetting, string]>([
    ['nothing advertised: Basic (RFC 8414 default)', undefined, 'auto', 'client_secret_basic'],
    ['both: Basic', ['client_secret_post', 'client_secret_basic'], 'auto', 'client_secret_basic'],
    ['Post only: Post', ['client_secret_post'], 'auto', 'client_secret_post'],
    ['neither usable: Basic', ['private_key_jwt'], 'auto', 'client_secret_basic'],
    ['forced Post', ['client_secret_basic'], 'client_secret_post', 'client_secret_post'],
    ['forced Basic', ['client_secret_post'], 'client_secret_basic', 'client_secret_basic'],
  ])('%s', (_, supported, setting, expected) => {
    expect(chooseTokenAuthMethod(supported, setting)).toBe(expected);
  });

  it('is a setting that takes auto or one of the two methods', () => {
    expect(validateSettings({ ...VALID_FOR_AUTH, tokenAuthMethod: '' }).tokenAuthMethod).toBe('auto');
    expect(
      validateSettings({ ...VALID_FOR_AUTH, tokenAuthMethod: 'client_secret_post' }).tokenAuthMethod,
    ).toBe('client_secret_post');
    expect(() => validateSettings({ ...VALID_FOR_AUTH, tokenAuthMethod: 'private_key_jwt' })).toThrow(
      'Token endpoint authentication must be auto, client_secret_basic or client_secret_post.',
    );
  });
});

const VALID_FOR_AUTH = {
  discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
  clientId: 'c1',
};

describe('takesIdTokenHint', () => {
  it.each([
    [
      'Cognito, known by its issuer',
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC',
      'https://pool.auth.eu-west-1.amazoncognito.com/logout',
      false,
    ],
    [
      'Cognito on a custom domain, known by /logout on another origin',
      'https://idp.example/pool',
      'https://login.example/logout',
      false,
    ],
    [
      'Cognito where the issuer names an end-session path of the same origin',
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X',
      'https://cognito-idp.us-east-1.amazonaws.com/logout',
      false,
    ],
    [
      'a provider of RP-initiated logout on its own origin',
      'https://login.example/realms/x',
      'https://login.example/realms/x/logout',
      true,
    ],
    ['one whose /logout is on its own origin', 'https://login.example', 'https://login.example/logout', true],
    [
      'one whose end-session path is not /logout, on another origin',
      'https://issuer.example',
      'https://login.example/oidc/end',
      true,
    ],
    ['one with no end-session endpoint', 'https://login.example', undefined, false],
  ])('%s → %s', (_name, issuer, endSession, expected) => {
    expect(takesIdTokenHint({ issuer, ...(endSession ? { end_session_endpoint: endSession } : {}) })).toBe(
      expected,
    );
  });
});

describe('withClientAuthenticationAdvice', () => {
  const refused = (providerError: string) => new AuthError('provider_rejected', 'refused', { providerError });
  const client = (issuer: string, offered: string[] | undefined, secretSentAs?: 'client_secret_basic') =>
    ({
      metadata: { issuer, token_endpoint_auth_methods_supported: offered },
      ...(secretSentAs ? { secretSentAs } : {}),
    }) as unknown as ProviderClient;
  const both = ['client_secret_basic', 'client_secret_post'];

  it('names the other method discovery offers, and the setting, for a refused client', () => {
    for (const code of ['invalid_client', 'unauthorized_client']) {
      const advised = withClientAuthenticationAdvice(
        refused(code),
        client('https://idp.example', both, 'client_secret_basic'),
      );
      expect(advised).toMatchObject({
        code: 'provider_rejected',
        providerError: code,
        setting: 'tokenAuthMethod',
      });
      expect(advised.message).toContain(
        'set tokenAuthMethod (Token endpoint authentication) to client_secret_post',
      );
    }
  });

  it('leaves other refusals, public clients, Cognito and providers offering nothing else alone', () => {
    const cases: [AuthError, ProviderClient][] = [
      [refused('invalid_grant'), client('https://idp.example', both, 'client_secret_basic')],
      [refused('invalid_client'), client('https://idp.example', both)],
      [
        refused('invalid_client'),
        client('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X', both, 'client_secret_basic'),
      ],
      [
        refused('invalid_client'),
        client('https://idp.example', ['client_secret_basic'], 'client_secret_basic'),
      ],
      [refused('invalid_client'), client('https://idp.example', undefined, 'client_secret_basic')],
    ];
    for (const [error, c] of cases) expect(withClientAuthenticationAdvice(error, c)).toBe(error);
  });
});

describe('providerDisplayName', () => {
  it('names a user pool by its id, wherever it runs, and any other provider by host and path', () => {
    expect(providerDisplayName('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123')).toBe(
      'eu-west-1_AbC123',
    );
    expect(
      providerDisplayName(
        'https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Z9/.well-known/openid-configuration',
      ),
    ).toBe('us-gov-west-1_Z9');
    expect(providerDisplayName('http://127.0.0.1:47630/us-east-1_Emu1ator')).toBe('us-east-1_Emu1ator');
    expect(providerDisplayName('https://idp.example.com/realms/acme/')).toBe('idp.example.com/realms/acme');
    expect(providerDisplayName('https://login.example.com')).toBe('login.example.com');
    expect(providerDisplayName('https://idp.example.com/eu-west-1_AbC123/more')).toBe(
      'idp.example.com/eu-west-1_AbC123/more',
    );
    expect(providerDisplayName('https://idp.example.com/tenant_x')).toBe('idp.example.com/tenant_x');
    // Only a trailing discovery path is dropped, and every trailing slash.
    expect(providerDisplayName('https://idp.example.com/a//')).toBe('idp.example.com/a');
    expect(providerDisplayName('https://idp.example.com/.well-known/openid-configuration/x')).toBe(
      'idp.example.com/.well-known/openid-configuration/x',
    );
    expect(providerDisplayName('https://idp.example.com/realm/.well-known/openid-configuration')).toBe(
      'idp.example.com/realm',
    );
  });
});
