/**
 * A "system browser" for tests of the CLI: point `BROWSER` at `tsx test/support/system-browser.ts`
 * and the CLI opens its URLs here. It is real Chromium, driven like a person would:
 *
 * - on the provider's sign-in form it signs in as SYSTEM_BROWSER_USER (default alice) with the test
 *   users' password `Passw0rd!<user>` — a variable named like a password would not reach it: the
 *   CLI starts the browser without those — or presses Cancel when SYSTEM_BROWSER_ACTION=cancel;
 * - it follows the redirects and waits for the app's loopback page ("Signed in", "Signed out"…);
 * - it appends one JSON line per URL to SYSTEM_BROWSER_LOG: the provider URL the app's one-time
 *   launch address led to (its origin and path, and its parameters' names), the address it was
 *   started with, the page title it ended on.
 */
import { appendFileSync } from 'node:fs';
import { launchChromium } from './chromium.ts';
import { actOnProviderPage } from './hosted-ui.ts';

const url = process.argv[2];
if (!url) {
  console.error('usage: system-browser.ts URL');
  process.exit(2);
}

const browser = await launchChromium();
const log = (entry: Record<string, unknown>): void => {
  if (process.env.SYSTEM_BROWSER_LOG)
    appendFileSync(process.env.SYSTEM_BROWSER_LOG, `${JSON.stringify(entry)}\n`);
};
const page = await browser.newPage();
try {
  const action =
    process.env.SYSTEM_BROWSER_ACTION === 'cancel'
      ? ({ kind: 'cancel' } as const)
      : ({
          kind: 'sign-in',
          credentials: {
            username: process.env.SYSTEM_BROWSER_USER ?? 'alice',
            password: `Passw0rd!${process.env.SYSTEM_BROWSER_USER ?? 'alice'}`,
          },
        } as const);
  const { finalTitle, landedOn } = await actOnProviderPage(page, url, action, 30_000);
  const opened = new URL(landedOn);
  log({
    launchedWith: url.split('?')[0],
    opened: `${opened.origin}${opened.pathname}`,
    params: [...opened.searchParams.keys()],
    title: finalTitle,
    finalUrl: page.url(),
  });
} catch (error) {
  // Where it got stuck, without the query (which may carry a code).
  log({ opened: url.split('?')[0], error: String(error), stuckAt: page.url().split('?')[0] });
} finally {
  await browser.close();
}
