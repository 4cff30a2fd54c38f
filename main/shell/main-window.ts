/**
 * The one app window, as the rest of the main process reaches it: focus it, send it events, set
 * its title. It opens where it was last closed on this display setup, and closing it hides it
 * instead while the app keeps running (macOS, or the keep-running setting).
 */
import { app, dialog, screen, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { readWindowStates, writeWindowStates } from '../adapters/window-state-file.ts';
import { windowToOpen, withClosedWindow, type Rectangle } from '../core/window-state.ts';
import { closeKeepsRunning } from './tray.ts';
import { createMainWindow } from './window.ts';

/** The screens' work areas, the primary one first. */
function workAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export interface MainWindowOptions {
  configDir: string;
  preloadPath: string;
  iconPath: string;
  appOrigin: string;
  startUrl: string;
  /** The keep-running setting, asked when the window closes. */
  keepRunning: () => 'on' | 'off';
}

export class MainWindow {
  private window: BrowserWindow | undefined;
  /** Set by Quit (menu, tray, the OS): the window's close then really closes. */
  private quitting = false;

  /** Opens the window (after the app is ready). */
  open(options: MainWindowOptions): void {
    const states = readWindowStates(options.configDir);
    const window = createMainWindow({
      preloadPath: options.preloadPath,
      iconPath: options.iconPath,
      appOrigin: options.appOrigin,
      startUrl: options.startUrl,
      placement: windowToOpen(states, workAreas()),
    });
    // Remembered for this display setup: the size before maximising, and whether it was maximised.
    window.on('close', (event: Electron.Event) => {
      const closed = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
      writeWindowStates(options.configDir, withClosedWindow(states, workAreas(), closed));
      // Kept running: the window hides; the session and its refreshes go on.
      if (!this.quitting && closeKeepsRunning(process.platform, options.keepRunning())) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => (this.window = undefined));
    this.window = window;
  }

  /** The app is quitting: closing the window closes it. */
  quit(): void {
    this.quitting = true;
  }

  /** Brings the window to the front (restored, shown, focused). */
  focus(): void {
    const window = this.window;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    app.focus({ steal: true });
  }

  send(channel: string, payload?: unknown): void {
    this.window?.webContents.send(channel, payload);
  }

  setTitle(title: string): void {
    this.window?.setTitle(title);
  }

  /** A message box, attached to the window when there is one. */
  showMessage(options: MessageBoxOptions): Promise<unknown> {
    return this.window ? dialog.showMessageBox(this.window, options) : dialog.showMessageBox(options);
  }

  /** The window's web contents id: IPC is answered for this window's frame only. */
  contentsId(): number | undefined {
    return this.window?.webContents.id;
  }
}
