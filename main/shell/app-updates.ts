/**
 * Updates, wired to the app: electron-updater where the build (or the installer) has a feed, never
 * in development; a downloaded update is offered in the menu and a notification, and a restart
 * into it waits for a sign-in in progress (app/updates.ts decides).
 */
import { dialog } from 'electron';
import type { AppController } from '../app/app-controller.ts';
import { Updates, updatesSetting } from '../app/updates.ts';
import type { InstallerSettings } from '../app/installer-settings.ts';
import { t } from '../core/i18n.ts';
import type { Policy } from '../core/settings/policy.ts';
import { electronUpdater } from './auto-updater.ts';

export interface AppUpdatesDeps {
  installer: InstallerSettings | undefined;
  /** The organisation's policy at start-up: its `updates` wins over the installer's. */
  policy: Policy | undefined;
  isPackaged: boolean;
  controller: AppController;
  log: (message: string) => void;
  /** A verified update is ready: offer it (the menu, a notification whose click restarts). */
  onReady: (version: string) => void;
}

/** Starts looking for updates; returns what the menu and the notification act on. */
export async function setupUpdates(deps: AppUpdatesDeps): Promise<Updates> {
  const setting = updatesSetting(deps.policy?.updates ?? deps.installer?.updates, deps.isPackaged);
  const updates = new Updates(
    setting.enabled ? await electronUpdater(setting.url, deps.log) : undefined,
    setting,
    {
      signInWaiting: () => deps.controller.state().status === 'waiting',
      onReady: deps.onReady,
      log: deps.log,
    },
  );
  updates.start();
  return updates;
}

/** Restarts into the downloaded update, or says why not now. */
export function restartToUpdate(updates: Updates | undefined): void {
  const outcome = updates?.restart();
  if (outcome && !outcome.restarted) void dialog.showMessageBox({ type: 'info', message: outcome.message });
}

/** The notification text of a ready update. */
export function updateReadyText(version: string): { title: string; body: string } {
  return {
    title: t('An update is ready'),
    body: t('cognito-desktop {{version}} is downloaded. Click to restart and update.', { version }),
  };
}
