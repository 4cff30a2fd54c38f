/** What the CLI tests need of test/support/system-browser.ts: the command, and its visit log. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TSX } from './cli-process.ts';

/** The `BROWSER` value that makes the CLI open its URLs in the test's Chromium. */
export const SYSTEM_BROWSER_COMMAND = `${TSX} ${resolve('test/support/system-browser.ts')}`;

export interface BrowserVisit {
  /** The provider URL the browser went to: origin and path. */
  opened: string;
  /** What the browser was started with (origin and path): the app's one-time launch address. */
  launchedWith?: string;
  /** The names of its query parameters. */
  params: string[];
  /** The title of the page it ended on. */
  title?: string;
}

/** The visits logged so far at `log` (SYSTEM_BROWSER_LOG). */
export function readBrowserVisits(log: string): BrowserVisit[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BrowserVisit);
}
