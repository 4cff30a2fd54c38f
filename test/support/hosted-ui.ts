/**
 * Drives the emulator's hosted sign-in page, as a user would: in Chromium, or (for the benchmark's
 * many cycles) with plain form posts and a cookie jar.
 */
import { createServer } from 'node:http';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import type { Page, Request } from 'playwright-core';

export interface Credentials {
  username: string;
  password: string;
}

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignInForm(page: Page, credentials: Credentials): Promise<void> {
  await page.fill('input[name="login"]', credentials.username);
  await page.fill('input[name="password"]', credentials.password);
  await page.click('button[type="submit"]');
}

/**
 * Opens `authorizeUrl` in `page`, signs in when the form is shown, and returns the URL under
 * `redirectUri` the provider sent the browser to. Something must answer at `redirectUri`: the
 * app's receiver, or a {@link startPageStub} in tests of the provider alone.
 */
export async function signInAndCatchRedirect(
  page: Page,
  authorizeUrl: string,
  redirectUri: string,
  credentials?: Credentials,
): Promise<URL> {
  await page.goto(authorizeUrl, { waitUntil: 'domcontentloaded' });
  if (credentials && !page.url().startsWith(redirectUri)) await submitSignInForm(page, credentials);
  await page.waitForURL((url) => url.href.startsWith(redirectUri), { waitUntil: 'domcontentloaded' });
  return new URL(page.url());
}

/** What the simulated person does on the provider's page. */
export type BrowserAction =
  | { kind: 'sign-in'; credentials: Credentials }
  /** Press Cancel on the provider's sign-in page. */
  | { kind: 'cancel' }
  /** Open the URL and leave it (a logout page, or an already signed-in provider session). */
  | { kind: 'visit' }
  /** Do nothing: the person never comes back (or the test drives the URL itself). */
  | { kind: 'ignore' };

/**
 * Opens `url` in `page` and acts like a person: signs in or presses Cancel when the provider asks
 * for a password, then waits for the app's loopback page ("Signed in", "Signed out"…, whose title
 * names cognito-desktop). A visit that lands on the password form stays there.
 */
export async function actOnProviderPage(
  page: Page,
  url: string,
  action: Exclude<BrowserAction, { kind: 'ignore' }>,
  timeoutMs = 20_000,
): Promise<{ sawPasswordForm: boolean; finalTitle: string; landedOn: string }> {
  // The app opens a one-time loopback address that redirects to the provider: where it led.
  let landedOn = url;
  const launched = new URL(url).pathname.startsWith('/launch/');
  const onRequest = (request: Request): void => {
    if (launched && request.isNavigationRequest() && landedOn === url && request.url() !== url)
      landedOn = request.url();
  };
  page.on('request', onRequest);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  page.off('request', onRequest);
  // A provider that asks before signing out: the person confirms.
  const confirmSignOut = page.locator('form[action="/logout/confirm"] button');
  if ((await confirmSignOut.count()) > 0) await confirmSignOut.click();
  const sawPasswordForm = (await page.locator('input[name="password"]').count()) > 0;
  if (sawPasswordForm && action.kind === 'sign-in') await submitSignInForm(page, action.credentials);
  if (sawPasswordForm && action.kind === 'cancel') await page.click('a[href*="/abort"]');
  if (action.kind !== 'visit' || !sawPasswordForm) {
    await page.waitForFunction(() => document.title.includes('cognito-desktop'), undefined, {
      timeout: timeoutMs,
    });
  }
  return { sawPasswordForm, finalTitle: await page.title(), landedOn };
}

/** A loopback server that answers every GET with a small page: stands in for the app's receiver. */
export async function startPageStub(port: number): Promise<{ close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('stub');
  });
  await listen(server, port, '127.0.0.1');
  return { close: () => closeServer(server) };
}

/** A minimal cookie jar: name=value pairs per host, enough for the emulator's session cookies. */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  store(url: URL, response: Response): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(url.host, jar);
  }

  header(url: URL): string {
    return [...(this.cookies.get(url.host) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
}

/**
 * Signs in with HTTP requests only: follows the redirects from `authorizeUrl`, posts the form when
 * asked for a password, and returns the URL under `redirectUri` the provider sent the browser to.
 * The jar may be reused so a second sign-in sees the provider's session, as a browser would.
 */
export async function signInWithFormPosts(
  authorizeUrl: string,
  redirectUri: string,
  credentials: Credentials,
  jar = new CookieJar(),
): Promise<URL> {
  let url = new URL(authorizeUrl);
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const step = await browserStep(url, init, jar);
    if ('next' in step) {
      url = step.next;
      init = {};
      continue;
    }
    const action = /<form method="post" action="([^"]+)"/.exec(step.html)?.[1];
    if (!action)
      throw new Error(`no redirect and no sign-in form at ${url.pathname} (status ${step.status})`);
    if (init.method === 'POST') throw new Error('the sign-in form was shown again: wrong password?');
    url = new URL(action, url);
    init = {
      method: 'POST',
      body: new URLSearchParams({ login: credentials.username, password: credentials.password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('too many redirects while signing in');
}

/** One step of a browser: the request with the jar's cookies; where it redirects, or its page. */
export async function browserStep(
  url: URL,
  init: RequestInit,
  jar: CookieJar,
): Promise<{ next: URL } | { html: string; status: number }> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.store(url, response);
  const location = response.headers.get('location');
  if (location) {
    await response.arrayBuffer();
    return { next: new URL(location, url) };
  }
  return { html: await response.text(), status: response.status };
}

export { CookieJar };
