/**
 * A browser that signs in with form posts and follows the app's redirects, like a person's would,
 * without Chromium: for the benchmark's many cycles and for tests that need a stored session fast.
 */
import type { Browser } from '../../main/core/ports.ts';
import { CookieJar, signInWithFormPosts, type Credentials } from './hosted-ui.ts';

export class FormPostBrowser implements Browser {
  /** `performance.now()` when the provider sent the browser back to the app. */
  callbackAt = 0;
  readonly jar = new CookieJar();
  private pending: Promise<void> | undefined;

  constructor(
    private readonly providerDomain: string,
    private readonly redirectUri: string,
    private readonly credentials: Credentials = { username: 'alice', password: 'Passw0rd!alice' },
  ) {}

  open(url: string): Promise<void> {
    this.pending = this.visit(url);
    return Promise.resolve();
  }

  /** Waits until the last page opened has finished loading. */
  async settle(): Promise<void> {
    await this.pending;
  }

  private async visit(url: string): Promise<void> {
    if (url.startsWith(`${this.providerDomain}/logout`)) {
      let next = url;
      for (let hop = 0; hop < 5; hop++) {
        const response = await fetch(next, { redirect: 'manual' });
        await response.arrayBuffer();
        const location = response.headers.get('location');
        if (!location) return;
        next = new URL(location, next).href;
      }
      return;
    }
    const callback = await signInWithFormPosts(url, this.redirectUri, this.credentials, this.jar);
    this.callbackAt = performance.now();
    const response = await fetch(callback, { redirect: 'manual' });
    await response.arrayBuffer();
    const page = await fetch(new URL(response.headers.get('location')!, callback));
    await page.arrayBuffer();
  }
}
