/**
 * The tray (Windows, Linux) or menu-bar (macOS) icon: the session's state at a glance, and Sign In,
 * Sign Out, Open and Quit without the window. What it shows is a pure function of the app's state
 * (tested); only {@link showTray} touches Electron.
 */
import type { MenuItemConstructorOptions, Tray } from 'electron';
import { signedInLabel, type AppStatus } from '../app/app-status.ts';
import { t } from '../core/i18n.ts';
import { minutesLeft } from '../core/session/session.ts';

export interface TrayActions {
  open(): void;
  signIn(): void;
  signOut(): void;
  quit(): void;
}

/** "Signed in as alice@example.com · expires in 42 min", "Signed out", … */
export function trayStatus(state: AppStatus, now: number): string {
  switch (state.status) {
    case 'unconfigured':
      return t('Not set up: open the app to enter your provider');
    case 'signed-out':
      return t('Signed out');
    case 'waiting':
      return t('Waiting for you to finish in your browser…');
    case 'signed-in': {
      return t('Signed in as {{name}} · expires in {{minutes}} min', {
        name: signedInLabel(state),
        minutes: minutesLeft(state.profile.expiresAt, now),
      });
    }
  }
}

export function trayMenuTemplate(
  state: AppStatus,
  actions: TrayActions,
  now: number,
): MenuItemConstructorOptions[] {
  return [
    { id: 'status', label: trayStatus(state, now), enabled: false },
    { type: 'separator' },
    { id: 'open', label: t('Open cognito-desktop'), click: () => actions.open() },
    state.status === 'signed-in'
      ? { id: 'sign-out', label: t('Sign Out'), click: () => actions.signOut() }
      : {
          id: 'sign-in',
          label: t('Sign In…'),
          enabled: state.status === 'signed-out',
          click: () => actions.signIn(),
        },
    { type: 'separator' },
    { id: 'quit', label: t('Quit cognito-desktop'), click: () => actions.quit() },
  ];
}

/**
 * The tray's icon file in `trayDir` (assets/tray; Electron adds the @2x file on dense screens): on
 * macOS a template image, which the menu bar tints for light, dark and highlighted; elsewhere the
 * colour icon drawn for 16 px (the 1024-px app icon blurs to mush at tray size).
 */
export function trayIconFile(platform: NodeJS.Platform, trayDir: string): string {
  return `${trayDir}/${platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'}`;
}

/**
 * In how many ms the tray's own text changes with nothing else happening — "expires in N min"
 * counts down — or undefined when it will not (signed out, or at 0 min: then the refresh or the
 * sign-out changes the state itself).
 */
export function nextTrayChangeIn(state: AppStatus, now: number): number | undefined {
  if (state.status !== 'signed-in') return undefined;
  const left = state.profile.expiresAt - now;
  // minutesLeft rounds half up, so the number shown drops just below each k minutes and a half.
  if (left < 30_000) return undefined;
  const lastHalfMinute = Math.floor((left - 30_000) / 60_000) * 60_000 + 30_000;
  return left - lastHalfMinute + 1;
}

/**
 * Whether closing the window leaves the app running: always on macOS (its apps do), elsewhere when
 * the keep-running setting is on.
 */
export function closeKeepsRunning(platform: NodeJS.Platform, keepRunning: 'on' | 'off'): boolean {
  return platform === 'darwin' || keepRunning === 'on';
}

/** Shows the icon with the menu for `state`; call again on each change of state. */
export function showTray(
  tray: Tray,
  state: AppStatus,
  actions: TrayActions,
  buildMenu: (template: MenuItemConstructorOptions[]) => Electron.Menu,
): void {
  tray.setToolTip(`cognito-desktop — ${trayStatus(state, Date.now())}`);
  tray.setContextMenu(buildMenu(trayMenuTemplate(state, actions, Date.now())));
}
