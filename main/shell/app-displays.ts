/**
 * Where the app's state shows: the window (its state event and title), the application menu and
 * the tray; and how the controller reaches the person (focus, notifications, the proxy dialog).
 */
import { app } from 'electron';
import type { AppController, AppControllerDeps } from '../app/app-controller.ts';
import { windowTitle, type AppStatus } from '../app/app-status.ts';
import type { Updates } from '../app/updates.ts';
import type { LogFile } from '../adapters/log-file.ts';
import { toAppState } from '../ipc/wire.ts';
import { EVENTS } from '../../preload/contract.ts';
import { setupAppMenu } from './app-menu.ts';
import { AppTray } from './app-tray.ts';
import { restartToUpdate } from './app-updates.ts';
import type { MainWindow } from './main-window.ts';
import { showNotification } from './notifications.ts';
import type { LoginItem } from './login-item.ts';

export interface AppDisplays {
  /** The controller's callbacks to the person (AppControllerDeps). */
  ui: Pick<AppControllerDeps, 'onStateChanged' | 'onSignedIn' | 'notify' | 'onProxySignIn'>;
  refreshMenu: (state: AppStatus) => void;
  tray: AppTray;
}

export function setupDisplays(deps: {
  window: MainWindow;
  log: LogFile;
  controller: () => AppController;
  updates: () => Updates | undefined;
  /** Follows the start-at-login setting, which any saved settings may change. */
  loginItem: LoginItem;
}): AppDisplays {
  const { window } = deps;
  const quietly = (action: (controller: AppController) => Promise<unknown>) => () =>
    void action(deps.controller()).catch(() => undefined);
  const tray = new AppTray({
    open: () => window.focus(),
    signIn: quietly((c) => c.signIns.signIn()),
    signOut: quietly((c) => c.signOut()),
    quit: () => app.quit(),
  });
  const refreshMenu = setupAppMenu({ ...deps, restartToUpdate: () => restartToUpdate(deps.updates()) });
  return {
    tray,
    refreshMenu,
    ui: {
      onStateChanged: (status) => {
        window.send(EVENTS.stateChanged, toAppState(status));
        window.setTitle(windowTitle(status));
        refreshMenu(status);
        tray.show(status);
        deps.loginItem.apply(deps.controller().startAtLogin());
      },
      onSignedIn: () => window.focus(),
      notify: ({ title, body }) => showNotification(title, body, () => window.focus()),
      onProxySignIn: (request) => {
        if (request) window.focus();
        window.send(EVENTS.proxySignIn, request ?? null);
      },
    },
  };
}
