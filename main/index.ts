/**
 * The Electron main process: composition and app lifecycle only. `setupApp` calls the `setupX()`
 * functions of main/shell; everything that decides lives in main/core and main/app.
 */
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain } from 'electron';
import type { AppController } from './app/app-controller.ts';
import { developmentSwitches } from './app/development-switches.ts';
import { loadInstallerSettings, type InstallerSettings } from './app/installer-settings.ts';
import type { Updates } from './app/updates.ts';
import { followPolicy } from './app/follow-policy.ts';
import { policyPollInterval, systemPolicyReader } from './adapters/policy/system-policy.ts';
import { logLevelFrom, openLogFile, type LogFile } from './adapters/log-file.ts';
import { withoutSecrets } from './core/browser-command.ts';
import { installLastResort } from './core/last-resort.ts';
import { originOf } from './core/origin.ts';
import { appSenderPolicy, createIpcHandlers } from './ipc/handlers.ts';
import { registerIpcHandlers } from './ipc/register.ts';
import { APP_ORIGIN } from './shell/app-protocol.ts';
import { registerAppScheme, setupAppProtocol, setupPrivateFolders } from './shell/app-startup.ts';
import { setupDisplays, type AppDisplays } from './shell/app-displays.ts';
import { restartToUpdate, setupUpdates, updateReadyText } from './shell/app-updates.ts';
import { claimSingleInstance, setupLifecycle } from './shell/app-lifecycle.ts';
import { createAppController } from './shell/compose-app.ts';
import { MainWindow } from './shell/main-window.ts';
import { showNotification } from './shell/notifications.ts';
import { setupLoginItem } from './shell/login-item.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ICON = join(here, '../../assets/icon.png');
const TRAY_ICONS = join(here, '../../assets/tray');
/** Set by `npm start` in development only; an installed build ignores them. */
const DEVELOPMENT = developmentSwitches(process.env, app.isPackaged);
/**
 * The environment as the app started with it, for the settings. Then the process's own copy loses
 * `COGNITO_*` and anything named like a secret: what the OS opener and the browser it starts
 * inherit (shell.openExternal passes this process's environment on).
 */
const startupEnv = { ...process.env };
const inheritable = withoutSecrets(process.env);
for (const name of Object.keys(process.env)) if (!(name in inheritable)) delete process.env[name];

installLastResort({
  verbose: !app.isPackaged,
  write: (line) => console.error(line),
  exit: (code) => app.exit(code),
});
registerAppScheme();
/** Stops reading the organisation's policy again (set once the app is ready). */
let stopFollowingPolicy: (() => void) | undefined;

function setupApp(): void {
  const configDir = startupEnv.COGNITO_DESKTOP_CONFIG_DIR ?? app.getPath('userData');
  // The OS's usual log folder (~/Library/Logs/cognito-desktop on macOS, <userData>/logs elsewhere).
  if (!setupPrivateFolders(configDir, app.getPath('logs'))) return;
  const log = openLogFile(app.getPath('logs'), logLevelFrom(startupEnv));
  log.info(
    `cognito-desktop ${app.getVersion()} starting (${process.platform} ${release()}, ${process.arch})`,
  );
  const installer = loadInstallerSettings(join(process.resourcesPath ?? '', 'provider.json'));
  const window = new MainWindow();
  let updates: Updates | undefined;
  const displays = setupDisplays({
    window,
    log,
    controller: () => controller,
    updates: () => updates,
    loginItem: setupLoginItem((message) => log.info(message)),
  });
  const controller: AppController = createAppController({
    configDir,
    env: startupEnv,
    logger: log,
    installer,
    emulatorPreset: DEVELOPMENT.emulatorPreset,
    ui: displays.ui,
  });
  setupLifecycle({
    window,
    keepRunning: () => controller.keepRunning(),
    onQuit: () => {
      stopFollowingPolicy?.();
      updates?.stop();
      displays.tray.dispose();
      controller.dispose();
    },
  });
  void app.whenReady().then(async () => {
    updates = await onReady({ configDir, installer, log, window, controller, displays });
  });
}

/** Once Electron is ready: the app:// files, IPC, the session, updates, the window, menu and tray. */
async function onReady(parts: {
  configDir: string;
  installer: InstallerSettings | undefined;
  log: LogFile;
  window: MainWindow;
  controller: AppController;
  displays: AppDisplays;
}): Promise<Updates> {
  const { window, controller, displays } = parts;
  const appOrigin = (DEVELOPMENT.devServerUrl && originOf(DEVELOPMENT.devServerUrl)) || APP_ORIGIN;
  setupAppProtocol(join(here, '../renderer'));
  registerIpcHandlers(
    ipcMain,
    createIpcHandlers(
      controller,
      appSenderPolicy(appOrigin, () => window.contentsId()),
    ),
  );
  const policy = await followPolicy(
    controller,
    systemPolicyReader(process.platform, DEVELOPMENT.policyFile),
    policyPollInterval(),
    parts.log,
  );
  stopFollowingPolicy = policy.stop;
  await controller.init();
  const updates = await setupUpdates({
    installer: parts.installer,
    policy: policy.policy,
    isPackaged: app.isPackaged,
    controller,
    log: (m) => parts.log.info(m),
    onReady: (version) => {
      displays.refreshMenu(controller.state());
      const { title, body } = updateReadyText(version);
      showNotification(title, body, () => restartToUpdate(updates));
    },
  });
  window.open({
    configDir: parts.configDir,
    preloadPath: join(here, '../preload/index.cjs'),
    iconPath: ICON,
    appOrigin,
    startUrl: DEVELOPMENT.devServerUrl ?? `${APP_ORIGIN}/index.html`,
    keepRunning: () => controller.keepRunning(),
  });
  displays.refreshMenu(controller.state());
  displays.tray.create(TRAY_ICONS, controller.state());
  return updates;
}

if (claimSingleInstance()) setupApp();
else app.quit();
