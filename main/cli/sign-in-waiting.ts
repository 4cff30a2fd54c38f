/**
 * What `login` shows and reads while the sign-in waits for its answer: the link, the paste prompt
 * (the paste route: the browser ended on the redirect address somewhere nothing listens, and the
 * person pastes that address here), and the time left — a live line on a terminal, one line per
 * change otherwise. The pasted address is never printed or logged.
 */
import type { PasteVerdict } from '../core/loopback/loopback-receiver.ts';
import type { DeviceCode } from '../core/session/device-sign-in.ts';
import type { SignInAttempt } from '../core/session/session-events.ts';
import { describeSeconds } from '../core/async-limits.ts';
import type { Io } from './terminal.ts';

export interface WaitingDeps {
  io: Io;
  /** The sign-in's `pasteCallback`. */
  paste: (address: string) => PasteVerdict | 'no-sign-in';
  /** The registered redirect URI: where the browser ends. */
  redirectUri: string;
  /** Ctrl-C at the paste prompt (readline takes it from the terminal). */
  cancel: () => void;
  /** Standard error is a terminal: a live countdown line (and a QR code) is possible. */
  liveLine: boolean;
  now?: () => number;
}

const ANSWERS: Record<Exclude<PasteVerdict, 'accepted'>, (redirect: string) => string> = {
  'not-a-callback': (redirect) =>
    `That is not the address the browser ended on: it starts with ${redirect}?code= — copy it whole from the address bar and paste it again.`,
  'other-attempt': () =>
    'That address belongs to another sign-in attempt: open the link printed above, sign in, and paste the address that one ends on.',
  'already-answered': () => 'This sign-in already has its answer.',
};

export class SignInWaiting {
  private reading: { close(): void } | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private attempt: SignInAttempt | undefined;

  constructor(private readonly deps: WaitingDeps) {}

  /** The attempt has begun: say where to sign in and, for the paste route, what to paste. */
  started(attempt: SignInAttempt, route: 'browser' | 'paste'): void {
    this.attempt = attempt;
    const { io } = this.deps;
    const limit = describeSeconds((attempt.expiresAt - attempt.startedAt) / 1000);
    if (route === 'browser') {
      io.err('Opening your browser to sign in. If it does not open, visit:');
      io.err(`  ${attempt.url}`);
      if (this.deps.liveLine) this.startCountdown('Waiting for you to finish in your browser');
      else io.err(`Waiting for you to finish in your browser (gives up after ${limit}; Ctrl-C cancels)…`);
      return;
    }
    io.err('Open this link in a browser, on any device, to sign in:');
    io.err(`  ${attempt.url}`);
    this.offerPaste(limit);
  }

  /**
   * The device route: where to go and the code to type, a QR code of the address with the code
   * in it on a terminal, then the time left.
   */
  async deviceCode(code: DeviceCode): Promise<void> {
    const { io } = this.deps;
    io.err('To sign in, open this address in a browser on any device:');
    io.err(`  ${code.verificationUri}`);
    io.err(`and enter the code:  ${code.userCode}`);
    if (this.deps.liveLine && code.verificationUriComplete) {
      // Loaded here: only a terminal showing a device code needs it.
      const { renderUnicodeCompact } = await import('uqr');
      io.err(`Or scan this with your phone:\n${renderUnicodeCompact(code.verificationUriComplete)}`);
    }
    this.attempt = { url: code.verificationUri, startedAt: this.now(), expiresAt: code.expiresAt };
    if (this.deps.liveLine) this.startCountdown('Waiting for the code to be used');
    else
      io.err(
        `Waiting for the code to be used (it expires in ${describeSeconds((code.expiresAt - this.now()) / 1000)}; Ctrl-C cancels)…`,
      );
  }

  /** The browser did not open: say so at once and switch to the paste route. */
  browserFailed(reason: string): void {
    this.stopCountdown();
    this.deps.io.err(`Could not open a browser here (${reason}). Open the link above on any device instead.`);
    const attempt = this.attempt;
    this.offerPaste(attempt ? describeSeconds((attempt.expiresAt - this.now()) / 1000) : undefined);
  }

  /** The sign-in ended: stop reading and counting. */
  stop(): void {
    this.stopCountdown();
    this.reading?.close();
    this.reading = undefined;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private offerPaste(limit: string | undefined): void {
    if (this.reading) return;
    const { io, redirectUri } = this.deps;
    io.err(
      `After you sign in, the browser ends on a page it cannot reach, at an address that starts with\n  ${redirectUri}?\nCopy that whole address from the address bar and paste it here${limit ? ` (this gives up after ${limit}; Ctrl-C cancels)` : ''}:`,
    );
    void this.readPastes();
  }

  private async readPastes(): Promise<void> {
    const { createInterface } = await import('node:readline');
    const lines = createInterface({ input: process.stdin, terminal: false });
    this.reading = lines;
    lines.on('SIGINT', () => this.deps.cancel());
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const verdict = this.deps.paste(line);
      if (verdict === 'accepted') {
        this.deps.io.err('Got it: finishing the sign-in…');
        break;
      }
      if (verdict !== 'no-sign-in') this.deps.io.err(ANSWERS[verdict](this.deps.redirectUri));
    }
    lines.close();
  }

  private startCountdown(label: string): void {
    const draw = (): void => {
      const left = Math.max(0, Math.round((this.attempt!.expiresAt - this.now()) / 1000));
      const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      process.stderr.write(`\r\x1b[2K${label}: ${clock} left · Ctrl-C cancels`);
    };
    draw();
    this.ticker = setInterval(draw, 1000);
    this.ticker.unref();
  }

  private stopCountdown(): void {
    if (!this.ticker) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    process.stderr.write('\r\x1b[2K');
  }
}
