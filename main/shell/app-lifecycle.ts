/**
 * The app's life as the OS sees it: a second launch or a `cognito-desktop:` link focuses the
 * window (links carry no authorization data and nothing is read from them), closing the last
 * window quits unless the app keeps running, Quit stops updates and the session's timers.
 */
import { app } from 'electron';
import { closeKeepsRunning } from './tray.ts';
import type { MainWindow } from './main-window.ts';

export interface LifecycleDeps {
  window: MainWindow;
  keepRunning: () => 'on' | 'off';
  /** Before quitting: stop what runs in the background. */
  onQuit: () => void;
}

export function setupLifecycle({ window, keepRunning, onQuit }: LifecycleDeps): void {
  app.on('second-instance', () => window.focus());
  // macOS delivers the app's links as open-url.
  app.on('open-url', (event) => {
    event.preventDefault();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (!closeKeepsRunning(process.platform, keepRunning())) app.quit();
  });
  // macOS: clicking the Dock icon of a running app with no window shows it again.
  app.on('activate', () => window.focus());
  app.on('before-quit', () => {
    window.quit();
    onQuit();
  });
}

/** The one instance of the app, registered for `cognito-desktop:` links; false: another runs. */
export function claimSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  if (process.defaultApp)
    app.setAsDefaultProtocolClient('cognito-desktop', process.execPath, [process.argv[1] ?? '.']);
  else app.setAsDefaultProtocolClient('cognito-desktop');
  return true;
}
