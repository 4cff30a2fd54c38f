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
  configureUpdater(updater, feedUrl, log);
  return fromAppUpdater(updater);
}

/**
 * How the app uses electron-updater: it downloads only when asked, installs on quit, and never
 * goes back to an older version (a feed that offers one — replayed, or an attacker's — is a feed
 * with no update).
 */
export function configureUpdater(
  updater: AppUpdater,
  feedUrl: string | undefined,
  log: (message: string) => void,
): void {
  updater.autoDownload = false;
  // An update downloaded but not restarted into installs when the app quits.
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.logger = { info: log, warn: log, error: log, debug: () => undefined };
  if (feedUrl) updater.setFeedURL({ provider: 'generic', url: feedUrl });
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
