/**
 * The app window, locked down as the Electron security checklist asks: isolated, sandboxed preload,
 * no Node in the page, navigation only within the app, no new windows, no webviews, no permissions.
 */
import { BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { originOf } from '../core/origin.ts';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rectangle } from '../core/window-state.ts';

/** Opens `url` in the system browser if it is https (the only links the app lets out). */
export function openHttpsExternally(url: string, openExternal: (url: string) => Promise<void>): void {
  if (url.startsWith('https://')) void openExternal(url);
}

/**
 * Keeps a window's page inside the app: navigation to another origin is stopped, new windows are
 * denied (https links go to the system browser), webviews are refused.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appOrigin: string,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) {
      event.preventDefault();
      openHttpsExternally(url, openExternal);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openHttpsExternally(url, openExternal);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications, geolocation…). */
export function denyAllPermissions(
  target: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Creates the main window where `placement` says (main/core/window-state.ts) and loads `startUrl`. */
export function createMainWindow(options: {
  preloadPath: string;
  iconPath?: string;
  appOrigin: string;
  startUrl: string;
  placement?: { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean };
}): BrowserWindow {
  denyAllPermissions(session.defaultSession);
  // Written out here, not built elsewhere, so a reader (and Electronegativity) sees every setting.
  const window = new BrowserWindow({
    ...(options.placement?.bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'cognito-desktop',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  hardenWebContents(window.webContents, options.appOrigin, (url) => shell.openExternal(url));
  if (options.placement?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.startUrl);
  return window;
}
