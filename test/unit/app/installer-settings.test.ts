/** The installer's presets, provider.json (main/app/installer-settings.ts). */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { installerSettingsFile, parseInstallerSettings } from '../../../main/app/installer-settings.ts';

describe('provider.json', () => {
  it('reads known settings, keeps locks only for given settings, never a secret', () => {
    const parsed = parseInstallerSettings(
      JSON.stringify({
        settings: {
          discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
          clientId: 'abc',
          clientSecret: 'nope',
          other: 1,
        },
        locked: ['discoveryUrl', 'scopes', 'clientSecret'],
      }),
    );
    expect(parsed.values).toEqual({
      discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
      clientId: 'abc',
    });
    expect(parsed.locked).toEqual(['discoveryUrl']);
  });

  it('is found by the installed command next to the app’s resources, unless the environment names one', () => {
    const installed = '/opt/cognito-desktop/resources/cli/cognito-desktop';
    expect(installerSettingsFile({}, installed)).toBe('/opt/cognito-desktop/resources/provider.json');
    expect(installerSettingsFile({}, 'C:/Apps/cognito-desktop/resources/cli/cognito-desktop.exe')).toBe(
      join('C:/Apps/cognito-desktop/resources', 'provider.json'),
    );
    expect(installerSettingsFile({ COGNITO_DESKTOP_INSTALLER_SETTINGS: '/etc/p.json' }, installed)).toBe(
      '/etc/p.json',
    );
    expect(installerSettingsFile({}, '/usr/bin/node')).toBeUndefined();
  });

  it('reads installer profiles with their own presets, and whether people may add profiles', () => {
    const parsed = parseInstallerSettings(
      JSON.stringify({
        settings: { clientId: 'top' },
        profiles: {
          prod: {
            settings: { discoveryUrl: 'https://idp.example', clientSecret: 'nope' },
            locked: ['discoveryUrl'],
          },
          'bad name': { settings: { clientId: 'x' } },
          default: { settings: { clientId: 'ignored: the top level is the default profile' } },
        },
        userProfiles: false,
      }),
    );
    expect(parsed.values).toEqual({ clientId: 'top' });
    expect(parsed.profiles).toEqual({
      prod: { values: { discoveryUrl: 'https://idp.example' }, locked: ['discoveryUrl'] },
    });
    expect(parsed.userProfiles).toBe(false);
    expect(parseInstallerSettings('{}').userProfiles).toBeUndefined();
  });

  it('takes the identity providers as text or as a list of names and labels, and can lock them', () => {
    const listed = parseInstallerSettings(
      JSON.stringify({
        settings: {
          identityProviders: [
            { name: 'Google' },
            { name: 'AcmeSAML', label: 'Acme staff' },
            { label: 'no name' },
          ],
          emailFirst: 'on',
        },
        locked: ['identityProviders'],
      }),
    );
    expect(listed.values).toEqual({ identityProviders: 'Google, AcmeSAML=Acme staff', emailFirst: 'on' });
    expect(listed.locked).toEqual(['identityProviders']);
    const text = parseInstallerSettings(JSON.stringify({ identityProviders: 'Google, Facebook' }));
    expect(text.values).toEqual({ identityProviders: 'Google, Facebook' });
  });
});
