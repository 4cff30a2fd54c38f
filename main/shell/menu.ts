/**
 * The application menu, following each OS's conventions (macOS: the app menu first; elsewhere
 * File/Edit/View/Window/Help), with the account items enabled by session state.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppStatus } from '../app/app-status.ts';
import { t } from '../core/i18n.ts';

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
      label: accountLabel(a.name ?? t('First account'), several ? a.profile : undefined, a.signedIn),
      type: 'radio',
      checked: a.active && a.profile === switcher?.profile,
      click: () => actions.useAccount({ profile: a.profile, id: a.id }),
    }));
  return {
    id: 'accounts',
    label: t('Accounts'),
    submenu: [
      ...accounts,
      ...(accounts.length > 0 ? [{ type: 'separator' as const }] : []),
      {
        id: 'add-account',
        label: t('Add Account…'),
        enabled: enabled.addAccount,
        click: () => actions.addAccount(),
      },
      { id: 'manage-profiles', label: t('Manage Profiles…'), click: () => actions.openSettings() },
    ],
  };
}

/** "Alice (work)", "First account — signed out". */
function accountLabel(name: string, profile: string | undefined, signedIn: boolean): string {
  const named = profile ? t('{{name}} ({{profile}})', { name, profile }) : name;
  return signedIn ? named : t('{{account}} — signed out', { account: named });
}

/**
 * Edit and Window spelled out item by item: Electron's stock `editMenu`/`windowMenu` roles label
 * their items in English whatever the app's language.
 */
function editMenu(): MenuItemConstructorOptions {
  return {
    label: t('&Edit'),
    submenu: [
      { role: 'undo', label: t('Undo') },
      { role: 'redo', label: t('Redo') },
      { type: 'separator' },
      { role: 'cut', label: t('Cut') },
      { role: 'copy', label: t('Copy') },
      { role: 'paste', label: t('Paste') },
      { role: 'selectAll', label: t('Select All') },
    ],
  };
}

function windowMenu(): MenuItemConstructorOptions {
  return {
    role: 'window',
    label: t('&Window'),
    submenu: [
      { role: 'minimize', label: t('Minimize') },
      { role: 'zoom', label: t('Zoom') },
      { role: 'close', label: t('Close Window') },
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
    label: t('&View'),
    submenu: [
      { role: 'resetZoom', label: t('Actual Size') },
      { role: 'zoomIn', label: t('Zoom In') },
      { role: 'zoomOut', label: t('Zoom Out') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('Toggle Full Screen') },
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
      label: t('Sign In…'),
      accelerator: 'CmdOrCtrl+Shift+L',
      enabled: enabled.signIn,
      click: () => actions.signIn(),
    },
    {
      id: 'sign-out',
      label: t('Sign Out'),
      accelerator: 'CmdOrCtrl+Shift+O',
      enabled: enabled.signOut,
      click: () => actions.signOut(),
    },
    accountsMenu(state, actions, enabled),
  ];
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: t('Settings…'),
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('&Help'),
    submenu: [
      { id: 'help', label: t('cognito-desktop Help'), click: () => actions.openHelp() },
      { type: 'separator' },
      { id: 'open-logs', label: t('Open Logs Folder'), click: () => actions.openLogsFolder() },
      { id: 'copy-diagnostics', label: t('Copy Diagnostics'), click: () => actions.copyDiagnostics() },
      { type: 'separator' },
      updateReady
        ? {
            id: 'restart-to-update',
            label: t('Restart to Update ({{version}})', { version: updateReady }),
            click: () => actions.restartToUpdate(),
          }
        : {
            id: 'check-for-updates',
            label: t('Check for Updates…'),
            click: () => actions.checkForUpdates(),
          },
    ],
  };
  if (platform === 'darwin') {
    return [
      {
        label: 'cognito-desktop',
        submenu: [
          { role: 'about', label: t('About cognito-desktop') },
          { type: 'separator' },
          settings,
          {
            id: 'install-cli',
            label: t('Install Command Line Tool…'),
            click: () => actions.installCommandLineTool(),
          },
          { type: 'separator' },
          ...account,
          { type: 'separator' },
          { role: 'hide', label: t('Hide cognito-desktop') },
          { role: 'hideOthers', label: t('Hide Others') },
          { role: 'unhide', label: t('Show All') },
          { type: 'separator' },
          { role: 'quit', label: t('Quit cognito-desktop') },
        ],
      },
      editMenu(),
      viewMenu(devTools),
      windowMenu(),
      help,
    ];
  }
  return [
    {
      label: t('&File'),
      submenu: [
        ...account,
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'quit', label: t('Quit') },
      ],
    },
    editMenu(),
    viewMenu(devTools),
    windowMenu(),
    help,
  ];
}
