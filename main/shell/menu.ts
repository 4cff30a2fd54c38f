/**
 * The application menu, following each OS's conventions (macOS: the app menu first; elsewhere
 * File/Edit/View/Window/Help), with the account items enabled by session state.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppStatus } from '../app/app-status.ts';

export interface MenuActions {
  signIn(): void;
  signOut(): void;
  signInAsSomeoneElse(): void;
  openSettings(): void;
  openHelp(): void;
  /** macOS: put the installed `cognito-desktop` command on the PATH. */
  installCommandLineTool(): void;
}

/** Which account items make sense in `state`. */
export function accountItemsEnabled(state: AppStatus): {
  signIn: boolean;
  signOut: boolean;
  switchUser: boolean;
} {
  return {
    signIn: state.status === 'signed-out',
    signOut: state.status === 'signed-in',
    switchUser: state.status === 'signed-in',
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
    {
      id: 'switch-user',
      label: 'Sign In as Someone Else…',
      enabled: enabled.switchUser,
      click: () => actions.signInAsSomeoneElse(),
    },
  ];
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.openSettings(),
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ id: 'help', label: 'cognito-desktop Help', click: () => actions.openHelp() }],
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
