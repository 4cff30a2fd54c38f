/**
 * Updates: when to look for one, what to tell the user, and when restarting into it is allowed.
 * The download and its verification (sha512 of the file, and the code signature on Windows and
 * macOS) are electron-updater's, behind the {@link Updater} port (main/shell/auto-updater.ts).
 *
 * Looked for at start and every 4 hours, downloaded in the background; once one is ready the user
 * is offered "Restart to Update". The app never restarts on its own, and not at all while a
 * sign-in waits for the browser (the restart would lose it): the user is told to finish first.
 */
import { msg, t } from '../core/i18n.ts';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 3600_000;

/** electron-updater, as the app uses it. */
export interface Updater {
  /** Looks at the feed; when a newer version is there, downloads and verifies it. Its version, or undefined. */
  checkAndDownload(): Promise<string | undefined>;
  /** Quits and installs the downloaded version. */
  restartAndInstall(): void;
}

/** Where updates come from: the build's feed, another one an installer names, or none. */
export type UpdatesSetting = { enabled: false; reason: string } | { enabled: true; url?: string };

/**
 * An installer's `"updates"` (false, or `{ "url": "https://…" }`) over the build's feed; never for
 * an app run from a clone (development), which has no feed.
 */
export function updatesSetting(preset: unknown, isPackaged: boolean): UpdatesSetting {
  if (!isPackaged) return { enabled: false, reason: msg('Updates are off in development builds.') };
  if (preset === false) return { enabled: false, reason: msg('Your organisation has turned updates off.') };
  const url = (preset as { url?: unknown } | undefined)?.url;
  return typeof url === 'string' && url.startsWith('https://') ? { enabled: true, url } : { enabled: true };
}

/** What "Check for Updates…" found, in words for a dialog. */
export type CheckOutcome =
  | { kind: 'off'; message: string }
  | { kind: 'up-to-date' }
  | { kind: 'ready'; version: string }
  | { kind: 'failed'; message: string };

export interface UpdatesDeps {
  /** True while a sign-in waits for the browser. */
  signInWaiting(): boolean;
  /** An update is downloaded and verified: offer the restart (menu, notification). */
  onReady(version: string): void;
  log(message: string): void;
}

export class Updates {
  private timer: NodeJS.Timeout | undefined;
  private ready: string | undefined;
  private checking: Promise<CheckOutcome> | undefined;

  constructor(
    private readonly updater: Updater | undefined,
    private readonly setting: UpdatesSetting,
    private readonly deps: UpdatesDeps,
  ) {}

  /** Looks now and then every 4 hours (nothing at all when updates are off). */
  start(): void {
    if (!this.updater || !this.setting.enabled) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), UPDATE_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The version downloaded and waiting for a restart, if any. */
  readyVersion(): string | undefined {
    return this.ready;
  }

  /** Looks for an update now (Help → Check for Updates…); one check at a time. */
  check(): Promise<CheckOutcome> {
    if (!this.updater || !this.setting.enabled)
      return Promise.resolve({
        kind: 'off',
        message: this.setting.enabled ? msg('Updates are off.') : this.setting.reason,
      });
    this.checking ??= this.runCheck(this.updater).finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Restarts into the downloaded version; refused (with what to do) while a sign-in waits. */
  restart(): { restarted: true } | { restarted: false; message: string } {
    if (!this.ready || !this.updater) return { restarted: false, message: t('No update is ready.') };
    if (this.deps.signInWaiting())
      return {
        restarted: false,
        message: t('A sign-in is waiting for your browser. Finish or cancel it, then restart to update.'),
      };
    this.updater.restartAndInstall();
    return { restarted: true };
  }

  private async runCheck(updater: Updater): Promise<CheckOutcome> {
    try {
      const version = await updater.checkAndDownload();
      if (!version) return { kind: 'up-to-date' };
      if (this.ready !== version) {
        this.ready = version;
        this.deps.log(`Update ${version} downloaded and verified; it installs at the next restart.`);
        this.deps.onReady(version);
      }
      return { kind: 'ready', version };
    } catch (error) {
      // electron-updater's own words ("sha512 checksum mismatch", the feed's HTTP status…).
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      this.deps.log(`Update check failed: ${message}`);
      return { kind: 'failed', message };
    }
  }
}

/** What the Check for Updates… dialog says. */
export function describeCheck(outcome: CheckOutcome, current: string): string {
  switch (outcome.kind) {
    case 'off':
      // One of the marked reasons above.
      return t(outcome.message);
    case 'up-to-date':
      return t('cognito-desktop {{version}} is the newest version.', { version: current });
    case 'ready':
      return t(
        'cognito-desktop {{version}} is downloaded and verified. Choose Restart to Update in the Help menu when it suits you.',
        { version: outcome.version },
      );
    case 'failed':
      // electron-updater's own words stay as they are.
      return t(
        'Could not check for updates: {{reason}}. The app keeps working; it tries again in a few hours.',
        { reason: outcome.message },
      );
  }
}
