/**
 * The IPC layer: the sender policy, argument validation, and registration with a mocked ipcMain.
 */
import { describe, expect, it, vi } from 'vitest';
import { appSenderPolicy, createIpcHandlers, originOf, type Sender } from '../../../main/ipc/handlers.ts';
import { registerIpcHandlers, senderOf } from '../../../main/ipc/register.ts';
import { CHANNELS } from '../../../preload/contract.ts';
import type { AppController } from '../../../main/app-controller.ts';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

const APP = 'app://cognito-desktop';
const trusted: Sender = { frameUrl: `${APP}/index.html`, isMainFrame: true, webContentsId: 7 };
const policy = appSenderPolicy(APP, () => 7);

function fakeController(): AppController {
  return {
    state: vi.fn(() => ({ status: 'unconfigured', emulatorOffered: false })),
    signIn: vi.fn(() => Promise.resolve()),
    copyText: vi.fn(() => Promise.resolve()),
    validate: vi.fn(() => []),
    saveSettings: vi.fn(() => Promise.reject(new Error('boom: secret-value'))),
  } as unknown as AppController;
}

describe('sender policy', () => {
  it.each<[string, Sender, boolean]>([
    ['the app window’s top frame', trusted, true],
    ['an iframe of the app window', { ...trusted, isMainFrame: false }, false],
    ['another webContents', { ...trusted, webContentsId: 8 }, false],
    ['a page on another origin', { ...trusted, frameUrl: 'https://evil.example/' }, false],
    ['a file:// page', { ...trusted, frameUrl: 'file:///tmp/x.html' }, false],
    ['an unparsable URL', { ...trusted, frameUrl: '::' }, false],
  ])('%s → %s', (_name, sender, allowed) => {
    expect(policy(sender)).toBe(allowed);
  });

  it('computes origins of custom schemes (URL.origin says "null" for them)', () => {
    expect(originOf('app://cognito-desktop/x/y.js')).toBe(APP);
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
  });
});

describe('handlers', () => {
  it('refuses a foreign frame without calling the app', async () => {
    const app = fakeController();
    const handlers = createIpcHandlers(app, policy);
    const result = await handlers[CHANNELS.signIn]({ ...trusted, frameUrl: 'https://evil.example/' }, []);
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.any(String) as string },
    });
    expect(app.signIn).not.toHaveBeenCalled();
  });

  it.each<[string, unknown[]]>([
    [CHANNELS.signIn, ['unexpected']],
    [CHANNELS.copyText, []],
    [CHANNELS.copyText, [{ text: 'x' }]],
    [CHANNELS.copyText, ['x'.repeat(5000)]],
    [CHANNELS.validateSettings, ['not an object']],
    [CHANNELS.validateSettings, [{ discoveryUrl: 42 }]],
    [CHANNELS.saveSettings, [{ values: {}, clientSecret: 7 }]],
  ])('%s with bad arguments %j → bad_request, never a throw', async (channel, args) => {
    const handlers = createIpcHandlers(fakeController(), policy);
    const result = await handlers[channel as keyof typeof handlers](trusted, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('returns a mapped error instead of throwing, without the thrown text', async () => {
    const handlers = createIpcHandlers(fakeController(), policy);
    const result = await handlers[CHANNELS.saveSettings](trusted, [{ values: {} }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-value');
  });

  it('has one handler per channel of the contract', () => {
    expect(Object.keys(createIpcHandlers(fakeController(), policy)).sort()).toEqual(
      Object.values(CHANNELS).sort(),
    );
  });
});

describe('registration', () => {
  it('registers every channel with ipcMain.handle and describes the sender frame', async () => {
    const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipcMain = {
      handle: (channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) =>
        registered.set(channel, fn),
    };
    const app = fakeController();
    registerIpcHandlers(ipcMain as unknown as IpcMain, createIpcHandlers(app, policy));
    expect([...registered.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const mainFrame = { url: `${APP}/index.html` };
    const event = { senderFrame: mainFrame, sender: { id: 7, mainFrame } } as unknown as IpcMainInvokeEvent;
    expect(senderOf(event)).toEqual(trusted);
    await expect(registered.get(CHANNELS.getState)!(event)).resolves.toMatchObject({ ok: true });
    const iframe = {
      senderFrame: { url: `${APP}/index.html` },
      sender: { id: 7, mainFrame },
    } as unknown as IpcMainInvokeEvent;
    await expect(registered.get(CHANNELS.getState)!(iframe)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
