/**
 * The language the app speaks: the setting, else the OS's; English until the app chooses (the
 * command line never does); German in menus, tray, errors, setting problems and the browser pages.
 */
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appLanguage, currentLanguage, t, useLanguage } from '../../main/core/i18n.ts';
import { signedInPage, signedOutPage } from '../../main/core/loopback/loopback-pages.ts';
import { buildMenuTemplate, type MenuActions } from '../../main/shell/menu.ts';
import { trayStatus } from '../../main/shell/tray.ts';
import { toAuthError } from '../../main/core/errors.ts';
import type { AppStatus } from '../../main/app/app-status.ts';
import { findSettingsProblems } from '../../main/core/settings/settings.ts';

describe('the language', () => {
  afterEach(() => useLanguage('en'));

  it.each([
    ['de', 'en-US', 'de'],
    ['de-CH', 'en-US', 'de'],
    ['DE', 'en-US', 'de'],
    ['', 'de-AT', 'de'],
    ['', 'de_DE', 'de'],
    ['fr', 'de-DE', 'en'],
    ['', 'fr-FR', 'en'],
    ['', 'en-GB', 'en'],
    ['  ', 'de-DE', 'de'],
  ])('setting %j on a %s system: the app speaks %s', (setting, os, expected) => {
    expect(appLanguage(setting, os)).toBe(expected);
  });

  it('keeps its i18next instance when asked for the language it speaks (every rebuild asks)', async () => {
    await useLanguage('de');
    const created = vi.spyOn(i18next, 'createInstance');
    await useLanguage('de');
    expect(created).not.toHaveBeenCalled();
    expect(t('Sign Out')).toBe('Abmelden');
    // English needs no i18next: switching to it sets none up; German again sets up one.
    await useLanguage('en');
    expect(created).not.toHaveBeenCalled();
    expect(t('Sign Out')).toBe('Sign Out');
    await useLanguage('de');
    expect(created).toHaveBeenCalledTimes(1);
    created.mockRestore();
  });

  it('is English before the app chooses (the command line never does)', () => {
    expect(currentLanguage()).toBe('en');
    expect(t('Sign Out')).toBe('Sign Out');
    expect(t('Redirect port {{port}} is free', { port: 47611 })).toBe('Redirect port 47611 is free');
  });

  it('German reaches menus, tray, errors, setting problems and the browser pages', async () => {
    await useLanguage('de');
    expect(currentLanguage()).toBe('de');
    const actions = new Proxy({}, { get: () => () => undefined }) as MenuActions;
    const signedOut: AppStatus = {
      status: 'signed-out',
      provider: { issuer: 'https://idp.example', name: 'idp.example', isEmulator: false },
      identityProviders: [],
      emailFirst: false,
    };
    const menu = buildMenuTemplate('linux', signedOut, actions);
    expect(menu.map((m) => m.label)).toEqual(['&Datei', '&Bearbeiten', '&Ansicht', '&Fenster', '&Hilfe']);
    const file = menu[0]!.submenu as { label?: string }[];
    expect(file.map((i) => i.label)).toContain('Anmelden…');
    expect(trayStatus(signedOut, 0)).toBe('Abgemeldet');
    expect(toAuthError(new TypeError('fetch failed')).message).toMatch(
      /^Der Anbieter ist nicht erreichbar: /,
    );
    expect(findSettingsProblems({ clientId: 'x' })[0]!.message).toBe(
      'Discovery-URL ist erforderlich: Fügen Sie den Issuer oder die Discovery-URL des User Pools ein.',
    );
    expect(signedInPage()).toContain('<html lang="de">');
    expect(signedInPage()).toContain('<h1>Angemeldet</h1>');
    expect(signedOutPage()).toContain('Sie sind bei cognito-desktop und beim Anbieter abgemeldet.');
    // Values go in as they are: texts go to menus and notifications, not HTML.
    expect(t('Sign-out opens {{url}}.', { url: 'https://idp/logout?a=1&b=<2>' })).toBe(
      'Die Abmeldung öffnet https://idp/logout?a=1&b=<2>.',
    );
    await useLanguage('en');
    expect(signedInPage()).toContain('<html lang="en">');
    expect(t('Sign Out')).toBe('Sign Out');
  });
});
