/** The contract's own code: the API the preload builds from two transports, the screen order. */
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS, SETTINGS_FIELDS, createApi, type AppState } from '../../../preload/contract.ts';

describe('createApi', () => {
  it('sends each method on its own channel with its arguments, and returns what comes back', async () => {
    const invoke = vi.fn((channel: string, args: unknown[]) =>
      Promise.resolve({ ok: true, value: [channel, args] }),
    );
    const api = createApi(invoke, () => () => undefined);
    for (const [method, channel] of Object.entries(CHANNELS)) {
      const call = api[method as keyof typeof CHANNELS] as (...args: unknown[]) => Promise<unknown>;
      await expect(call('x')).resolves.toEqual({ ok: true, value: [channel, ['x']] });
    }
    expect(invoke).toHaveBeenCalledTimes(Object.keys(CHANNELS).length);
  });

  it('passes state changes and "open settings" on to listeners, and stops when asked', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const unsubscribe = vi.fn();
    const api = createApi(
      () => Promise.resolve({ ok: true, value: null }),
      (event, listener) => {
        listeners.set(event, listener);
        return unsubscribe;
      },
    );
    const states: AppState[] = [];
    const stop = api.onStateChanged((state) => states.push(state));
    let opened = 0;
    api.onOpenSettings(() => (opened += 1));
    listeners.get(EVENTS.stateChanged)!({ status: 'unconfigured', emulatorOffered: false });
    listeners.get(EVENTS.openSettings)!(undefined);
    expect(states).toEqual([{ status: 'unconfigured', emulatorOffered: false }]);
    expect(opened).toBe(1);
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});

describe('SETTINGS_FIELDS', () => {
  it('lists the editable settings in screen order', () => {
    expect(SETTINGS_FIELDS).toEqual([
      'discoveryUrl',
      'clientId',
      'redirectUri',
      'logoutUri',
      'scopes',
      'usernameClaim',
      'groupsClaim',
      'tokenAuthMethod',
      'proxy',
      'caFile',
      'identityProviders',
      'emailFirst',
      'language',
      'identityPoolId',
      'roleArn',
      'apiUrl',
      'apiToken',
      'keepRunning',
      'startAtLogin',
    ]);
  });
});
