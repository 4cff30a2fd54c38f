/**
 * A {@link Browser} port backed by real Chromium, for in-process tests of the auth core: `open()`
 * returns at once (as `shell.openExternal` does) and a person's actions follow in the background.
 */
import type { Browser as Chromium, BrowserContext } from 'playwright-core';
import type { Browser } from '../../main/core/ports.ts';
import { submitSignInForm, type Credentials } from './hosted-ui.ts';

/** What the simulated person does with the next URL opened. */
export type BrowserAction =
  | { kind: 'sign-in'; credentials: Credentials }
  /** Press Cancel on the provider's sign-in page. */
  | { kind: 'cancel' }
  /** Open the URL and leave it (a logout page, or an already signed-in provider session). */
  | { kind: 'visit' }
  /** Do nothing: the person never comes back (or the test drives the URL itself). */
  | { kind: 'ignore' };

export interface OpenedPage {
  url: string;
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
    const record: OpenedPage = { url, sawPasswordForm: false };
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

  private async act(url: string, action: BrowserAction, record: OpenedPage): Promise<void> {
    this.context ??= this.chromium.newContext();
    const page = await (await this.context).newPage();
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      record.sawPasswordForm = (await page.locator('input[name="password"]').count()) > 0;
      if (record.sawPasswordForm && action.kind === 'sign-in')
        await submitSignInForm(page, action.credentials);
      if (record.sawPasswordForm && action.kind === 'cancel') await page.click('a[href*="/abort"]');
      if (action.kind !== 'visit' || !record.sawPasswordForm) {
        await page.waitForFunction(() => document.title.includes('cognito-desktop'), undefined, {
          timeout: 20_000,
        });
      }
      record.finalTitle = await page.title();
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
