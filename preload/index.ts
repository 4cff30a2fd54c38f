/**
 * The preload: exposes `window.api` (preload/contract.ts) through contextBridge. It never exposes
 * ipcRenderer itself, so the page can reach only the channels of the contract.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from './contract.ts';

const api = createApi(
  (channel, args) => ipcRenderer.invoke(channel, ...args),
  (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);
