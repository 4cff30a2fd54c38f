/**
 * The window glue with `electron` mocked (the Electron binary cannot run here): the security
 * settings the window is created with, and the handlers that keep the page in the app.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  listeners: Map<string, (...args: unknown[]) => void>;
  openHandler?: (d: { url: string }) => unknown;
  loaded?: string;
  once: Map<string, () => void>;
  shown: number;
}[] = [];
const openExternal = vi.fn(() => Promise.resolve());
const permissionHandlers: {
  request?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  check?: () => boolean;
} = {};

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: {
      on: (event: string, fn: (...args: unknown[]) => void) => void;
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void;
    };
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, listeners: new Map(), once: new Map(), shown: 0 };
      created.push(record);
      this.webContents = {
        on: (event, fn) => record.listeners.set(event, fn),
        setWindowOpenHandler: (fn) => (record.openHandler = fn),
      };
    }
    once(event: string, fn: () => void): void {
      created.at(-1)!.once.set(event, fn);
    }
    show(): void {
      created.at(-1)!.shown += 1;
    }
    loadURL(url: string): Promise<void> {
      created.at(-1)!.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof permissionHandlers.request) =>
          (permissionHandlers.request = fn),
        setPermissionCheckHandler: (fn: typeof permissionHandlers.check) => (permissionHandlers.check = fn),
      },
    },
  };
});

const { createMainWindow } = await import('../../../main/shell/window.ts');

const APP = 'app://cognito-desktop';

beforeEach(() => {
  created.length = 0;
  openExternal.mockClear();
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    appOrigin: APP,
    startUrl: `${APP}/index.html`,
  });
});

function event(): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn() };
}

describe('the app window', () => {
  it('opens hidden until its page is ready, titled, without experimental or drag-and-drop surprises', () => {
    const window = created[0]!;
    expect(window.options).toMatchObject({ show: false, title: 'cognito-desktop' });
    expect(window.options).not.toHaveProperty('icon');
    expect(window.options.webPreferences).toMatchObject({
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
    expect(window.shown).toBe(0);
    window.once.get('ready-to-show')!();
    expect(window.shown).toBe(1);
    created.length = 0;
    createMainWindow({
      preloadPath: '/p',
      appOrigin: APP,
      startUrl: `${APP}/index.html`,
      iconPath: '/icon.png',
    });
    expect(created[0]!.options.icon).toBe('/icon.png');
  });

  it.each([
    ['https://evil.example/', true],
    [`${APP}.evil.example/index.html`, true],
    [`${APP}/index.html`, false],
  ])('a redirect to %s is prevented: %s', (url, prevented) => {
    const e = event();
    created[0]!.listeners.get('will-redirect')!(e, url);
    expect(e.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('is created isolated, sandboxed, without Node, webviews or weakened web security', () => {
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(prefs.webSecurity).not.toBe(false);
    expect(created[0]!.loaded).toBe(`${APP}/index.html`);
  });

  it.each([
    ['https://evil.example/', true, true],
    ['http://127.0.0.1:47621/callback', true, false],
    ['file:///etc/passwd', true, false],
    // Look-alikes that a check by string prefix would let through: only the origin counts.
    [`${APP}.evil.example/index.html`, true, false],
    [`${APP}@evil.example/index.html`, true, false],
    [`${APP}:8080/index.html`, true, false],
    [`${APP.replace('app:', 'apps:')}/index.html`, true, false],
    [`${APP}/index.html`, false, false],
    [`${APP}/settings/../index.html#x`, false, false],
  ])('navigation to %s: prevented %s, opened in the system browser %s', (url, prevented, external) => {
    const e = event();
    created[0]!.listeners.get('will-navigate')!(e, url);
    expect(e.preventDefault).toHaveBeenCalledTimes(prevented ? 1 : 0);
    expect(openExternal).toHaveBeenCalledTimes(external ? 1 : 0);
  });

  it('denies new windows, sending only https links to the system browser', () => {
    expect(created[0]!.openHandler!({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://docs.example/');
    expect(created[0]!.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews', () => {
    const e = event();
    created[0]!.listeners.get('will-attach-webview')!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      permissionHandlers.request!({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(permissionHandlers.check!()).toBe(false);
  });
});
