/**
 * A scripted `window.api` for component tests of the screens (decisions of the UI only). The
 * browser journeys use the real handlers instead.
 */
import { vi } from 'vitest';
import { settingLabels } from '../../main/app/settings-use-cases.ts';
import { settingsValues } from '../support/settings-values.ts';
import type { Api, AppState, ProxySignInRequestDto, Result, SettingsView } from '../../preload/contract.ts';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const PROVIDER = {
  name: 'eu-west-1_X',
  issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
  isEmulator: false,
};

export const SETTINGS_VIEW: SettingsView = {
  values: settingsValues({
    discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X',
    clientId: 'abc123',
  }),
  labels: settingLabels(),
  locked: [],
  managed: [],
  fromInstaller: [],
  hasClientSecret: true,
  callbackUrl: 'http://127.0.0.1:47621/callback',
  signOutUrl: 'http://127.0.0.1:47621/signed-out',
};

export function fakeApi(state: AppState): Api & {
  emit(state: AppState): void;
  openSettings(): void;
  askProxySignIn(request: ProxySignInRequestDto | null): void;
} {
  const stateListeners = new Set<(s: AppState) => void>();
  const settingsListeners = new Set<() => void>();
  const proxyListeners = new Set<(request: ProxySignInRequestDto | null) => void>();
  return {
    getState: vi.fn(() => Promise.resolve(ok(state))),
    signIn: vi.fn(() => Promise.resolve(ok(null))),
    signInWith: vi.fn(() => Promise.resolve(ok(null))),
    signInWithEmail: vi.fn(() => Promise.resolve(ok(null))),
    cancelSignIn: vi.fn(() => Promise.resolve(ok(null))),
    copySignInLink: vi.fn(() => Promise.resolve(ok(null))),
    openBrowserAgain: vi.fn(() => Promise.resolve(ok(null))),
    signInOnAnotherDevice: vi.fn(() => Promise.resolve(ok(null))),
    signOut: vi.fn(() => Promise.resolve(ok(null))),
    addAccount: vi.fn(() => Promise.resolve(ok(null))),
    useAccount: vi.fn(() => Promise.resolve(ok(null))),
    signOutAccount: vi.fn(() => Promise.resolve(ok(null))),
    useProfile: vi.fn(() => Promise.resolve(ok(null))),
    addProfile: vi.fn(() => Promise.resolve(ok(null))),
    removeProfile: vi.fn(() => Promise.resolve(ok(null))),
    callUserInfo: vi.fn(() => Promise.resolve(ok({ sub: 's-1', email: 'a@example.com' }))),
    callApi: vi.fn(() =>
      Promise.resolve(
        ok({
          url: 'https://api.example.com/hello',
          status: 200,
          statusText: 'OK',
          ms: 84,
          body: '{\n  "hello": "alice"\n}',
          truncated: false,
        }),
      ),
    ),
    getAwsStatus: vi.fn(() =>
      Promise.resolve(
        ok({
          state: 'ready' as const,
          identityId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
          expiresAt: Date.now() + 59 * 60_000,
        }),
      ),
    ),
    getSettings: vi.fn(() => Promise.resolve(ok(SETTINGS_VIEW))),
    validateSettings: vi.fn(() =>
      Promise.resolve(
        ok({ problems: [], callbackUrl: SETTINGS_VIEW.callbackUrl, signOutUrl: SETTINGS_VIEW.signOutUrl }),
      ),
    ),
    saveSettings: vi.fn(() => Promise.resolve(ok(SETTINGS_VIEW))),
    checkConfiguration: vi.fn(() =>
      Promise.resolve(
        ok({
          ok: false,
          callbackUrl: SETTINGS_VIEW.callbackUrl,
          signOutUrl: SETTINGS_VIEW.signOutUrl,
          checks: [
            {
              id: 'discovery',
              label: 'Discovery document is reachable and well-formed',
              ok: true,
              detail: 'Issuer x.',
            },
            {
              id: 'logout',
              label: 'Provider sign-out page (end_session_endpoint)',
              ok: true,
              warning: true,
              detail: 'None published.',
            },
            {
              id: 'port',
              label: 'Redirect port 47621 is free',
              ok: false,
              detail: 'Port 47621 is in use.',
              fix: 'Close the program using the port.',
            },
          ],
        }),
      ),
    ),
    copyText: vi.fn(() => Promise.resolve(ok(null))),
    useEmulator: vi.fn(() => Promise.resolve(ok(null))),
    answerProxySignIn: vi.fn(() => Promise.resolve(ok(null))),
    onStateChanged: (listener) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onOpenSettings: (listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    onProxySignIn: (listener) => {
      proxyListeners.add(listener);
      return () => proxyListeners.delete(listener);
    },
    askProxySignIn: (request) => proxyListeners.forEach((l) => l(request)),
    emit: (next) => stateListeners.forEach((l) => l(next)),
    openSettings: () => settingsListeners.forEach((l) => l()),
  };
}
