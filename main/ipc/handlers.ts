/**
 * The IPC handlers: one per channel of preload/contract.ts. Each checks who is calling, validates
 * its arguments (they arrive as `unknown` from an untrusted page), calls the app controller and
 * returns a {@link Result}; none ever throws. Plain functions, no Electron: main/ipc/register.ts
 * hands them to ipcMain, and the browser journeys call the very same functions.
 */
import { toErrorDto, type AppController } from '../app-controller.ts';
import {
  CHANNELS,
  SETTINGS_FIELDS,
  type Channel,
  type ErrorDto,
  type RequestMethod,
  type Result,
  type SaveSettingsInput,
  type SettingsDto,
} from '../../preload/contract.ts';

/** Who sent an IPC message: enough to tell the app's own page from anything else. */
export interface Sender {
  /** The URL of the frame that sent it. */
  frameUrl: string;
  /** Whether that frame is the top frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** The id of the sending webContents. */
  webContentsId: number;
}

/** Decides whether a sender may use the API: the app window's top frame, on the app's origin. */
export type SenderPolicy = (sender: Sender) => boolean;

export type Handler = (sender: Sender, args: unknown[]) => Promise<Result<unknown>>;

class BadRequest extends Error {}

const MAX_TEXT = 4096;

function asText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new BadRequest(`${name} must be text.`);
  return value;
}

function asSettings(value: unknown): SettingsDto {
  if (typeof value !== 'object' || value === null) throw new BadRequest('settings must be an object.');
  const record = value as Record<string, unknown>;
  const settings = {} as SettingsDto;
  for (const key of SETTINGS_FIELDS)
    settings[key] = record[key] === undefined ? '' : asText(record[key], key);
  return settings;
}

function asSaveInput(value: unknown): SaveSettingsInput {
  if (typeof value !== 'object' || value === null) throw new BadRequest('save input must be an object.');
  const record = value as Record<string, unknown>;
  const input: SaveSettingsInput = { values: asSettings(record.values) };
  if (record.clientSecret !== undefined) input.clientSecret = asText(record.clientSecret, 'clientSecret');
  return input;
}

function noArgs(args: unknown[]): void {
  if (args.length > 0) throw new BadRequest('this call takes no arguments.');
}

function oneArg(args: unknown[]): unknown {
  if (args.length !== 1) throw new BadRequest('this call takes one argument.');
  return args[0];
}

function failure(error: unknown): { ok: false; error: ErrorDto } {
  if (error instanceof BadRequest)
    return { ok: false, error: { code: 'bad_request', message: error.message } };
  return { ok: false, error: toErrorDto(error) };
}

/** The handler of every channel, keyed by channel name. */
export function createIpcHandlers(app: AppController, isTrusted: SenderPolicy): Record<Channel, Handler> {
  const actions: Record<RequestMethod, (args: unknown[]) => unknown> = {
    getState: (args) => (noArgs(args), app.state()),
    signIn: async (args) => (noArgs(args), await app.signIn(), null),
    cancelSignIn: (args) => (noArgs(args), app.cancelSignIn(), null),
    copySignInLink: async (args) => (noArgs(args), await app.copySignInLink(), null),
    openBrowserAgain: async (args) => (noArgs(args), await app.openBrowserAgain(), null),
    signOut: async (args) => (noArgs(args), await app.signOut(), null),
    signInAsSomeoneElse: async (args) => (noArgs(args), await app.signInAsSomeoneElse(), null),
    callUserInfo: (args) => (noArgs(args), app.callUserInfo()),
    getSettings: (args) => (noArgs(args), app.settingsView()),
    validateSettings: (args) => app.validate(asSettings(oneArg(args))),
    saveSettings: (args) => app.saveSettings(asSaveInput(oneArg(args))),
    checkConfiguration: (args) => app.checkConfiguration(asSettings(oneArg(args))),
    copyText: async (args) => (await app.copyText(asText(oneArg(args), 'text')), null),
    useEmulator: async (args) => (noArgs(args), await app.useEmulator(), null),
  };
  const handlers = {} as Record<Channel, Handler>;
  for (const [method, channel] of Object.entries(CHANNELS) as [RequestMethod, Channel][]) {
    handlers[channel] = async (sender, args) => {
      if (!isTrusted(sender)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app’s API.' } };
      }
      try {
        return { ok: true, value: await actions[method](args) };
      } catch (error) {
        return failure(error);
      }
    };
  }
  return handlers;
}

/** The policy for the app window: its top frame, on the app's origin. */
export function appSenderPolicy(appOrigin: string, windowId: () => number | undefined): SenderPolicy {
  return (sender) => {
    if (!sender.isMainFrame || sender.webContentsId !== windowId()) return false;
    return originOf(sender.frameUrl) === appOrigin;
  };
}

/** `scheme://host[:port]` of a URL. (URL.origin is "null" for custom schemes such as app://.) */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
