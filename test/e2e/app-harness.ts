/**
 * The desktop app without Electron, for browser journeys: the built renderer served as the app
 * serves it (same file resolution and headers as the app:// protocol), `window.api` bridged to the
 * real IPC handler functions (the same ones registered with ipcMain, sender check included), the
 * real app controller, core, keychain and emulator behind them.
 */
import { createServer, type Server } from 'node:http';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import { AppController, type AppControllerDeps } from '../../main/app/app-controller.ts';
import { APP_ORIGIN, appResponseHeaders, resolveAppFile } from '../../main/shell/app-protocol.ts';
import { appSenderPolicy, createIpcHandlers, type Handler } from '../../main/ipc/handlers.ts';
import { toAppState } from '../../main/ipc/wire.ts';
import { CHANNELS, EVENTS, createApi, type AppState, type Channel } from '../../preload/contract.ts';

const RENDERER_DIR = resolve('out/renderer');
/** The id the bridge gives the app page, standing in for the window's webContents id. */
const WINDOW_ID = 1;

/** Serves out/renderer over http exactly as the app:// handler does (paths, types, CSP). */
async function serveRenderer(): Promise<{ origin: string; close(): Promise<void> }> {
  if (!existsSync(RENDERER_DIR))
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).');
  const server: Server = createServer((req, res) => {
    const file = resolveAppFile(RENDERER_DIR, `${APP_ORIGIN}${req.url ?? '/'}`);
    if (!file.ok) {
      res.writeHead(file.status).end();
      return;
    }
    readFile(file.path).then(
      (body) => res.writeHead(200, appResponseHeaders(file.contentType)).end(body),
      () => res.writeHead(404).end(),
    );
  });
  const origin = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return { origin, close: () => closeServer(server) };
}

/** The preload's job, done by an init script: `window.api` from the contract's own createApi. */
function bridgeScript(): string {
  return `(() => {
    const CHANNELS = ${JSON.stringify(CHANNELS)};
    const EVENTS = ${JSON.stringify(EVENTS)};
    const createApi = ${createApi.toString()};
    const listeners = new Map();
    window.__cognitoEmit = (event, payload) => { for (const l of listeners.get(event) ?? []) l(payload); };
    window.api = createApi(
      (channel, args) => window.__cognitoInvoke(channel, args),
      (event, listener) => {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    );
  })();`;
}

export type HarnessDeps = Omit<AppControllerDeps, 'onStateChanged' | 'clipboard' | 'onSignedIn'>;

/** One running "app": controller, handlers, and its window (a Chromium page). */
export class AppHarness {
  readonly clipboard: string[] = [];
  readonly states: AppState[] = [];
  signedInCount = 0;
  readonly controller: AppController;
  readonly handlers: Record<Channel, Handler>;
  page!: Page;
  private context!: BrowserContext;
  private server!: { origin: string; close(): Promise<void> };

  constructor(deps: HarnessDeps) {
    this.controller = new AppController({
      ...deps,
      clipboard: { writeText: (text) => Promise.resolve(void this.clipboard.push(text)) },
      onStateChanged: (status) => {
        const state = toAppState(status);
        this.states.push(state);
        void this.page
          ?.evaluate(
            ([event, payload]) =>
              (window as unknown as { __cognitoEmit(e: string, p: unknown): void }).__cognitoEmit(
                event as string,
                payload,
              ),
            [EVENTS.stateChanged, state] as const,
          )
          .catch(() => undefined);
      },
      onSignedIn: () => {
        this.signedInCount += 1;
      },
    });
    this.handlers = {} as Record<Channel, Handler>;
  }

  /** Starts the controller (restoring any session) and opens the app window. */
  async open(chromium: Chromium): Promise<Page> {
    await this.controller.init();
    this.server = await serveRenderer();
    Object.assign(
      this.handlers,
      createIpcHandlers(
        this.controller,
        appSenderPolicy(this.server.origin, () => WINDOW_ID),
      ),
    );
    this.context = await chromium.newContext({ viewport: { width: 980, height: 720 } });
    this.page = await this.context.newPage();
    await this.page.exposeBinding('__cognitoInvoke', (source, channel: Channel, args: unknown[]) =>
      this.handlers[channel](
        {
          frameUrl: source.frame.url(),
          isMainFrame: source.frame === source.page.mainFrame(),
          webContentsId: WINDOW_ID,
        },
        args,
      ),
    );
    await this.page.addInitScript(bridgeScript());
    await this.page.goto(`${this.server.origin}/index.html`);
    return this.page;
  }

  async close(): Promise<void> {
    this.controller.dispose();
    await this.context?.close();
    await this.server?.close();
  }
}
