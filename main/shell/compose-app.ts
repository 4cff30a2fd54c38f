/**
 * The app controller with Electron's parts: the network through Chromium (system proxy, PAC, the
 * OS's certificates), the proxy sign-in dialog, the keychain, electron-store, the clipboard and the
 * OS opener. What decides stays in main/app and main/core.
 */
import { app, net, session } from 'electron';
import { AppController, type AppControllerDeps } from '../app/app-controller.ts';
import type { InstallerSettings } from '../app/installer-settings.ts';
import { KeytarSecretStore } from '../adapters/keytar-secret-store.ts';
import type { Logger } from '../core/ports.ts';
import { ProxySignIn } from '../core/network/proxy-sign-in.ts';
import { DEFAULT_KEYCHAIN_SERVICE } from '../core/settings/settings.ts';
import { ElectronClipboard, ElectronSettingsStore, ShellBrowser } from './electron-adapters.ts';
import { electronNetwork } from './electron-network.ts';
import { netRequestFetch } from './net-request-fetch.ts';

export interface AppParts {
  configDir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  installer: InstallerSettings | undefined;
  /** The emulator's settings `npm start` hands a development run, as JSON. */
  emulatorPreset: string | undefined;
  /** How the controller tells the window, menu and tray (the rest of AppControllerDeps). */
  ui: Pick<AppControllerDeps, 'onStateChanged' | 'onSignedIn' | 'notify' | 'onProxySignIn'>;
}

export function createAppController(parts: AppParts): AppController {
  const secretStore = new KeytarSecretStore();
  // A proxy that asks for credentials gets the window's dialog; remembered ones are in the keychain.
  const proxySignIn = new ProxySignIn(
    (request) => controller.proxyQuestion.ask(request),
    secretStore,
    parts.env.COGNITO_DESKTOP_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE,
  );
  const networkOf = (of: Electron.Session) =>
    electronNetwork(of, {
      fetch: netRequestFetch(
        (options) => net.request(options),
        of,
        (challenge) => proxySignIn.answer(challenge),
      ),
    });
  const { emulatorPreset } = parts;
  const controller: AppController = new AppController({
    logger: parts.logger,
    configDir: parts.configDir,
    settingsStore: new ElectronSettingsStore(parts.configDir),
    secretStore,
    browser: new ShellBrowser(),
    networkFor: networkOf(session.defaultSession),
    // Checking unsaved settings uses a session of its own: the live one keeps the saved proxy.
    checkNetworkFor: networkOf(session.fromPartition('check-configuration')),
    clipboard: new ElectronClipboard(),
    env: parts.env,
    // The user's first language in the OS's settings; asked when a session is built (after ready).
    systemLanguage: () => app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    ...(parts.installer ? { installer: parts.installer } : {}),
    ...(emulatorPreset
      ? { emulator: { start: () => Promise.resolve(JSON.parse(emulatorPreset) as Record<string, string>) } }
      : {}),
    ...parts.ui,
  });
  return controller;
}
