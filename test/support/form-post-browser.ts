/**
 * A browser that signs in with form posts and follows the app's redirects, like a person's would,
 * without Chromium: for the benchmark's many cycles and for tests that need a stored session fast.
 */
import { get } from 'node:http';
import type { Browser } from '../../main/core/ports.ts';
import { CookieJar, browserStep, signInWithFormPosts, type Credentials } from './hosted-ui.ts';

export class FormPostBrowser implements Browser {
  /** `performance.now()` when the provider sent the browser back to the app. */
  callbackAt = 0;
  /** The HTTP status of the app's result page ("Signed in" 200, "did not complete" 400). */
  resultStatus: number | undefined;
  readonly jar = new CookieJar();
  /** Where each page the app opened led: its one-time launch address followed to the provider. */
  readonly visited: string[] = [];
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

  private async visit(launched: string): Promise<void> {
    const url = await followLaunch(launched);
    this.visited.push(url);
    if (url.startsWith(`${this.providerDomain}/logout`)) return this.signOutAtProvider(new URL(url));
    const callback = await signInWithFormPosts(url, this.redirectUri, this.credentials, this.jar);
    this.callbackAt = performance.now();
    const location = (await loadPage(callback)).location;
    this.resultStatus = (await loadPage(new URL(location, callback))).status;
  }

  /**
   * Follows the provider's sign-out redirects with its cookies, and presses "Sign out" when the
   * provider asks to confirm, as a person would.
   */
  private async signOutAtProvider(start: URL): Promise<void> {
    let url = start;
    let init: RequestInit = {};
    for (let hop = 0; hop < 6; hop++) {
      const step = await browserStep(url, init, this.jar);
      if ('next' in step) {
        url = step.next;
        init = {};
        continue;
      }
      const { html } = step;
      const confirm = /<form method="post" action="([^"]*\/logout\/confirm)">/.exec(html);
      if (!confirm || init.method === 'POST') return;
      const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
        ([, name = '', value = '']) => [unescapeHtml(name), unescapeHtml(value)],
      );
      url = new URL(confirm[1]!, url);
      init = {
        method: 'POST',
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      };
    }
  }
}

/**
 * Where the app's one-time launch address (`…/launch/<random>` on its loopback receiver) sends the
 * browser; any other URL is where it is. Following it uses the address up, as a browser does.
 */
export async function followLaunch(url: string): Promise<string> {
  if (!new URL(url).pathname.startsWith('/launch/')) return url;
  const { status, location } = await loadPage(new URL(url));
  if (status !== 302 || !location) throw new Error(`The launch address answered ${status}.`);
  return location;
}

/**
 * Loads an app page (the callback, then the result page it redirects to) with `node:http`
 * rather than `fetch`: the benchmark times the app from the callback on, and this browser runs
 * in the app's process, so its own work must stay small (fetch's set-up for a new origin costs
 * some milliseconds; a real browser's costs the app nothing). Returns the status and redirect location.
 */
function loadPage(url: URL): Promise<{ status: number | undefined; location: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode, location: response.headers.location ?? '' }),
      );
    }).on('error', reject);
  });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
