/**
 * The application menu, following each OS's conventions (macOS: the app menu first; elsewhere
 * File/Edit/View/Window/Help), with the account items enabled by session state.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppStatus } from '../app/app-status.ts';

export interface MenuActions {
  signIn(): void;
  signOut(): void;
  addAccount(): void;
  useAccount(account: { profile: string; id: string }): void;
  openSettings(): void;
  openHelp(): void;
  /** Help → Open Logs Folder. */
  openLogsFolder(): void;
  /** Help → Copy Diagnostics (versions, settings, the check, log lines: redacted). */
  copyDiagnostics(): void;
  /** Help → Check for Updates…. */
  checkForUpdates(): void;
  /** Restart to Update (once one is downloaded and verified). */
  restartToUpdate(): void;
  /** macOS: put the installed `cognito-desktop` command on the PATH. */
  installCommandLineTool(): void;
}

/** Which account items make sense in `state`. */
export function accountItemsEnabled(state: AppStatus): {
  signIn: boolean;
  signOut: boolean;
  addAccount: boolean;
} {
  return {
    signIn: state.status === 'signed-out',
    signOut: state.status === 'signed-in',
    addAccount: state.status === 'signed-in',
  };
}

/**
 * The Accounts submenu: every signed-in account (the active one checked; its profile named when
 * there are several), then Add Account… and Manage Profiles….
 */
function accountsMenu(
  state: AppStatus,
  actions: MenuActions,
  enabled: { addAccount: boolean },
): MenuItemConstructorOptions {
  const switcher = state.switcher;
  const several = (switcher?.profiles.length ?? 0) > 1;
  const accounts: MenuItemConstructorOptions[] = (switcher?.accounts ?? [])
    .filter((a) => a.signedIn || a.name !== undefined)
    .map((a) => ({
      id: `account:${a.profile}/${a.id}`,
      label: `${a.name ?? 'First account'}${several ? ` (${a.profile})` : ''}${a.signedIn ? '' : ' — signed out'}`,
      type: 'radio',
      checked: a.active && a.profile === switcher?.profile,
      click: () => actions.useAccount({ profile: a.profile, id: a.id }),
    }));
  return {
    id: 'accounts',
    label: 'Accounts',
    submenu: [
      ...accounts,
      ...(accounts.length > 0 ? [{ type: 'separator' as const }] : []),
      {
        id: 'add-account',
        label: 'Add Account…',
        enabled: enabled.addAccount,
        click: () => actions.addAccount(),
      },
      { id: 'manage-profiles', label: 'Manage Profiles…', click: () => actions.openSettings() },
    ],
  };
}

/**
 * View: zoom and full screen. Developer tools only in development: a packaged app that holds
 * tokens should not offer a console into its page. (Electron's stock View menu would also claim
 * Ctrl+Shift+I, which is why "Sign In…" uses Ctrl+Shift+L.)
 */
function viewMenu(devTools: boolean): MenuItemConstructorOptions {
  return {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
}

/** The menu template for `platform` and `state`; `devTools` adds Toggle Developer Tools (development). */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  state: AppStatus,
  actions: MenuActions,
  devTools = false,
  /** The version downloaded and waiting for a restart. */
  updateReady?: string,
): MenuItemConstructorOptions[] {
  const enabled = accountItemsEnabled(state);
  const account: MenuItemConstructorOptions[] = [
    {
      id: 'sign-in',
      label: 'Sign In…',
      accelerator: 'CmdOrCtrl+Shift+L',
      enabled: enabled.signIn,
      click: () => actions.signIn(),
    },
    {
      id: 'sign-out',
      label: 'Sign Out',
      accelerator: 'CmdOrCtrl+Shift+O',
      enabled: enabled.signOut,
      click: () => actions.signOut(),
    },
    accountsMenu(state, actions, enabled),
  ];
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { id: 'help', label: 'cognito-desktop Help', click: () => actions.openHelp() },
      { type: 'separator' },
      { id: 'open-logs', label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
      { id: 'copy-diagnostics', label: 'Copy Diagnostics', click: () => actions.copyDiagnostics() },
      { type: 'separator' },
      updateReady
        ? {
            id: 'restart-to-update',
            label: `Restart to Update (${updateReady})`,
            click: () => actions.restartToUpdate(),
          }
        : { id: 'check-for-updates', label: 'Check for Updates…', click: () => actions.checkForUpdates() },
    ],
  };
  if (platform === 'darwin') {
    return [
      {
        label: 'cognito-desktop',
        submenu: [
          { role: 'about' },
          { type: 'separator' },
          settings,
          {
            id: 'install-cli',
            label: 'Install Command Line Tool…',
            click: () => actions.installCommandLineTool(),
          },
          { type: 'separator' },
          ...account,
          { type: 'separator' },
          { role: 'hide' },
          { role: 'hideOthers' },
          { role: 'unhide' },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      viewMenu(devTools),
      { role: 'windowMenu' },
      help,
    ];
  }
  return [
    {
      label: '&File',
      submenu: [...account, { type: 'separator' }, settings, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    viewMenu(devTools),
    { role: 'windowMenu' },
    help,
  ];
}
