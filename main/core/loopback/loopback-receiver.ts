/**
 * The loopback receiver of RFC 8252 section 7.3: a small HTTP server on the redirect URI's fixed
 * port that catches the browser's return from the provider.
 *
 * - Bound to 127.0.0.1 only (for a `localhost` redirect URI also [::1], since a browser may pick
 *   either address for `localhost`), never to every interface.
 * - Answers GET on the redirect path and the sign-out path only; rejects a foreign `Host` header
 *   (DNS rebinding).
 * - A request with a wrong or missing `state` gets a 400 page and does not end the attempt; the
 *   first one with the right `state` does, `?error=` included.
 * - A good callback is answered once the sign-in's result is known (code exchanged, session
 *   stored): a 303 to the bare redirect path, so the code leaves the address bar and history, which
 *   then serves the result page with `Content-Security-Policy: default-src 'none'`.
 * - It always closes: on success, error, timeout, cancel, a new attempt and process exit.
 * - It survives any bytes: any local process can reach it, so a request it cannot parse gets a
 *   400 and never ends the attempt, let alone the process.
 * - It gives the browser a one-time launch address (`/launch/<random>`) that redirects to the
 *   provider's page: the browser is started with that address on its command line, which every
 *   local user can read, instead of the sign-in URL (`state`, PKCE challenge) or the sign-out URL
 *   (an ID token as `id_token_hint`). It answers once; a second request means someone else read
 *   it, and ends the sign-in it belongs to (whoever came first may hold its `state`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CALLBACK_TIMEOUT_MS, describeSeconds } from '../async-limits.ts';
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { closeServer, listen } from './http-server.ts';
import { withoutBrackets } from '../origin.ts';
import {
  badRequestPage,
  foreignCallbackPage,
  launchUsedPage,
  LOOPBACK_PAGE_CSP,
  notFoundPage,
  signedInPage,
  signedOutPage,
  signInFailedPage,
} from './loopback-pages.ts';

const MAX_HEADER_BYTES = 8 * 1024;
/** Where one-time launch addresses live; the rest of the path is 192 random bits. */
const LAUNCH_PREFIX = '/launch/';
const REQUEST_TIMEOUT_MS = 10_000;

type Outcome = { kind: 'callback'; url: URL } | { kind: 'failed'; error: AuthError };

/**
 * What became of an address the person pasted (the paste route): taken as this sign-in's answer,
 * or why not — not the registered redirect URI, another attempt's `state`, or an answer already in.
 */
export type PasteVerdict = 'accepted' | 'not-a-callback' | 'other-attempt' | 'already-answered';

/** Compares in constant time whatever the lengths: digests of equal size, never the texts. */
function sameText(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The loopback HTTP server for one sign-in attempt (or one sign-out). */
export class LoopbackReceiver {
  private readonly redirect: URL;
  private readonly signOutPath: string | undefined;
  private readonly servers: Server[] = [];
  private expectedState: string | undefined;
  private outcome: Outcome | undefined;
  private settle: ((outcome: Outcome) => void) | undefined;
  /** Settles the wait for the signed-out page: true when served, false when closed first. */
  private settleSignedOut: ((served: boolean) => void) | undefined;
  private signOutState: string | undefined;
  /** Whether sign-in finished well, once the caller knows (after the code exchange). */
  private result: boolean | undefined;
  /**
   * The browser's callback request, answered (303) when the result is known rather than at once:
   * answered at once, the browser's next request (for the result page) would reach this process
   * while the code is exchanged and hold the token request back (docs/performance.md). The
   * browser shows the same "loading" either way.
   */
  private heldCallback: ServerResponse | undefined;
  /** Browsers asking for the result page before the result is known, held until it is. */
  private readonly waitingForResult: ServerResponse[] = [];
  private resultPageServed: (() => void) | undefined;
  /** One-time launch addresses: path → the provider URL it redirects to, until it is used. */
  private readonly launches = new Map<string, { target: string; used: boolean }>();
  private closed = false;
  // Stryker disable all: runs only as the process exits, where no test can look.
  private readonly closeOnExit = (): void => {
    for (const server of this.servers) server.close();
  };
  // Stryker restore all

  /**
   * @param redirectUri the exact redirect URI registered with the provider
   * @param signOutUri the sign-out URI (same origin), whose path serves the "Signed out" page
   */
  constructor(redirectUri: string, signOutUri?: string) {
    this.redirect = new URL(redirectUri);
    this.signOutPath = signOutUri ? new URL(signOutUri).pathname : undefined;
  }

  /** The port this receiver listens on. */
  get port(): number {
    return Number(this.redirect.port);
  }

  /** Starts listening. A port in use fails at once with `port_in_use`, naming the port. */
  async start(): Promise<void> {
    const { hostname } = this.redirect;
    // `localhost` is both loopbacks (browsers try either); an IPv6 literal loses its brackets.
    const hosts = hostname === 'localhost' ? ['127.0.0.1', '::1'] : [withoutBrackets(hostname)];
    for (const [i, host] of hosts.entries()) {
      const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => this.handle(req, res));
      server.requestTimeout = REQUEST_TIMEOUT_MS;
      // Stryker disable next-line ArithmeticOperator: a slow-headers client is cut off either way; timing it would take a minute a run.
      server.headersTimeout = REQUEST_TIMEOUT_MS / 2;
      server.keepAliveTimeout = 1000;
      try {
        await listen(server, this.port, host);
        this.servers.push(server);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // [::1] missing (no IPv6 loopback) is fine: 127.0.0.1 then is what `localhost` means.
        // Stryker disable next-line all: only a machine without an IPv6 loopback takes this branch.
        if (i > 0 && code === 'EADDRNOTAVAIL') continue;
        await this.close();
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          throw new AuthError(
            'port_in_use',
            t(
              'Port {{port}} on this computer is in use by another program, so the browser cannot return to the app. Close the other program (or another cognito-desktop window), or register a redirect URI with a different port in your provider and in the settings (redirectUri).',
              { port: this.port },
            ),
            { cause: error },
          );
        }
        throw new AuthError(
          'internal',
          t('Could not listen on port {{port}}: {{code}}.', { port: this.port, code: String(code) }),
          {
            cause: error,
          },
        );
      }
    }
    process.once('exit', this.closeOnExit);
  }

  /**
   * Sets the `state` sent to the provider's end-session endpoint. A return to the sign-out path
   * with another `state` gets the page but does not count as the provider's answer; one with none
   * counts (Cognito's /logout returns without it).
   */
  expectSignOutState(state: string): void {
    this.signOutState = state;
  }

  /**
   * A one-time address on this receiver (same origin as the redirect URI) that sends the browser
   * on to `target`: what the browser is started with, so no command line carries `target`.
   */
  launchAddress(target: string): string {
    const path = `${LAUNCH_PREFIX}${randomBytes(24).toString('base64url')}`;
    this.launches.set(path, { target, used: false });
    return `${this.redirect.origin}${path}`;
  }

  /** Sets the `state` of the attempt; only a callback carrying it ends the wait. */
  expectState(state: string): void {
    this.expectedState = state;
  }

  /**
   * Waits for the callback with the expected state. Resolves with the callback URL rebuilt on the
   * exact registered redirect URI (openid-client derives `redirect_uri` from it). Rejects with
   * `timeout` or `cancelled`, closing the receiver. After it resolves, call {@link complete}.
   */
  async waitForCallback(timeoutMs = DEFAULT_CALLBACK_TIMEOUT_MS): Promise<URL> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome =
        this.outcome ??
        (await new Promise<Outcome>((resolve) => {
          this.settle = resolve;
          timer = setTimeout(() => {
            this.finish({
              kind: 'failed',
              error: new AuthError(
                'timeout',
                t(
                  'The browser did not come back within {{time}}. If the provider showed an error page, check that the callback URL {{url}} is registered exactly (port and path included); then try again.',
                  { time: describeSeconds(timeoutMs / 1000), url: this.redirect.href },
                ),
              ),
            });
          }, timeoutMs);
        }));
      if (outcome.kind === 'failed') {
        await this.close();
        throw outcome.error;
      }
      return outcome.url;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Tells the browser how sign-in ended: answers its callback (303 to the bare path), whose page
   * says "Signed in" or "did not complete", shown only once the tokens are really stored; waits
   * briefly for that page to be served, then closes.
   */
  async complete(succeeded: boolean, graceMs = 2000): Promise<void> {
    this.result = succeeded;
    // A pasted answer has no browser waiting here for its page: nothing to wait for.
    const browserWaits = this.heldCallback !== undefined || this.waitingForResult.length > 0;
    this.redirectHeldCallback();
    if (!browserWaits) return this.close();
    let timer: NodeJS.Timeout | undefined;
    const served = new Promise<void>((resolve) => {
      this.resultPageServed = resolve;
      timer = setTimeout(resolve, graceMs);
    });
    for (const res of this.waitingForResult.splice(0)) this.sendResultPage(res);
    await served;
    clearTimeout(timer);
    await this.close();
  }

  /** Waits until the "Signed out" page was served, or `timeoutMs` passed. True when it was served. */
  async waitForSignedOutPage(timeoutMs: number, lingerMs = 0): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const served = await new Promise<boolean>((resolve) => {
      this.settleSignedOut = resolve;
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    clearTimeout(timer);
    if (served || lingerMs <= 0) {
      await this.close();
      return served;
    }
    // Not back yet: a provider that asks the user to confirm may still send the browser here.
    // Keep serving the page a while (a new sign-in takes the port over at once), then close.
    this.settleSignedOut = () => void this.close();
    setTimeout(() => void this.close(), lingerMs).unref();
    return false;
  }

  /**
   * An address the person copied from a browser that could not reach this machine (it ended on the
   * redirect URI somewhere nothing listens) and pasted. It is this sign-in's answer only when it is
   * the registered redirect URI (scheme, host, port and path exactly) with this attempt's `state`
   * (compared in constant time), and only once: a paste and the browser's own callback race, and
   * whichever comes first wins.
   */
  acceptPasted(address: string): PasteVerdict {
    let url: URL;
    try {
      url = new URL(address.trim());
    } catch {
      return 'not-a-callback';
    }
    if (url.origin !== this.redirect.origin || url.pathname !== this.redirect.pathname)
      return 'not-a-callback';
    if (this.outcome) return 'already-answered';
    const state = url.searchParams.get('state');
    if (!this.expectedState || state === null || !sameText(state, this.expectedState)) return 'other-attempt';
    const callback = new URL(this.redirect.href);
    callback.search = url.search;
    this.finish({ kind: 'callback', url: callback });
    return 'accepted';
  }

  /** Ends the wait with `cancelled` and closes. */
  cancel(): void {
    this.finish({ kind: 'failed', error: new AuthError('cancelled', t('Sign-in was cancelled.')) });
    void this.close();
  }

  /** Stops listening and drops open connections. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    process.off('exit', this.closeOnExit);
    // Closed with no result (cancelled while the code was exchanged): the browser learns at once.
    if (this.heldCallback) send(this.heldCallback, 400, signInFailedPage());
    this.heldCallback = undefined;
    for (const res of this.waitingForResult.splice(0)) send(res, 400, signInFailedPage());
    this.settleSignedOut?.(false);
    await Promise.all(this.servers.map(closeServer));
  }

  private finish(outcome: Outcome): void {
    // Stryker disable next-line ConditionalExpression: equivalent: the waiter settled on the first outcome, and a later one is as truthy.
    if (this.outcome) return;
    this.outcome = outcome;
    this.settle?.(outcome);
  }

  private sendResultPage(res: ServerResponse): void {
    const succeeded = this.result === true;
    send(res, succeeded ? 200 : 400, succeeded ? signedInPage() : signInFailedPage());
    // Stryker disable next-line OptionalChaining: always set by complete() before a result page can be sent.
    this.resultPageServed?.();
  }

  /** Every request passes here: nothing a request carries may throw out of the server's listener. */
  private handle(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.route(req, res);
    } catch {
      answerUnparsable(res);
    }
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const expectedHost = this.redirect.host;
    if (req.headers.host !== expectedHost) return send(res, 400, foreignCallbackPage());
    if (req.method !== 'GET') return send(res, 405, notFoundPage(), { allow: 'GET' });
    const url = parseTarget(req.url, this.redirect.origin);
    // Stryker disable next-line ConditionalExpression: equivalent: without it, url.pathname throws and handle() sends the same 400.
    if (!url) return send(res, 400, badRequestPage());
    if (url.pathname === this.redirect.pathname) return this.handleCallback(url, res);
    if (url.pathname.startsWith(LAUNCH_PREFIX)) return this.handleLaunch(url.pathname, res);
    if (this.signOutPath && url.pathname === this.signOutPath) {
      send(res, 200, signedOutPage());
      const state = url.searchParams.get('state');
      if (state === null || (this.signOutState !== undefined && sameText(state, this.signOutState)))
        // Stryker disable next-line OptionalChaining: equivalent: the page is sent first, and handle() catches the throw.
        this.settleSignedOut?.(true);
      return;
    }
    send(res, 404, notFoundPage());
  }

  private handleCallback(url: URL, res: ServerResponse): void {
    if (url.search === '' && this.outcome) {
      if (this.result === undefined) {
        this.waitingForResult.push(res);
        return;
      }
      return this.sendResultPage(res);
    }
    const state = url.searchParams.get('state');
    if (this.outcome || !this.expectedState || state === null || !sameText(state, this.expectedState)) {
      return send(res, 400, foreignCallbackPage());
    }
    const callback = new URL(this.redirect.href);
    callback.search = url.search;
    // Stryker disable next-line StringLiteral: equivalent: only 'failed' is ever tested for.
    this.finish({ kind: 'callback', url: callback });
    this.heldCallback = res;
  }

  /**
   * A launch address: the first request is sent on to the provider (never cached); a second one
   * was made by someone who read the address too, so the sign-in it started ends: if that someone
   * came first, they hold its `state` and PKCE challenge and could return a code of their own.
   */
  private handleLaunch(path: string, res: ServerResponse): void {
    const launch = [...this.launches].find(([known]) => sameText(known, path))?.[1];
    if (!launch) return send(res, 404, notFoundPage());
    if (launch.used) {
      send(res, 410, launchUsedPage());
      if (this.expectedState)
        this.finish({
          kind: 'failed',
          error: new AuthError(
            'state_mismatch',
            t(
              'The sign-in link was opened twice, so another program on this computer may have seen it. This sign-in was stopped to keep your session safe: sign in again.',
            ),
          ),
        });
      return;
    }
    launch.used = true;
    res.writeHead(302, { location: launch.target, ...SECURITY_HEADERS });
    res.end();
  }

  /** 303 to the bare path: the code leaves the address bar and the history entry. */
  private redirectHeldCallback(): void {
    const res = this.heldCallback;
    if (!res) return;
    this.heldCallback = undefined;
    res.writeHead(303, { location: this.redirect.pathname, ...SECURITY_HEADERS });
    res.end();
  }
}

/**
 * The request target as a URL on our origin, or undefined. Only origin-form targets (`/path?query`,
 * RFC 9112 section 3.2.1) are ours: `//host/…` would be read as another host, and absolute-form is
 * for proxies. `new URL` throws on targets such as `//[` or `//a:99999/`: those are undefined too.
 */
// Stryker disable all: no known request makes route() throw (the fuzz test tries); this is the last line of defence.
function answerUnparsable(res: ServerResponse): void {
  if (!res.headersSent) send(res, 400, badRequestPage());
  else res.destroy();
}
// Stryker restore all

function parseTarget(target: string | undefined, origin: string): URL | undefined {
  // Stryker disable next-line OptionalChaining: Node's server always sets req.url.
  if (!target?.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    const url = new URL(target, origin);
    return url.origin === origin ? url : undefined;
    // Stryker disable next-line BlockStatement: equivalent: an emptied catch returns undefined too.
  } catch {
    return undefined;
  }
}

const SECURITY_HEADERS = {
  'content-security-policy': LOOPBACK_PAGE_CSP,
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  connection: 'close',
};

function send(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra });
  res.end(html);
}
