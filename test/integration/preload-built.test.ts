/**
 * The built preload (out/preload/index.cjs), run as Electron runs it, with `electron` stood in:
 * it exposes exactly one thing to the page, `api`, whose keys are the contract's methods, and
 * never ipcRenderer or anything that leads to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../preload/contract.ts';

const PRELOAD = 'out/preload/index.cjs';

function loadPreload() {
  if (!existsSync(PRELOAD)) throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown[]][] = [];
  const subscribed: string[] = [];
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push([channel, args]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (event: string) => subscribed.push(event),
    removeListener: () => undefined,
    send: () => undefined,
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer,
  };
  const required: string[] = [];
  runInNewContext(readFileSync(PRELOAD, 'utf8'), {
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`the preload required ${name}`);
    },
    module: { exports: {} },
    exports: {},
  });
  return { exposed, invoked, subscribed, ipcRenderer, required };
}

describe('the built preload', () => {
  it('exposes exactly `api`, with the contract’s methods and nothing else', () => {
    const { exposed, required } = loadPreload();
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(CHANNELS), 'onStateChanged', 'onOpenSettings', 'onProxySignIn'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(required).toEqual(['electron']);
  });

  it('never hands the page ipcRenderer, not even through a return value', async () => {
    const { exposed, ipcRenderer } = loadPreload();
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => unknown>;
    for (const value of Object.values(api)) expect(value).not.toBe(ipcRenderer);
    const results = await Promise.all(Object.keys(CHANNELS).map((method) => api[method]!()));
    for (const result of results) expect(result).not.toBe(ipcRenderer);
    const unsubscribe = api.onStateChanged!(() => undefined);
    expect(typeof unsubscribe).toBe('function');
    expect(unsubscribe).not.toBe(ipcRenderer.removeListener);
  });

  it('sends each method on its own channel, and listens only to the contract’s events', async () => {
    const { exposed, invoked, subscribed } = loadPreload();
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => unknown>;
    await api.copyText!('hello');
    await api.getState!();
    expect(invoked).toEqual([
      [CHANNELS.copyText, ['hello']],
      [CHANNELS.getState, []],
    ]);
    api.onStateChanged!(() => undefined);
    api.onOpenSettings!(() => undefined);
    api.onProxySignIn!(() => undefined);
    expect(subscribed).toEqual([EVENTS.stateChanged, EVENTS.openSettings, EVENTS.proxySignIn]);
  });
});
