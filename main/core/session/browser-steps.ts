/**
 * What a sign-in and a sign-out share on the way to the browser: a loopback receiver on the
 * registered port, and opening a page without failing when no browser opens.
 */
import type { LoopbackReceiver } from '../loopback/loopback-receiver.ts';
import { loadOnce } from '../load-once.ts';
import type { Browser, Logger } from '../ports.ts';
import type { Settings } from '../settings/settings.ts';

/** The loopback receiver's module (Node's HTTP server): loaded only when a sign-in or sign-out needs it. */
const loadLoopbackReceiver = loadOnce(() => import('../loopback/loopback-receiver.ts'));

/** A receiver on the settings' redirect URI (and sign-out URI), not yet listening. */
export async function newReceiver(
  settings: Pick<Settings, 'redirectUri' | 'logoutUri'>,
): Promise<LoopbackReceiver> {
  const { LoopbackReceiver } = await loadLoopbackReceiver();
  return new LoopbackReceiver(settings.redirectUri, settings.logoutUri);
}

/**
 * Opens `url`; a browser that does not open is logged and its reason returned, not thrown (the
 * URL stays on offer). Undefined when it opened.
 */
export async function openInBrowser(
  browser: Browser,
  logger: Logger,
  url: string,
): Promise<string | undefined> {
  try {
    await browser.open(url);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`Could not open the browser: ${reason}`);
    return reason;
  }
}
