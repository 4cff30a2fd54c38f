/** The tray icon, once the app is ready: shows each new state (tray.ts decides what it says). */
import { Menu, Tray } from 'electron';
import type { AppStatus } from '../app/app-status.ts';
import { showTray, type TrayActions } from './tray.ts';

export class AppTray {
  private tray: Tray | undefined;

  constructor(private readonly actions: TrayActions) {}

  /** Creates the icon (after ready); a click on it opens the window. */
  create(iconPath: string, state: AppStatus): void {
    this.tray = new Tray(iconPath);
    this.tray.on('click', () => this.actions.open());
    this.show(state);
  }

  /** Shows `state`; before the icon exists, nothing. */
  show(state: AppStatus): void {
    if (this.tray) showTray(this.tray, state, this.actions, (template) => Menu.buildFromTemplate(template));
  }
}
