/**
 * The built Electron main process (out/main/index.js), loaded in Node with `electron` mocked — the
 * real binary cannot run here (npm run test:electron runs it where it can). This checks the
 * composition root: single-instance lock, app:// protocol, IPC registration and sender check, the
 * window's settings, the menu, and state pushed to the window; against the real core, the
 * emulator and the keychain.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS, EVENTS } from '../../preload/contract.ts';
import { useRealParts } from '../support/real-parts.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';

const PORT = 47616;
const SERVICE = `cognito-desktop-main-${process.pid}`;

const electron = await vi.hoisted(async () => {
  const { makeElectronStandIn } = await import('../support/electron-stand-in.ts');
  return makeElectronStandIn();
});

vi.mock('electron', async () => {
  // Chromium's network stack, for this test: Node's http to the emulator on loopback.
  const { nodeNetRequest } = await import('../support/node-net-request.ts');
  const api = { ...electron.api, net: { request: nodeNetRequest } };
  return { ...api, default: api };
});

const parts = useRealParts({
  redirectUri: `http://127.0.0.1:${PORT}/callback`,
  logoutUri: `http://127.0.0.1:${PORT}/signed-out`,
  keychainService: SERVICE,
  chromium: false,
});

function eventFrom(url: string, mainFrame = true): unknown {
  const frame = { url };
  return { senderFrame: frame, sender: { id: 1, mainFrame: mainFrame ? frame : {} } };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

beforeAll(async () => {
  if (!existsSync('out/main/index.js'))
    throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  Object.assign(process.env, {
    COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cognito-desktop-main-')),
    COGNITO_DISCOVERY_URL: parts.emulator.issuer,
    COGNITO_CLIENT_ID: PUBLIC_CLIENT_ID,
    COGNITO_REDIRECT_URI: `http://127.0.0.1:${PORT}/callback`,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: SERVICE,
  });
  // @ts-expect-error the built bundle has no type declarations
  await import('../../out/main/index.js');
  await until(() => electron.windows.length > 0);
});

describe('the built main process', () => {
  it('registers a handler for every channel, refusing frames other than the app window’s', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const getState = electron.ipcHandlers.get(CHANNELS.getState)!;
    await expect(getState(eventFrom('app://cognito-desktop/index.html'))).resolves.toMatchObject({
      ok: true,
      value: { status: 'signed-out' },
    });
    await expect(getState(eventFrom('https://evil.example/'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(getState(eventFrom('app://cognito-desktop/index.html', false))).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('opens one locked-down window on app://, and pushes state to it', async () => {
    const [window] = electron.windows;
    expect(window!.loaded).toBe('app://cognito-desktop/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(
      /out\/preload\/index\.cjs$/,
    );
    // A change of state (here: the profile chosen again through the page's API) reaches the page.
    const useProfile = electron.ipcHandlers.get(CHANNELS.useProfile)!;
    await expect(useProfile(eventFrom('app://cognito-desktop/index.html'), 'default')).resolves.toMatchObject(
      {
        ok: true,
      },
    );
    await until(() => window!.sent.some(([channel]) => channel === EVENTS.stateChanged));
    const pushed = window!.sent.find(([channel]) => channel === EVENTS.stateChanged);
    // In the OS's language, which Electron reports (Node's locale here is English).
    expect(pushed?.[1]).toMatchObject({ status: 'signed-out', language: 'de' });
  });

  it('shows the tray icon with the state and its menu', async () => {
    await until(() => electron.trays[0]?.tooltip !== undefined);
    expect(electron.trays).toHaveLength(1);
    expect(electron.trays[0]!.tooltip).toBe('cognito-desktop — Abgemeldet');
    // The icon drawn for trays (16 px, @2x beside it), not the 1024-px app icon.
    expect(electron.trays[0]!.icon).toMatch(/assets\/tray\/tray\.png$/);
    expect(existsSync(electron.trays[0]!.icon!)).toBe(true);
    const menu = electron.trays[0]!.menu as MenuItemConstructorOptions[];
    expect(menu.map((item) => item.id ?? item.type)).toEqual([
      'status',
      'separator',
      'open',
      'sign-in',
      'separator',
      'quit',
    ]);
  });

  it('keeps the built window inside the app: navigation by origin, no new windows, no webviews, no permissions', () => {
    const [window] = electron.windows;
    const navigate = window!.contentsListeners.get('will-navigate')!;
    const tried = (url: string): boolean => {
      let prevented = false;
      navigate({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    for (const url of [
      'https://evil.example/',
      'app://cognito-desktop.evil.example/index.html',
      'app://cognito-desktop@evil.example/index.html',
      'file:///etc/passwd',
    ])
      expect(tried(url), url).toBe(true);
    expect(tried('app://cognito-desktop/index.html')).toBe(false);
    expect(window!.openHandler!({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(window!.openHandler!({ url: 'app://cognito-desktop/index.html' })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    window!.contentsListeners.get('will-attach-webview')!({
      preventDefault: () => (webviewPrevented = true),
    });
    expect(webviewPrevented).toBe(true);
    expect(electron.permissionHandlers.length).toBeGreaterThan(0);
    for (const handler of electron.permissionHandlers) {
      let granted: unknown;
      const answer = handler({}, 'media', (allowed: unknown) => (granted = allowed), {});
      expect(granted ?? answer).toBe(false);
    }
  });

  it('serves the built renderer on app:// with the CSP, and nothing outside it', async () => {
    const serve = electron.protocol()!;
    const page = await serve(new Request('app://cognito-desktop/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await serve(new Request('app://cognito-desktop/..%2F..%2Fpackage.json'))).status).not.toBe(200);
    expect((await serve(new Request('app://cognito-desktop/missing.js'))).status).toBe(404);
  });

  it('builds the menu from the state, and focuses the window on a second launch', () => {
    const items = electron.menus.at(-1)!.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    expect(electron.menus.at(-1)!.map((m) => m.label)).toEqual([
      '&Datei',
      '&Bearbeiten',
      '&Ansicht',
      '&Fenster',
      '&Hilfe',
    ]);
    expect(items.find((i) => i.id === 'sign-in')?.label).toBe('Anmelden…');
    expect(items.find((i) => i.id === 'sign-in')?.enabled).toBe(true);
    expect(items.find((i) => i.id === 'sign-out')?.enabled).toBe(false);
    const before = electron.windows[0]!.focused;
    electron.listeners.get('second-instance')!();
    expect(electron.windows[0]!.focused).toBe(before + 1);
  });
});
