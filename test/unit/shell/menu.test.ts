/** The application menu (main/shell/menu.ts) for each state and OS, and the window's title. */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../main/shell/menu.ts';
import { windowTitle, type AppStatus } from '../../../main/app/app-status.ts';

const provider = { name: 'pool.auth.eu-west-1.amazoncognito.com', issuer: 'https://x', isEmulator: false };
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
      { status: 'waiting', provider, startedAt: 0, expiresAt: 1, offersDevice: false },
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
    expect(
      windowTitle({ status: 'waiting', provider, startedAt: 0, expiresAt: 1, offersDevice: false }),
    ).toBe('cognito-desktop');
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
