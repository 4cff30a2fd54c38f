/**
 * The {@link Updater} port on electron-updater: the updater of this OS's package (NSIS on Windows,
 * the zip on macOS, the .deb or AppImage on Linux), its feed from the build's `app-update.yml` or
 * the installer's URL, downloads in the background and verified by electron-updater (sha512 of the
 * file; the code signature too on Windows and macOS) before it is offered.
 */
import type { AppUpdater } from 'electron-updater';
import type { Updater } from '../app/updates.ts';

export async function electronUpdater(
  feedUrl: string | undefined,
  log: (message: string) => void,
): Promise<Updater> {
  const updater: AppUpdater = (await import('electron-updater')).autoUpdater;
  updater.autoDownload = false;
  // An update downloaded but not restarted into installs when the app quits.
  updater.autoInstallOnAppQuit = true;
  updater.logger = { info: log, warn: log, error: log, debug: () => undefined };
  if (feedUrl) updater.setFeedURL({ provider: 'generic', url: feedUrl });
  return fromAppUpdater(updater);
}

/** The port over one electron-updater instance (the tests build theirs against a local feed). */
export function fromAppUpdater(updater: AppUpdater): Updater {
  return {
    async checkAndDownload() {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return undefined;
      await updater.downloadUpdate();
      return result.updateInfo.version;
    },
    restartAndInstall: () => updater.quitAndInstall(),
  };
}
