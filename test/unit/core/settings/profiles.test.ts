/** Profiles in the settings file: the default one at the top level (the upgrade path), the others under `profiles`. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILE,
  checkProfileName,
  pickDocument,
  profileNames,
  profileSettings,
  selectedProfile,
  withProfileSettings,
  withoutProfile,
} from '../../../../main/core/settings/profiles.ts';

const TODAYS_FILE = { discoveryUrl: 'https://idp.example', clientId: 'abc', scopes: 'openid' };

describe('profiles in the settings file', () => {
  it('reads a file written before profiles as the default profile, unchanged', () => {
    const document = pickDocument(TODAYS_FILE);
    expect(profileNames(document)).toEqual([DEFAULT_PROFILE]);
    expect(profileSettings(document, DEFAULT_PROFILE)).toEqual(TODAYS_FILE);
    expect(selectedProfile(document, {})).toBe(DEFAULT_PROFILE);
  });

  it('keeps the default profile at the top level and the others under profiles', () => {
    let document = pickDocument(TODAYS_FILE);
    document = withProfileSettings(document, 'prod', { discoveryUrl: 'https://prod.example', clientId: 'p' });
    document = withProfileSettings(document, DEFAULT_PROFILE, { ...TODAYS_FILE, clientId: 'abc2' });
    expect(document).toEqual({
      ...TODAYS_FILE,
      clientId: 'abc2',
      profiles: { prod: { discoveryUrl: 'https://prod.example', clientId: 'p' } },
    });
    expect(profileNames(document)).toEqual([DEFAULT_PROFILE, 'prod']);
    expect(profileSettings(document, 'prod')).toEqual({
      discoveryUrl: 'https://prod.example',
      clientId: 'p',
    });
    expect(profileSettings(document, 'missing')).toEqual({});
  });

  it('drops unknown keys, secrets, bad profile names and non-objects when reading', () => {
    const document = pickDocument({
      clientId: 'a',
      clientSecret: 'never',
      profiles: {
        'bad name': { clientId: 'x' },
        ok: { clientId: 'y', token: 'no' },
        list: [],
        default: { clientId: 'z' },
      },
    });
    expect(document).toEqual({ clientId: 'a', profiles: { ok: { clientId: 'y' } } });
    expect(pickDocument(null)).toEqual({});
    expect(pickDocument([1])).toEqual({});
  });

  it('removes a profile, and the profiles key with the last one; the default profile is emptied', () => {
    const document = withProfileSettings(pickDocument(TODAYS_FILE), 'dev', { clientId: 'd' });
    expect(withoutProfile(document, 'dev')).toEqual(TODAYS_FILE);
    expect(withoutProfile(document, DEFAULT_PROFILE)).toEqual({ profiles: { dev: { clientId: 'd' } } });
  });

  it('lists the default profile only when it holds settings or nothing else exists', () => {
    const onlyInstaller = profileNames({}, { names: ['dev', 'prod'] });
    expect(onlyInstaller).toEqual(['dev', 'prod']);
    expect(profileNames({}, { names: ['dev'], defaultHasSettings: true })).toEqual([DEFAULT_PROFILE, 'dev']);
    expect(profileNames({ profiles: { dev: {} } }, { names: ['dev'] })).toEqual(['dev']);
    expect(profileNames({})).toEqual([DEFAULT_PROFILE]);
  });

  it('picks the flag, then COGNITO_PROFILE, then the one chosen, then the first', () => {
    const document = withProfileSettings(pickDocument(TODAYS_FILE), 'prod', { clientId: 'p' });
    const env = { COGNITO_PROFILE: 'prod' };
    expect(selectedProfile(document, {}, { flag: DEFAULT_PROFILE, env })).toBe(DEFAULT_PROFILE);
    expect(selectedProfile(document, {}, { env, chosen: DEFAULT_PROFILE })).toBe('prod');
    expect(selectedProfile(document, {}, { chosen: 'prod' })).toBe('prod');
    expect(selectedProfile(document, {}, { chosen: 'gone' })).toBe(DEFAULT_PROFILE);
    expect(selectedProfile(document, {}, { env: { COGNITO_PROFILE: '' } })).toBe(DEFAULT_PROFILE);
    expect(() => selectedProfile(document, {}, { flag: 'staging' })).toThrow(
      /There is no profile "staging"\. Profiles: default, prod\./,
    );
  });

  it('accepts command-line words as names and refuses the rest', () => {
    expect(checkProfileName('prod-eu.1')).toBe('prod-eu.1');
    for (const bad of ['', '-x', 'a b', 'x'.repeat(41), 'ü'])
      expect(() => checkProfileName(bad)).toThrow(/cannot name a profile/);
  });

  it('writes no empty profiles key, keeps other profiles on removal, and never lists default twice', () => {
    expect(pickDocument({ clientId: 'a', profiles: { 'bad name': {} } })).toEqual({ clientId: 'a' });
    const two = withProfileSettings(withProfileSettings({}, 'dev', { clientId: 'd' }), 'prod', {
      clientId: 'p',
    });
    expect(withoutProfile(two, 'dev')).toEqual({ profiles: { prod: { clientId: 'p' } } });
    expect(withoutProfile(two, DEFAULT_PROFILE)).toEqual(two);
    expect(profileNames({ clientId: 'x' }, { names: [DEFAULT_PROFILE, 'dev'] })).toEqual([
      DEFAULT_PROFILE,
      'dev',
    ]);
    expect(selectedProfile(two, {}, { chosen: 'prod' })).toBe('prod');
    expect(selectedProfile(two, {})).toBe('dev');
    expect(() => selectedProfile(two, {}, { flag: 'x' })).toThrow(
      expect.objectContaining({ code: 'invalid_settings' }),
    );
    expect(() => checkProfileName('a b')).toThrow(expect.objectContaining({ code: 'invalid_settings' }));
  });
});

describe('checkProfileName', () => {
  it.each(['..', '.', '../prod', 'prod/../x', 'a/b', 'a\\b', '/etc', '', ' prod', 'x'.repeat(41), 'ünï'])(
    'refuses %j: a profile name becomes part of keychain and file names',
    (name) => {
      expect(() => checkProfileName(name)).toThrow(
        expect.objectContaining({ code: 'invalid_settings' }) as Error,
      );
    },
  );

  it.each(['prod', 'dev-eu.1', 'Customer_A', 'x'.repeat(40)])('takes %j', (name) => {
    expect(checkProfileName(name)).toBe(name);
  });
});
