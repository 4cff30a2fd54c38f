/**
 * The Electron main process: composition and app lifecycle only. Everything that decides lives in
 * main/core and main/app; everything that touches Electron is wired here.
 */
import { readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  Tray,
  type BrowserWindow,
} from 'electron';
import { windowToOpen, withClosedWindow, type Rectangle } from './core/window-state.ts';
import { readWindowStates, writeWindowStates } from './adapters/window-state-file.ts';
import { netRequestFetch } from './shell/net-request-fetch.ts';
import { ProxySignIn } from './core/network/proxy-sign-in.ts';
import { DEFAULT_KEYCHAIN_SERVICE } from './core/settings/settings.ts';
import { installCommandLineTool } from './adapters/command-line-tool.ts';
import { AppController, type EmulatorLauncher } from './app/app-controller.ts';
import { APP_ORIGIN, APP_SCHEME, appResponseHeaders, resolveAppFile } from './shell/app-protocol.ts';
import { ElectronClipboard, ElectronSettingsStore, ShellBrowser } from './shell/electron-adapters.ts';
import { electronNetwork } from './shell/electron-network.ts';
import { KeytarSecretStore } from './adapters/keytar-secret-store.ts';
import { appSenderPolicy, createIpcHandlers } from './ipc/handlers.ts';
import { originOf } from './core/origin.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { loadInstallerSettings } from './app/installer-settings.ts';
import { developmentSwitches } from './app/development-switches.ts';
import { buildMenuTemplate } from './shell/menu.ts';
import { withoutSecrets } from './core/browser-command.ts';
import { installLastResort } from './core/last-resort.ts';
import { SETTINGS_SUBFOLDERS, securePrivateFolder } from './core/settings/private-folder.ts';
import { t } from './core/i18n.ts';
import { createMainWindow } from './shell/window.ts';
import { EVENTS } from '../preload/contract.ts';
import { windowTitle, type AppStatus } from './app/app-status.ts';
import { toAppState } from './ipc/wire.ts';
import { logLevelFrom, openLogFile } from './adapters/log-file.ts';
import { Updates, describeCheck, updatesSetting } from './app/updates.ts';
import { electronUpdater } from './shell/auto-updater.ts';
import { closeKeepsRunning, showTray } from './shell/tray.ts';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '../renderer');
const PRELOAD = join(here, '../preload/index.cjs');
/** Help → the AWS guide to app clients, where the callback and sign-out URLs are registered. */
const HELP_URL =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html';
/** Set by `npm start` in development only; an installed build ignores them. */
const DEVELOPMENT = developmentSwitches(process.env, app.isPackaged);
const DEV_SERVER_URL = DEVELOPMENT.devServerUrl;

/**
 * The environment as the app started with it, for the settings. Then the process's own copy loses
 * `COGNITO_*` and anything named like a secret: what the OS opener and the browser it starts
 * inherit (shell.openExternal passes this process's environment on).
 */
const startupEnv = { ...process.env };
/** How many log lines Copy Diagnostics includes. */
const DIAGNOSTICS_LOG_LINES = 200;

/** The runtime versions support asks for. */
function pickVersions(versions: NodeJS.ProcessVersions): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of ['electron', 'chrome', 'node', 'v8']) if (versions[name]) picked[name] = versions[name];
  return picked;
}
const inheritable = withoutSecrets(process.env);
for (const name of Object.keys(process.env)) if (!(name in inheritable)) delete process.env[name];

installLastResort({
  verbose: !app.isPackaged,
  write: (line) => console.error(line),
  exit: (code) => app.exit(code),
});

// app:// must be a standard, secure scheme so the page gets a real origin and no file:// powers.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);

/** The emulator `npm start` started when nothing was configured (development only). */
function emulatorFromEnv(): EmulatorLauncher | undefined {
  const preset = DEVELOPMENT.emulatorPreset;
  if (!preset) return undefined;
  return { start: () => Promise.resolve(JSON.parse(preset) as Record<string, string>) };
}

/** Install Command Line Tool… (macOS): links the command shipped in the app's resources, says how it went. */
async function installCommandLine(window: BrowserWindow | undefined): Promise<void> {
  const command = join(process.resourcesPath, 'cli', 'cognito-desktop');
  const options = await installCommandLineTool(command).then(
    ({ linkPath }) => ({
      type: 'info' as const,
      message: t('The cognito-desktop command is installed.'),
      detail: t('{{path}} now runs it: try “cognito-desktop status” in a new Terminal window.', {
        path: linkPath,
      }),
    }),
    (error: unknown) => ({
      type: 'warning' as const,
      message: t('The cognito-desktop command was not installed.'),
      detail: (error as Error).message,
    }),
  );
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/** The screens' work areas, the primary one first. */
function workAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

function focus(window: BrowserWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  app.focus({ steal: true });
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(RENDERER_DIR, request.url);
  if (!file.ok) return new Response('Not found', { status: file.status });
  try {
    return new Response(await readFile(file.path), { headers: appResponseHeaders(file.contentType) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function setupApp(): void {
  const configDir = startupEnv.COGNITO_DESKTOP_CONFIG_DIR ?? app.getPath('userData');
  try {
    securePrivateFolder(configDir, SETTINGS_SUBFOLDERS);
    securePrivateFolder(app.getPath('logs'));
  } catch (error) {
    // Nothing is read from a folder another user could have written: say why, and stop.
    dialog.showErrorBox(t('cognito-desktop cannot start'), (error as Error).message);
    app.exit(2);
    return;
  }
  const appOrigin = (DEV_SERVER_URL && originOf(DEV_SERVER_URL)) || APP_ORIGIN;
  let window: BrowserWindow | undefined;
  // The OS's usual log folder (~/Library/Logs/cognito-desktop on macOS, <userData>/logs elsewhere).
  const log = openLogFile(app.getPath('logs'), logLevelFrom(startupEnv));
  log.info(
    `cognito-desktop ${app.getVersion()} starting (${process.platform} ${release()}, ${process.arch})`,
  );

  let updates: Updates | undefined;
  let tray: Tray | undefined;
  /** Set by Quit (menu, tray, the OS): the window's close then really closes. */
  let quitting = false;
  const trayActions = {
    open: () => focus(window),
    signIn: () => void controller.signIn().catch(() => undefined),
    signOut: () => void controller.signOut().catch(() => undefined),
    quit: () => app.quit(),
  };
  const showNotification = (title: string, body: string, onClick: () => void): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    notification.on('click', onClick);
    notification.show();
  };
  const restartToUpdate = (): void => {
    const outcome = updates?.restart();
    if (outcome && !outcome.restarted) void dialog.showMessageBox({ type: 'info', message: outcome.message });
  };

  const refreshMenu = (state: AppStatus): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          process.platform,
          state,
          {
            signIn: () => void controller.signIn().catch(() => undefined),
            signOut: () => void controller.signOut().catch(() => undefined),
            addAccount: () => void controller.addAccount().catch(() => undefined),
            useAccount: (account) => void controller.useAccount(account).catch(() => undefined),
            openSettings: () => {
              focus(window);
              window?.webContents.send(EVENTS.openSettings);
            },
            openHelp: () => void shell.openExternal(HELP_URL),
            openLogsFolder: () => void shell.openPath(log.dir),
            copyDiagnostics: () =>
              void controller
                .copyDiagnostics({
                  versions: { app: app.getVersion(), ...pickVersions(process.versions) },
                  os: { platform: process.platform, release: release(), arch: process.arch },
                  logLines: log.lastLines(DIAGNOSTICS_LOG_LINES),
                })
                .catch((error: unknown) => log.warn(`Copy Diagnostics failed: ${String(error)}`)),
            installCommandLineTool: () => void installCommandLine(window),
            checkForUpdates: () =>
              void updates
                ?.check()
                .then((outcome) =>
                  dialog.showMessageBox({ type: 'info', message: describeCheck(outcome, app.getVersion()) }),
                ),
            restartToUpdate,
          },
          !app.isPackaged,
          updates?.readyVersion(),
        ),
      ),
    );
  };

  const installer = loadInstallerSettings(join(process.resourcesPath ?? '', 'provider.json'));
  const emulator = emulatorFromEnv();
  const secretStore = new KeytarSecretStore();
  // A proxy that asks for credentials gets the window's dialog; remembered ones are in the keychain.
  const proxySignIn = new ProxySignIn(
    (request) => controller.askProxyCredentials(request),
    secretStore,
    startupEnv.COGNITO_DESKTOP_KEYCHAIN_SERVICE ?? DEFAULT_KEYCHAIN_SERVICE,
  );
  const networkOf = (of: Electron.Session) =>
    electronNetwork(of, {
      fetch: netRequestFetch(
        (options) => net.request(options),
        of,
        (challenge) => proxySignIn.answer(challenge),
      ),
    });
  const controller: AppController = new AppController({
    logger: log,
    configDir,
    settingsStore: new ElectronSettingsStore(configDir),
    secretStore,
    browser: new ShellBrowser(),
    networkFor: networkOf(session.defaultSession),
    // Checking unsaved settings uses a session of its own: the live one keeps the saved proxy.
    checkNetworkFor: networkOf(session.fromPartition('check-configuration')),
    clipboard: new ElectronClipboard(),
    env: startupEnv,
    // The user's first language in the OS's settings; asked when a session is built (after ready).
    systemLanguage: () => app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    ...(installer ? { installer } : {}),
    ...(emulator ? { emulator } : {}),
    onStateChanged: (status) => {
      window?.webContents.send(EVENTS.stateChanged, toAppState(status));
      window?.setTitle(windowTitle(status));
      refreshMenu(status);
      if (tray) showTray(tray, status, trayActions, (template) => Menu.buildFromTemplate(template));
    },
    onSignedIn: () => focus(window),
    notify: ({ title, body }) => showNotification(title, body, () => focus(window)),
    onProxySignIn: (request) => {
      if (request) focus(window);
      window?.webContents.send(EVENTS.proxySignIn, request ?? null);
    },
  });

  // A second launch (or a cognito-desktop:// link on Windows and Linux) focuses this window; on
  // macOS the link arrives as open-url. Links carry no authorization data and nothing is read from them.
  app.on('second-instance', () => focus(window));
  app.on('open-url', (event) => {
    event.preventDefault();
    focus(window);
  });
  app.on('window-all-closed', () => {
    if (!closeKeepsRunning(process.platform, controller.keepRunning())) app.quit();
  });
  // macOS: clicking the Dock icon of a running app with no window shows it again.
  app.on('activate', () => focus(window));
  app.on('before-quit', () => {
    quitting = true;
    updates?.stop();
    controller.dispose();
  });

  void app.whenReady().then(async () => {
    protocol.handle(APP_SCHEME, serveAppFile);
    registerIpcHandlers(
      ipcMain,
      createIpcHandlers(
        controller,
        appSenderPolicy(appOrigin, () => window?.webContents.id),
      ),
    );
    await controller.init();
    const setting = updatesSetting(installer?.updates, app.isPackaged);
    updates = new Updates(
      setting.enabled ? await electronUpdater(setting.url, (m) => log.info(m)) : undefined,
      setting,
      {
        signInWaiting: () => controller.state().status === 'waiting',
        onReady: (version) => {
          refreshMenu(controller.state());
          showNotification(
            t('An update is ready'),
            t('cognito-desktop {{version}} is downloaded. Click to restart and update.', { version }),
            restartToUpdate,
          );
        },
        log: (m) => log.info(m),
      },
    );
    updates.start();
    const windowStates = readWindowStates(configDir);
    window = createMainWindow({
      preloadPath: PRELOAD,
      iconPath: join(here, '../../assets/icon.png'),
      appOrigin,
      startUrl: DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`,
      placement: windowToOpen(windowStates, workAreas()),
    });
    const opened = window;
    // Remembered for this display setup: the size before maximising, and whether it was maximised.
    opened.on('close', (event: Electron.Event) => {
      const closed = { bounds: opened.getNormalBounds(), maximized: opened.isMaximized() };
      writeWindowStates(configDir, withClosedWindow(windowStates, workAreas(), closed));
      // Kept running (macOS, or the setting): the window hides; the session and its refreshes go on.
      if (!quitting && closeKeepsRunning(process.platform, controller.keepRunning())) {
        event.preventDefault();
        opened.hide();
      }
    });
    window.on('closed', () => (window = undefined));
    refreshMenu(controller.state());
    tray = new Tray(join(here, '../../assets/icon.png'));
    tray.on('click', () => focus(window));
    showTray(tray, controller.state(), trayActions, (template) => Menu.buildFromTemplate(template));
  });
}

if (app.requestSingleInstanceLock()) {
  if (process.defaultApp)
    app.setAsDefaultProtocolClient('cognito-desktop', process.execPath, [process.argv[1] ?? '.']);
  else app.setAsDefaultProtocolClient('cognito-desktop');
  setupApp();
} else {
  app.quit();
}
