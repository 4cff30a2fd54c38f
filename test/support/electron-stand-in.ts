/**
 * A stand-in for the `electron` module, for loading the built main process (out/main/index.js) in
 * Node: it records what the main process asks of Electron (windows, IPC handlers, menus, trays,
 * permission handlers, the app:// handler) so a test can look, and answers the rest plainly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface ElectronStandInOptions {
  /** `app.isPackaged`: an installed build (true) or a development run. */
  isPackaged?: boolean;
}

export function makeElectronStandIn(options: ElectronStandInOptions = {}) {
  // app.getPath's folders (userData, logs): private, as a user's are.
  const appFolder = mkdtempSync(join(tmpdir(), 'cognito-desktop-electron-'));

  const listeners = new Map<string, (...args: unknown[]) => void>();
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const windows: {
    options: Record<string, unknown>;
    loaded?: string;
    sent: [string, unknown][];
    focused: number;
    title?: string;
    contentsListeners: Map<string, (...args: unknown[]) => unknown>;
    openHandler?: (details: { url: string }) => unknown;
  }[] = [];
  const permissionHandlers: ((...args: unknown[]) => unknown)[] = [];
  const menus: MenuItemConstructorOptions[][] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  class BrowserWindow {
    record: (typeof windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, sent: [], focused: 0, contentsListeners: new Map() };
      windows.push(this.record);
      const record = this.record;
      const mainFrame = {};
      this.webContents = {
        id: 1,
        mainFrame,
        on: (event: string, fn: (...args: unknown[]) => unknown) => record.contentsListeners.set(event, fn),
        setWindowOpenHandler: (fn: (details: { url: string }) => unknown) => (record.openHandler = fn),
        send: (channel: string, payload: unknown) => record.sent.push([channel, payload]),
      };
    }
    once(): void {}
    on(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded = url;
      return Promise.resolve();
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    setTitle(title: string): void {
      this.record.title = title;
    }
    show(): void {}
    maximize(): void {}
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 10, width: 980, height: 720 };
    }
    focus(): void {
      this.record.focused += 1;
    }
  }
  const trays: { icon?: string; tooltip?: string; menu?: unknown; destroyed?: boolean }[] = [];
  class Tray {
    record: (typeof trays)[number] = {};
    constructor(icon: string) {
      this.record.icon = icon;
      trays.push(this.record);
    }
    on(): void {}
    destroy(): void {
      this.record.destroyed = true;
    }
    setToolTip(text: string): void {
      this.record.tooltip = text;
    }
    setContextMenu(menu: unknown): void {
      this.record.menu = menu;
    }
  }
  const errorBoxes: { title: string; content: string }[] = [];
  const exits: number[] = [];
  const api = {
    Tray,
    dialog: {
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showMessageBox: () => Promise.resolve({ response: 0 }),
    },
    app: {
      requestSingleInstanceLock: () => true,
      setAsDefaultProtocolClient: () => true,
      on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => join(appFolder, name),
      isPackaged: options.isPackaged ?? false,
      getVersion: () => '0.1.0',
      // A German system: the app speaks German (the language setting is empty here).
      getPreferredSystemLanguages: () => ['de-DE', 'en-US'],
      getLocale: () => 'de',
      focus: () => undefined,
      quit: () => undefined,
      exit: (code: number) => exits.push(code),
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => (protocolHandler = fn),
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        ipcHandlers.set(channel, fn),
      on: () => undefined,
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: MenuItemConstructorOptions[]) => menus.push(menu),
    },
    BrowserWindow,
    session: {
      fromPartition: () => ({
        setProxy: () => Promise.resolve(),
        resolveProxy: () => Promise.resolve('DIRECT'),
        setCertificateVerifyProc: () => undefined,
      }),
      defaultSession: {
        setPermissionRequestHandler: (fn: (...args: unknown[]) => unknown) => permissionHandlers.push(fn),
        setPermissionCheckHandler: (fn: (...args: unknown[]) => unknown) => permissionHandlers.push(fn),
        setProxy: () => Promise.resolve(),
        resolveProxy: () => Promise.resolve('DIRECT'),
        setCertificateVerifyProc: () => undefined,
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    Notification: { isSupported: () => false },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    clipboard: { writeText: () => Promise.resolve() },
  };
  return {
    api,
    listeners,
    ipcHandlers,
    windows,
    menus,
    trays,
    permissionHandlers,
    protocol: () => protocolHandler,
    errorBoxes,
    exits,
  };
}

export type ElectronStandIn = ReturnType<typeof makeElectronStandIn>;
