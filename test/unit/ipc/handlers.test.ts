/**
 * The IPC layer: the sender policy, argument validation, and registration with a mocked ipcMain.
 */
import { describe, expect, it, vi } from 'vitest';
import { appSenderPolicy, createIpcHandlers, type Sender } from '../../../main/ipc/handlers.ts';
import { originOf } from '../../../main/core/origin.ts';
import { registerIpcHandlers, senderOf } from '../../../main/ipc/register.ts';
import {
  ARGUMENTS,
  CHANNELS,
  EVENTS,
  type ArgumentKind,
  type RequestMethod,
} from '../../../preload/contract.ts';
import type { AppController } from '../../../main/app/app-controller.ts';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

const APP = 'app://cognito-desktop';
const trusted: Sender = { frameUrl: `${APP}/index.html`, isMainFrame: true, webContentsId: 7 };
const policy = appSenderPolicy(APP, () => 7);
const VALID_SETTINGS = {
  discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  clientId: 'c1',
  redirectUri: 'http://127.0.0.1:47621/callback',
  logoutUri: 'http://127.0.0.1:47621/signed-out',
  scopes: 'openid email profile',
  usernameClaim: 'email',
};

function fakeController(): AppController {
  return {
    state: vi.fn(() => ({ status: 'unconfigured', emulatorOffered: false })),
    signIns: { signIn: vi.fn(() => Promise.resolve()) },
    copyText: vi.fn(() => Promise.resolve()),
    settings: {
      validate: vi.fn(() => []),
      saveSettings: vi.fn(() => Promise.reject(new Error('boom: secret-value'))),
    },
  } as unknown as AppController;
}

/** A controller whose every member, at any depth (app.signIns.signIn), is a method recording its call. */
function recordingController(): { app: AppController; calls: string[] } {
  const calls: string[] = [];
  const member = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_, name) => member(`${path}.${String(name)}`),
      apply: () => {
        calls.push(path);
        // An empty answer: each handler shapes what it gets without failing on it.
        return Promise.resolve({});
      },
    });
  return { app: member('app') as AppController, calls };
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
    expect(app.signIns.signIn).not.toHaveBeenCalled();
  });

  /** Bad calls for each kind of argument the contract names. */
  const BAD_ARGUMENTS: Record<ArgumentKind, unknown[][]> = {
    none: [['unexpected'], [undefined], [{}, {}]],
    settings: [[], ['not an object'], [null], [{ discoveryUrl: 42 }], [[]], [VALID_SETTINGS, 'extra']],
    'save-input': [[], ['x'], [null], [{ values: {}, clientSecret: 7 }], [{ values: 'x' }], [{}, {}]],
    text: [[], [42], [{ text: 'x' }], ['x'.repeat(5000)], ['a', 'b']],
    account: [
      [],
      ['x'],
      [null],
      [{ profile: 'p' }],
      [{ profile: 1, id: '' }],
      [{ profile: 'p', id: 'a' }, 'extra'],
    ],
    'proxy-answer': [
      [],
      ['x'],
      [null],
      [{ answer: null }],
      [{ question: 'q', answer: { username: 'u', password: 'p' } }],
      [{ question: 'q', answer: { username: '', password: 'p', remember: false } }],
      [{ question: 'q', answer: { username: 'u', password: 7, remember: false } }],
      [{ question: 'q', answer: { username: 'u', password: 'x'.repeat(5000), remember: true } }],
      [null, null],
    ],
  };
  const rows = (Object.entries(ARGUMENTS) as [RequestMethod, ArgumentKind][]).flatMap(([method, kind]) =>
    BAD_ARGUMENTS[kind].map((args) => [CHANNELS[method], method, args] as const),
  );

  it('has bad-argument rows for every channel of the contract', () => {
    expect(new Set(rows.map(([channel]) => channel))).toEqual(new Set(Object.values(CHANNELS)));
  });

  it.each(rows)(
    '%s with bad arguments → bad_request, the app never called',
    async (channel, method, args) => {
      const { app, calls } = recordingController();
      const handlers = createIpcHandlers(app, policy);
      const result = await handlers[channel](trusted, [...args]);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(calls, `${method} must not reach the app`).toEqual([]);
    },
  );

  it.each([
    [CHANNELS.signIn, ['x'], 'this call takes no arguments.'],
    [CHANNELS.copyText, [], 'this call takes one argument.'],
    [CHANNELS.copyText, [42], 'text must be text.'],
    [CHANNELS.copyText, ['x'.repeat(4097)], 'text must be text.'],
    [CHANNELS.validateSettings, ['x'], 'settings must be an object.'],
    [CHANNELS.validateSettings, [{ clientId: 7 }], 'clientId must be text.'],
    [CHANNELS.saveSettings, ['x'], 'save input must be an object.'],
    [CHANNELS.saveSettings, [{ values: VALID_SETTINGS, clientSecret: 7 }], 'clientSecret must be text.'],
    [
      CHANNELS.answerProxySignIn,
      [{ question: 'q', answer: { username: 'u', password: 'p' } }],
      'remember must be true or false.',
    ],
    [
      CHANNELS.answerProxySignIn,
      [{ question: 'q', answer: { username: '', password: 'p', remember: true } }],
      'username must not be empty.',
    ],
    [
      CHANNELS.answerProxySignIn,
      [{ question: 'q', answer: 'u:p' }],
      'the proxy answer must be an object or null.',
    ],
    [CHANNELS.answerProxySignIn, ['u:p'], 'the proxy reply must be an object.'],
    [CHANNELS.answerProxySignIn, [{ answer: null }], 'question must be text.'],
  ] as const)('%s %j: says why', async (channel, args, message) => {
    const handlers = createIpcHandlers(fakeController(), policy);
    expect(await handlers[channel](trusted, [...args])).toEqual({
      ok: false,
      error: { code: 'bad_request', message },
    });
  });

  it('takes text of 4,096 characters, and fills settings left out with empty text', async () => {
    const app = fakeController();
    const handlers = createIpcHandlers(app, policy);
    expect(await handlers[CHANNELS.copyText](trusted, ['x'.repeat(4096)])).toMatchObject({ ok: true });
    await handlers[CHANNELS.validateSettings](trusted, [{ clientId: 'c' }]);
    expect(app.settings.validate).toHaveBeenCalledWith(
      expect.objectContaining({ clientId: 'c', discoveryUrl: '' }),
    );
  });

  it('tells an untrusted page plainly', async () => {
    const handlers = createIpcHandlers(fakeController(), policy);
    expect(await handlers[CHANNELS.getState]({ ...trusted, isMainFrame: false }, [])).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This page may not use the app’s API.' },
    });
  });

  it.each(Object.entries(ARGUMENTS) as [RequestMethod, ArgumentKind][])(
    '%s with good arguments reaches the app',
    async (method, kind) => {
      const { app, calls } = recordingController();
      const good: Record<ArgumentKind, unknown[]> = {
        none: [],
        settings: [VALID_SETTINGS],
        'save-input': [{ values: VALID_SETTINGS, clientSecret: 's' }],
        text: ['some text'],
        'proxy-answer': [{ question: 'q', answer: { username: 'u', password: 'p', remember: false } }],
        account: [{ profile: 'work', id: '' }],
      };
      const result = await createIpcHandlers(app, policy)[CHANNELS[method]](trusted, good[kind]);
      expect(result).toMatchObject({ ok: true });
      expect(calls).toHaveLength(1);
    },
  );

  it('returns a mapped error instead of throwing, without the thrown text', async () => {
    const handlers = createIpcHandlers(fakeController(), policy);
    const result = await handlers[CHANNELS.saveSettings](trusted, [{ values: {} }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-value');
  });

  it('keeps the channel names: a renamed channel would break a preload of another build', () => {
    expect(Object.values(CHANNELS).sort()).toEqual([
      'accounts:add',
      'accounts:sign-out',
      'accounts:use',
      'api:call',
      'api:call-userinfo',
      'aws:get-status',
      'clipboard:write-text',
      'profiles:add',
      'profiles:remove',
      'profiles:use',
      'proxy:answer-sign-in',
      'session:cancel-sign-in',
      'session:copy-sign-in-link',
      'session:get-state',
      'session:open-browser-again',
      'session:sign-in',
      'session:sign-in-on-another-device',
      'session:sign-in-with',
      'session:sign-in-with-email',
      'session:sign-out',
      'settings:check',
      'settings:get',
      'settings:save',
      'settings:use-emulator',
      'settings:validate',
    ]);
    expect(Object.values(EVENTS).sort()).toEqual([
      'menu:settings-requested',
      'proxy:sign-in-requested',
      'session:state-changed',
    ]);
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
