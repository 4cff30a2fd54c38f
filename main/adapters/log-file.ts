/**
 * The app's log file, through electron-log (its plain-Node build, so the same code runs in the
 * app, the CLI and the tests): `main.log` in the OS's usual log folder, rotated to `main.old.log`
 * at 1 MB. Every line is redacted (core's redaction.ts) before electron-log sees it, so nothing
 * secret reaches the file, whatever the caller passed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../core/ports.ts';
import { redactSecrets } from '../core/redaction.ts';
import { PRIVATE_FILE_MODE } from '../core/settings/private-folder.ts';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];
/** The environment variable that sets the level: `debug` for support, `info` by default. */
export const LOG_LEVEL_ENV = 'COGNITO_DESKTOP_LOG_LEVEL';
const MAX_BYTES = 1_000_000;

export interface LogFile extends Logger {
  readonly file: string;
  readonly dir: string;
  error(message: string): void;
  /** The last `count` lines written (of the current file), already redacted. */
  lastLines(count: number): string[];
}

/** The level `env` asks for, else `info`. */
export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const asked = env[LOG_LEVEL_ENV]?.toLowerCase();
  return LOG_LEVELS.find((level) => level === asked) ?? 'info';
}

export function openLogFile(dir: string, level: LogLevel = 'info', maxBytes = MAX_BYTES): LogFile {
  const file = join(dir, 'main.log');
  // One logger per folder: tests open several, the app one.
  const log = electronLog.create({ logId: `cognito-desktop:${dir}` });
  log.transports.console.level = false;
  log.transports.file.level = level;
  log.transports.file.maxSize = maxBytes;
  log.transports.file.resolvePathFn = () => file;
  // Readable by the user only: a log line names hosts, users and accounts, if never a secret.
  log.transports.file.writeOptions = { flag: 'a', mode: PRIVATE_FILE_MODE, encoding: 'utf8' };
  const write =
    (to: LogLevel) =>
    (message: string): void => {
      log[to](redactSecrets(message));
    };
  return {
    file,
    dir,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    lastLines(count) {
      try {
        return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count);
      } catch {
        return [];
      }
    },
  };
}
