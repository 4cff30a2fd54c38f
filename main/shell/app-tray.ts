/**
 * The tray icon, once the app is ready: shows each new state (tray.ts decides what it says), and
 * shows it again when its text changes on its own (the minutes left), so it never goes stale.
 */
import { Menu, Tray } from 'electron';
import type { AppStatus } from '../app/app-status.ts';
import { nextTrayChangeIn, showTray, trayIconFile, type TrayActions } from './tray.ts';

export class AppTray {
  private tray: Tray | undefined;
  private state: AppStatus | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly actions: TrayActions) {}

  /** Creates the icon (after ready) from assets/tray; a click on it opens the window. */
  create(trayDir: string, state: AppStatus): void {
    this.tray = new Tray(trayIconFile(process.platform, trayDir));
    this.tray.on('click', () => this.actions.open());
    this.show(state);
  }

  /** Shows `state`; before the icon exists, nothing. */
  show(state: AppStatus): void {
    this.state = state;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.tray) return;
    showTray(this.tray, state, this.actions, (template) => Menu.buildFromTemplate(template));
    const next = nextTrayChangeIn(state, Date.now());
    if (next !== undefined) this.timer = setTimeout(() => this.show(this.state!), next);
  }

  /** Stops the countdown (on quit). */
  dispose(): void {
    clearTimeout(this.timer);
    this.tray?.destroy();
    this.tray = undefined;
  }
}
