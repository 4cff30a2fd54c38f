/**
 * The IPC handlers: one per channel of preload/contract.ts. Each checks who is calling, validates
 * its arguments (they arrive as `unknown` from an untrusted page), calls the app controller and
 * returns a {@link Result}; none ever throws. Plain functions, no Electron: main/ipc/register.ts
 * hands them to ipcMain, and the browser journeys call the very same functions.
 */
import type { AppController } from '../app/app-controller.ts';
import { toAppState, toAwsStatusDto, toErrorDto } from './wire.ts';
import { originOf } from '../core/origin.ts';
import {
  ARGUMENTS,
  CHANNELS,
  SETTINGS_FIELDS,
  type ArgumentKind,
  type Channel,
  type ErrorDto,
  type RequestArgument,
  type RequestMethod,
  type RequestValue,
  type Result,
  type SaveSettingsInput,
  type ProxySignInReplyDto,
  type AccountRefDto,
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSettings(value: unknown): SettingsDto {
  if (!isRecord(value)) throw new BadRequest('settings must be an object.');
  const record = value;
  const settings = {} as SettingsDto;
  for (const key of SETTINGS_FIELDS)
    settings[key] = record[key] === undefined ? '' : asText(record[key], key);
  return settings;
}

function asSaveInput(value: unknown): SaveSettingsInput {
  if (!isRecord(value)) throw new BadRequest('save input must be an object.');
  const record = value;
  const input: SaveSettingsInput = { values: asSettings(record.values) };
  if (record.clientSecret !== undefined) input.clientSecret = asText(record.clientSecret, 'clientSecret');
  return input;
}

function asProxyReply(value: unknown): ProxySignInReplyDto {
  if (!isRecord(value)) throw new BadRequest('the proxy reply must be an object.');
  const question = asText(value.question, 'question');
  if (value.answer === null) return { question, answer: null };
  const answer = value.answer;
  if (!isRecord(answer)) throw new BadRequest('the proxy answer must be an object or null.');
  if (typeof answer.remember !== 'boolean') throw new BadRequest('remember must be true or false.');
  const username = asText(answer.username, 'username');
  if (username === '') throw new BadRequest('username must not be empty.');
  return {
    question,
    answer: { username, password: asText(answer.password, 'password'), remember: answer.remember },
  };
}

function asAccountRef(value: unknown): AccountRefDto {
  if (!isRecord(value)) throw new BadRequest('the account must be an object.');
  return { profile: asText(value.profile, 'profile'), id: asText(value.id, 'id') };
}

/** The one argument of a call, checked against the kind the contract names (undefined for none). */
function takeArgument(kind: ArgumentKind, args: unknown[]): unknown {
  if (kind === 'none') {
    if (args.length > 0) throw new BadRequest('this call takes no arguments.');
    return undefined;
  }
  if (args.length !== 1) throw new BadRequest('this call takes one argument.');
  const [arg] = args;
  if (kind === 'settings') return asSettings(arg);
  if (kind === 'save-input') return asSaveInput(arg);
  if (kind === 'proxy-answer') return asProxyReply(arg);
  if (kind === 'account') return asAccountRef(arg);
  return asText(arg, 'text');
}

function failure(error: unknown): { ok: false; error: ErrorDto } {
  if (error instanceof BadRequest)
    return { ok: false, error: { code: 'bad_request', message: error.message } };
  return { ok: false, error: toErrorDto(error) };
}

/** The handler of every channel, keyed by channel name. */
export function createIpcHandlers(app: AppController, isTrusted: SenderPolicy): Record<Channel, Handler> {
  // Typed from the contract's Api: each action takes its method's argument (already checked
  // against ARGUMENTS) and returns what its method's Result carries.
  const actions: {
    [M in RequestMethod]: (arg: RequestArgument<M>) => RequestValue<M> | Promise<RequestValue<M>>;
  } = {
    getState: () => toAppState(app.state()),
    signIn: async () => (await app.signIns.signIn(), null),
    signInWith: async (name) => (await app.signIns.signInWith(name), null),
    signInWithEmail: async (email) => (await app.signIns.signInWithEmail(email), null),
    cancelSignIn: () => (app.signIns.cancel(), null),
    copySignInLink: async () => (await app.signIns.copyLink(), null),
    openBrowserAgain: async () => (await app.signIns.openBrowserAgain(), null),
    signInOnAnotherDevice: async () => (await app.signIns.onAnotherDevice(), null),
    signOut: async () => (await app.signOut(), null),
    addAccount: async () => (await app.addAccount(), null),
    useAccount: async (account) => (await app.useAccount(account), null),
    signOutAccount: async (account) => (await app.signOutAccount(account), null),
    useProfile: async (name) => (await app.useProfile(name), null),
    addProfile: async (name) => (await app.addProfile(name), null),
    removeProfile: async (name) => (await app.removeProfile(name), null),
    callUserInfo: () => app.callUserInfo(),
    callApi: () => app.callApi(),
    getAwsStatus: async () => toAwsStatusDto(await app.awsStatus()),
    getSettings: () => app.settings.settingsView(),
    validateSettings: (values) => app.settings.validate(values),
    saveSettings: (input) => app.settings.saveSettings(input),
    checkConfiguration: (values) => app.settings.checkConfiguration(values),
    copyText: async (text) => (await app.copyText(text), null),
    useEmulator: async () => (await app.settings.useEmulator(), null),
    answerProxySignIn: (reply) => (app.proxyQuestion.answer(reply), null),
  };
  /** Calls one action with an argument checked at run time against the contract's ARGUMENTS. */
  const perform = <M extends RequestMethod>(method: M, arg: unknown): unknown =>
    actions[method](arg as RequestArgument<M>);
  const handlers = {} as Record<Channel, Handler>;
  for (const [method, channel] of Object.entries(CHANNELS) as [RequestMethod, Channel][]) {
    handlers[channel] = async (sender, args) => {
      if (!isTrusted(sender)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app’s API.' } };
      }
      try {
        return { ok: true, value: await perform(method, takeArgument(ARGUMENTS[method], args)) };
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
