/**
 * Drives the emulator's hosted sign-in page, as a user would: in Chromium, or (for the benchmark's
 * many cycles) with plain form posts and a cookie jar.
 */
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';

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

/** A loopback server that answers every GET with a small page: stands in for the app's receiver. */
export async function startPageStub(port: number): Promise<{ close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('stub');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
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
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (location) {
      await response.arrayBuffer();
      url = new URL(location, url);
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action)
      throw new Error(`no redirect and no sign-in form at ${url.pathname} (status ${response.status})`);
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

export { CookieJar };
