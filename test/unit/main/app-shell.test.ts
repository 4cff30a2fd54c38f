/** The pure parts of the app shell: the menu, the app:// file resolution, installer presets. */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { buildMenuTemplate, type MenuActions } from '../../../main/shell/menu.ts';
import { APP_CSP, resolveAppFile } from '../../../main/shell/app-protocol.ts';
import { installerSettingsFile, parseInstallerSettings } from '../../../main/app/installer-settings.ts';
import { windowTitle, type AppStatus } from '../../../main/app/app-status.ts';
import type { MenuItemConstructorOptions } from 'electron';

const provider = { domain: 'pool.auth.eu-west-1.amazoncognito.com', issuer: 'https://x', isEmulator: false };
const actions: MenuActions = {
  signIn: vi.fn(),
  signOut: vi.fn(),
  addAccount: vi.fn(),
  useAccount: vi.fn(),
  openSettings: vi.fn(),
  openHelp: vi.fn(),
  openLogsFolder: vi.fn(),
  copyDiagnostics: vi.fn(),
  checkForUpdates: vi.fn(),
  restartToUpdate: vi.fn(),
  installCommandLineTool: vi.fn(),
};

/** A signed-in user, as the menu and the title see them. */
const PROFILE = {
  username: 'alice@example.com',
  usernameClaim: 'email',
  subject: 's',
  groups: [],
  expiresAt: 0,
  signedInAt: 0,
  persisted: true,
};

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('application menu', () => {
  it.each<[string, AppStatus, Record<string, boolean>]>([
    [
      'signed out',
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
      { 'sign-in': true, 'sign-out': false, 'add-account': false },
    ],
    [
      'waiting',
      { status: 'waiting', provider, startedAt: 0, expiresAt: 1 },
      { 'sign-in': false, 'sign-out': false, 'add-account': false },
    ],
    [
      'signed in',
      {
        status: 'signed-in',
        provider,
        autoRefresh: true,
        aws: false,
        profile: PROFILE,
      },
      { 'sign-in': false, 'sign-out': true, 'add-account': true },
    ],
  ])('enables the account items when %s', (_name, state, expected) => {
    const all = items(buildMenuTemplate('linux', state, actions));
    for (const [id, enabled] of Object.entries(expected))
      expect(all.find((i) => i.id === id)?.enabled).toBe(enabled);
  });

  it('lists the accounts (the one in use checked, profiles named when several) and switches on click; the title names the account', () => {
    const profile = PROFILE;
    const switcher = {
      profile: 'prod',
      canAddProfiles: true,
      profiles: [
        { name: 'default', selected: false, fromInstaller: false, configured: true },
        { name: 'prod', selected: true, fromInstaller: false, configured: true },
      ],
      accounts: [
        { profile: 'default', id: '', name: 'alice@example.com', active: true, signedIn: true },
        { profile: 'prod', id: 'b1', name: 'alice@example.com', active: true, signedIn: true },
        { profile: 'prod', id: 'c2', name: 'bob@example.com', active: false, signedIn: false },
        { profile: 'prod', id: '', name: undefined, active: false, signedIn: false },
      ],
    };
    const state: AppStatus = {
      status: 'signed-in',
      provider,
      autoRefresh: true,
      aws: false,
      profile,
      switcher,
    };
    const all = items(buildMenuTemplate('linux', state, actions));
    const listed = all.filter((i) => i.id?.startsWith('account:'));
    expect(listed.map((i) => [i.label, i.checked])).toEqual([
      ['alice@example.com (default)', false],
      ['alice@example.com (prod)', true],
      ['bob@example.com (prod) — signed out', false],
    ]);
    (listed[2]!.click as () => void)();
    expect(actions.useAccount).toHaveBeenCalledWith({ profile: 'prod', id: 'c2' });
    (all.find((i) => i.id === 'manage-profiles')!.click as () => void)();
    expect(actions.openSettings).toHaveBeenCalled();
    expect(windowTitle(state)).toBe('alice@example.com (prod) — cognito-desktop');
    expect(windowTitle({ ...state, switcher: { ...switcher, profiles: [switcher.profiles[1]!] } })).toBe(
      'alice@example.com — cognito-desktop',
    );
    expect(windowTitle({ status: 'waiting', provider, startedAt: 0, expiresAt: 1 })).toBe('cognito-desktop');
  });

  it('offers Open Logs Folder and Copy Diagnostics in Help on every OS', () => {
    const state: AppStatus = { status: 'signed-out', provider, identityProviders: [], emailFirst: false };
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = items(buildMenuTemplate(platform, state, actions));
      (all.find((i) => i.id === 'open-logs')!.click as () => void)();
      (all.find((i) => i.id === 'copy-diagnostics')!.click as () => void)();
    }
    expect(actions.openLogsFolder).toHaveBeenCalledTimes(3);
    expect(actions.copyDiagnostics).toHaveBeenCalledTimes(3);
    // Check for Updates… until one is downloaded; then Restart to Update names the version.
    const before = items(buildMenuTemplate('linux', state, actions));
    (before.find((i) => i.id === 'check-for-updates')!.click as () => void)();
    expect(actions.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(before.some((i) => i.id === 'restart-to-update')).toBe(false);
    const after = items(buildMenuTemplate('linux', state, actions, false, '0.2.0'));
    const restart = after.find((i) => i.id === 'restart-to-update')!;
    expect(restart.label).toBe('Restart to Update (0.2.0)');
    (restart.click as () => void)();
    expect(actions.restartToUpdate).toHaveBeenCalledTimes(1);
    expect(after.some((i) => i.id === 'check-for-updates')).toBe(false);
  });

  it('follows each OS: the app menu first on macOS, File elsewhere; Settings with Cmd/Ctrl+,', () => {
    const mac = buildMenuTemplate(
      'darwin',
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
      actions,
    );
    expect(mac[0]!.label).toBe('cognito-desktop');
    const win = buildMenuTemplate(
      'win32',
      { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
      actions,
    );
    expect(win[0]!.label).toBe('&File');
    // macOS only: the deb and the Windows installer put the command on the PATH themselves.
    const install = items(mac).find((i) => i.id === 'install-cli');
    expect(install?.label).toBe('Install Command Line Tool…');
    (install?.click as () => void)();
    expect(actions.installCommandLineTool).toHaveBeenCalledTimes(1);
    expect(items(win).some((i) => i.id === 'install-cli')).toBe(false);
    expect(win.map((m) => m.role ?? m.label)).toEqual(['&File', '&Edit', '&View', 'window', 'help']);
    // Edit and Window spelled out (so they can be translated), with the roles that do the work.
    const roles = items(win).map((i) => i.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'minimize', 'close'])
      expect(roles).toContain(role);
    expect(items(win).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(
      items(
        buildMenuTemplate(
          'win32',
          { status: 'signed-out', provider, identityProviders: [], emailFirst: false },
          actions,
          true,
        ),
      ).some((i) => i.role === 'toggleDevTools'),
    ).toBe(true);
    const accelerators = items(win).flatMap((i) => (i.accelerator ? [String(i.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(accelerators).not.toContain('CmdOrCtrl+Shift+I');
    const settings = items(win).find((i) => i.id === 'settings')!;
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    const signOut = items(win).find((i) => i.id === 'sign-out')!;
    (signOut.click as () => void)();
    expect(actions.signOut).toHaveBeenCalled();
  });
});

describe('app:// files', () => {
  const root = '/opt/app/renderer';
  it.each([
    ['app://cognito-desktop/', `${root}/index.html`],
    ['app://cognito-desktop/index.html', `${root}/index.html`],
    ['app://cognito-desktop/assets/index-abc.js', `${root}/assets/index-abc.js`],
  ])('serves %s', (url, path) => {
    expect(resolveAppFile(root, url)).toMatchObject({ ok: true, path });
  });

  it.each([
    'app://cognito-desktop/../../etc/passwd.html',
    'app://cognito-desktop/%2e%2e/%2e%2e/etc/passwd.html',
    'app://cognito-desktop/..%2f..%2fsecret.json',
    'app://cognito-desktop/assets/..%2F..%2F..%2Fetc%2Fpasswd.html',
  ])('never resolves %s outside the renderer folder', (url) => {
    const result = resolveAppFile(root, url);
    if (result.ok) expect(result.path.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://cognito-desktop/..%2f..%2fsecret.json',
    'app://cognito-desktop/assets/%5c..%5csecret.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://cognito-desktop/no-type',
    'app://cognito-desktop/%00.html',
  ])('refuses %s', (url) => {
    const result = resolveAppFile(root, url);
    expect(result.ok).toBe(false);
  });

  it('has a strict CSP: self only, no network, no inline', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).not.toContain('unsafe');
  });
});

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
