/**
 * The application menu, wired to the app: built from the state (menu.ts decides what it shows) and
 * built again on every change of state.
 */
import { release } from 'node:os';
import { app, Menu, shell } from 'electron';
import type { AppController } from '../app/app-controller.ts';
import type { AppStatus } from '../app/app-status.ts';
import { describeCheck, type Updates } from '../app/updates.ts';
import type { LogFile } from '../adapters/log-file.ts';
import { EVENTS } from '../../preload/contract.ts';
import { installCommandLine } from './command-line-install.ts';
import type { MainWindow } from './main-window.ts';
import { buildMenuTemplate } from './menu.ts';

/** Help → the AWS guide to app clients, where the callback and sign-out URLs are registered. */
const HELP_URL =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html';
/** How many log lines Copy Diagnostics includes. */
const DIAGNOSTICS_LOG_LINES = 200;

/** The runtime versions support asks for. */
function pickVersions(versions: NodeJS.ProcessVersions): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of ['electron', 'chrome', 'node', 'v8']) if (versions[name]) picked[name] = versions[name];
  return picked;
}

export interface AppMenuDeps {
  controller: () => AppController;
  window: MainWindow;
  log: LogFile;
  updates: () => Updates | undefined;
  restartToUpdate: () => void;
}

/** Sets the application menu up; returns what builds it again for a new state. */
export function setupAppMenu(deps: AppMenuDeps): (state: AppStatus) => void {
  const { window, log } = deps;
  const quietly = (action: (controller: AppController) => Promise<unknown>) => () =>
    void action(deps.controller()).catch(() => undefined);
  const actions = {
    signIn: quietly((c) => c.signIns.signIn()),
    signOut: quietly((c) => c.signOut()),
    addAccount: quietly((c) => c.addAccount()),
    useAccount: (account: { profile: string; id: string }) => quietly((c) => c.useAccount(account))(),
    openSettings: () => {
      window.focus();
      window.send(EVENTS.openSettings);
    },
    openHelp: () => void shell.openExternal(HELP_URL),
    openLogsFolder: () => void shell.openPath(log.dir),
    copyDiagnostics: () =>
      void deps
        .controller()
        .copyDiagnostics({
          versions: { app: app.getVersion(), ...pickVersions(process.versions) },
          os: { platform: process.platform, release: release(), arch: process.arch },
          logLines: log.lastLines(DIAGNOSTICS_LOG_LINES),
        })
        .catch((error: unknown) => log.warn(`Copy Diagnostics failed: ${String(error)}`)),
    installCommandLineTool: () => void installCommandLine((options) => window.showMessage(options)),
    checkForUpdates: () =>
      void deps
        .updates()
        ?.check()
        .then((outcome) =>
          window.showMessage({ type: 'info', message: describeCheck(outcome, app.getVersion()) }),
        ),
    restartToUpdate: deps.restartToUpdate,
  };
  return (state) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(process.platform, state, actions, !app.isPackaged, deps.updates()?.readyVersion()),
      ),
    );
}
