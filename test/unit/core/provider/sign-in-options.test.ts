import { describe, expect, it } from 'vitest';
import {
  authorizationParameters,
  cognitoLanguage,
  findIdentityProvider,
  identifierFor,
  parseIdentityProviders,
  signedInWith,
} from '../../../../main/core/provider/sign-in-options.ts';
import { AuthError } from '../../../../main/core/errors.ts';

describe('parseIdentityProviders', () => {
  it('reads names with optional labels; social providers get their usual label', () => {
    expect(
      parseIdentityProviders('Google, SignInWithApple, LoginWithAmazon, Facebook=Meta, AcmeSAML=Acme staff'),
    ).toEqual([
      { name: 'Google', label: 'Google' },
      { name: 'SignInWithApple', label: 'Apple' },
      { name: 'LoginWithAmazon', label: 'Amazon' },
      { name: 'Facebook', label: 'Meta' },
      { name: 'AcmeSAML', label: 'Acme staff' },
    ]);
    expect(parseIdentityProviders('')).toEqual([]);
    expect(parseIdentityProviders(' , Okta ,')).toEqual([{ name: 'Okta', label: 'Okta' }]);
    expect(parseIdentityProviders('Okta=  Okta staff  ')).toEqual([{ name: 'Okta', label: 'Okta staff' }]);
    expect(parseIdentityProviders('x'.repeat(32))).toHaveLength(1);
  });

  it.each([
    ['two words as a name', 'Acme SAML', /not one word/],
    ['a name too long', 'x'.repeat(33), /not one word of at most 32/],
    ['an empty name', '=Label', /not one word/],
    ['two labels', 'Google=a=b', /label that is not plain text/],
    ['a label too long', `Google=${'y'.repeat(41)}`, /at most 40/],
    ['COGNITO', 'cognito', /COGNITO/],
    ['a name twice', 'Google, Google=G', /Google twice/],
    ['a control character in a name', 'Google\u0001', /not one word/],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseIdentityProviders(value)).toThrow(message);
  });
});

describe('findIdentityProvider', () => {
  const choices = parseIdentityProviders('Google, AcmeSAML=Acme staff');

  it('finds a configured name, exactly', () => {
    expect(findIdentityProvider(choices, 'AcmeSAML').label).toBe('Acme staff');
  });

  it('refuses an unknown name with the configured ones, as a settings error', () => {
    let error: unknown;
    try {
      findIdentityProvider(choices, 'google');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('invalid_settings');
    expect((error as AuthError).setting).toBe('identityProviders');
    expect((error as AuthError).message).toContain('"google"');
    expect((error as AuthError).message).toContain('Configured: Google, AcmeSAML.');
    expect(() => findIdentityProvider([], 'Google')).toThrow(/None is configured/);
  });
});

describe('identifierFor', () => {
  it.each([
    ['carol@Acme.Example', 'acme.example'],
    [' acme.example ', 'acme.example'],
    ['odd@name@corp.example', 'corp.example'],
    ['@corp.example', 'corp.example'],
  ])('%s → %s', (typed, identifier) => {
    expect(identifierFor(typed)).toBe(identifier);
  });
});

describe('cognitoLanguage', () => {
  it.each([
    ['', 'de-DE', 'de'],
    ['', 'en_US', 'en'],
    ['', 'pt-PT', 'pt-BR'],
    ['', 'zh-Hant-TW', 'zh-TW'],
    ['', 'zh-HK', 'zh-TW'],
    ['', 'zh-Hans-CN', 'zh-CN'],
    ['', 'zh', 'zh-CN'],
    ['', 'zh-Hant', 'zh-TW'],
    ['', 'zh-TW', 'zh-TW'],
    ['', 'zh-MO', 'zh-TW'],
    ['', 'zh-hk', 'zh-TW'],
    ['', 'zh-Latn-TW', 'zh-TW'],
    ['fr', 'de-DE', 'fr'],
    ['JA', 'en-US', 'ja'],
    ['', 'nl-NL', undefined],
    ['', '', undefined],
  ])('setting %j, OS %j → %j', (setting, os, expected) => {
    expect(cognitoLanguage(setting, os)).toBe(expected);
  });
});

describe('authorizationParameters', () => {
  const base = { language: '', osLocale: 'de-DE' };

  it('asks for the OS language, both ways, and nothing else for the hosted page', () => {
    expect(authorizationParameters(base)).toEqual({ lang: 'de', ui_locales: 'de-DE' });
  });

  it('routes to a provider and leaves out the hint Cognito cannot forward to social providers', () => {
    expect(
      authorizationParameters({
        ...base,
        route: { identityProvider: 'Google' },
        loginHint: 'alice@example.com',
      }),
    ).toEqual({ identity_provider: 'Google', lang: 'de', ui_locales: 'de-DE' });
    expect(
      authorizationParameters({
        ...base,
        route: { identityProvider: 'AcmeOIDC' },
        loginHint: 'alice@example.com',
      }),
    ).toMatchObject({ identity_provider: 'AcmeOIDC', login_hint: 'alice@example.com' });
  });

  it('routes by identifier with the email as the hint, and asks again when fresh', () => {
    expect(
      authorizationParameters({
        language: 'fr',
        osLocale: 'de-DE',
        route: { idpIdentifier: 'acme.example' },
        loginHint: 'carol@acme.example',
        fresh: true,
      }),
    ).toEqual({
      idp_identifier: 'acme.example',
      login_hint: 'carol@acme.example',
      lang: 'fr',
      ui_locales: 'fr',
      prompt: 'login',
    });
  });

  it('sends no language when neither the setting nor the OS has one, and Cognito’s only for its languages', () => {
    expect(authorizationParameters({ language: '', osLocale: '' })).toStrictEqual({});
    expect(authorizationParameters({ language: '', osLocale: 'nl_NL' })).toStrictEqual({
      ui_locales: 'nl-NL',
    });
  });
});

describe('signedInWith', () => {
  const google = {
    dateCreated: '1700000000000',
    userId: '1234567890',
    providerName: 'Google',
    providerType: 'Google',
    issuer: null,
    primary: 'true',
  };

  it('reads the primary identity of the identities claim, as a list or as JSON text', () => {
    expect(signedInWith({ identities: [google] })).toEqual({
      providerName: 'Google',
      providerType: 'Google',
    });
    expect(signedInWith({ identities: JSON.stringify([google]) })).toEqual({
      providerName: 'Google',
      providerType: 'Google',
    });
    const saml = { providerName: 'AcmeSAML', providerType: 'SAML', primary: 'false' };
    expect(signedInWith({ identities: [saml, google] })?.providerName).toBe('Google');
    expect(signedInWith({ identities: [saml] })).toEqual({ providerName: 'AcmeSAML', providerType: 'SAML' });
    expect(signedInWith({ identities: [{ providerName: 'Okta' }] })).toEqual({
      providerName: 'Okta',
      providerType: 'Okta',
    });
  });

  it('is undefined for the pool’s own users and for claims it cannot read', () => {
    expect(signedInWith({})).toBeUndefined();
    expect(signedInWith({ identities: 'not json' })).toBeUndefined();
    expect(signedInWith({ identities: [] })).toBeUndefined();
    expect(signedInWith({ identities: [{ userId: 'x' }, null, 3] })).toBeUndefined();
    expect(signedInWith({ identities: { providerName: 'Google' } })).toBeUndefined();
  });
});
