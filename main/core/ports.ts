/**
 * The ports through which the core reaches the operating system. Adapters in main/adapters implement
 * them (keytar, electron-store, shell.openExternal…); tests hand in fakes or the real adapters.
 */
import type { SettingsInput } from './settings.ts';

/** A keychain: string values under (service, account). Errors from it are mapped by the token vault. */
export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, value: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
  /** The accounts stored under `service`. */
  list(service: string): Promise<string[]>;
}

/** Where the non-secret settings live (one JSON file in the settings folder). */
export interface SettingsStore {
  read(): SettingsInput;
  write(settings: SettingsInput): void;
}

/** Opens a URL in the user's browser. */
export interface Browser {
  open(url: string): Promise<void>;
}

/** Milliseconds since the epoch; a port so tests can move time. */
export interface Clock {
  now(): number;
}

/** Logs for humans; never pass a token, code, verifier or secret. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const systemClock: Clock = { now: () => Date.now() };
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined };
