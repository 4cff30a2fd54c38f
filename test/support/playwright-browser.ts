/**
 * A {@link Browser} port backed by real Chromium, for in-process tests of the auth core: `open()`
 * returns at once (as `shell.openExternal` does) and a person's actions follow in the background.
 */
import type { Browser as Chromium, BrowserContext } from 'playwright-core';
import type { Browser } from '../../main/core/ports.ts';
import { actOnProviderPage, type BrowserAction } from './hosted-ui.ts';

export type { BrowserAction };

export interface OpenedPage {
  /** The provider URL the browser went to: where the app's one-time launch address led, once loaded. */
  url: string;
  /** What the app asked to open (the launch address, as an OS opener's command line has it). */
  launchUrl: string;
  /** The title of the page the browser ended on (the app's loopback pages say "cognito-desktop"). */
  finalTitle?: string;
  /** True when the provider showed its password form. */
  sawPasswordForm: boolean;
  error?: string;
}

export class PlaywrightBrowser implements Browser {
  readonly opened: OpenedPage[] = [];
  private readonly background = new Set<Promise<void>>();
  next: BrowserAction = { kind: 'visit' };
  /** One profile for every page, as a person's browser keeps the provider's cookies between visits. */
  private context: Promise<BrowserContext> | undefined;

  constructor(private readonly chromium: Chromium) {}

  open(url: string): Promise<void> {
    const action = this.next;
    const record: OpenedPage = { url, launchUrl: url, sawPasswordForm: false };
    this.opened.push(record);
    if (action.kind !== 'ignore') {
      const task = this.act(url, action, record).finally(() => this.background.delete(task));
      this.background.add(task);
    }
    return Promise.resolve();
  }

  /** Waits for the simulated person to finish with every page opened so far. */
  async idle(): Promise<void> {
    await Promise.all([...this.background]);
  }

  private async act(
    url: string,
    action: Exclude<BrowserAction, { kind: 'ignore' }>,
    record: OpenedPage,
  ): Promise<void> {
    this.context ??= this.chromium.newContext();
    const page = await (await this.context).newPage();
    try {
      const { landedOn, ...outcome } = await actOnProviderPage(page, url, action);
      Object.assign(record, outcome, { url: landedOn });
    } catch (error) {
      record.error = String(error);
    } finally {
      await page.close();
    }
  }

  /** Closes the browser profile (its cookies are gone: a new person, or a restarted browser). */
  async reset(): Promise<void> {
    await this.idle();
    const context = this.context;
    this.context = undefined;
    await (await context)?.close();
  }
}
