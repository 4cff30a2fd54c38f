/** Hands the IPC handlers to Electron's ipcMain, describing each sender for the sender policy. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Channel } from '../../preload/contract.ts';
import type { Handler, Sender } from './handlers.ts';

/** Describes the frame that sent an IPC message. */
export function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/** Registers every handler with `ipcMain.handle`. */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: Record<Channel, Handler>): void {
  for (const [channel, handler] of Object.entries(handlers) as [Channel, Handler][]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler(senderOf(event), args));
  }
}
