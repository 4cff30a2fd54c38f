/**
 * A proxy's question for a user name and password, put to the person through the window's
 * dialog: one question at a time (a new one cancels the last), given up after 2 minutes.
 */
import type { ProxySignInAnswer, ProxySignInRequest } from '../core/proxy-sign-in.ts';
import type { ProxySignInAnswerDto } from '../../preload/contract.ts';

/** How long the proxy sign-in dialog waits for an answer before the request gives up. */
const PROXY_SIGN_IN_TIMEOUT_MS = 2 * 60_000;

export class ProxyQuestion {
  private pending: ((answer: ProxySignInAnswer) => void) | undefined;

  constructor(
    /** Shows the dialog for `request`; undefined closes it. */
    private readonly show: (request: ProxySignInRequest | undefined) => void,
    private readonly timeoutMs = PROXY_SIGN_IN_TIMEOUT_MS,
  ) {}

  /** Asks; resolves with the credentials, or undefined when cancelled or unanswered in time. */
  ask(request: ProxySignInRequest): Promise<ProxySignInAnswer> {
    this.answer(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answer(null), this.timeoutMs);
      timer.unref();
      this.pending = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      this.show(request);
    });
  }

  /** The dialog's answer (null: Cancel); a late answer to no question is ignored. */
  answer(answer: ProxySignInAnswerDto | null): void {
    const question = this.pending;
    if (!question) return;
    this.pending = undefined;
    this.show(undefined);
    question(
      answer
        ? { credentials: { username: answer.username, password: answer.password }, remember: answer.remember }
        : undefined,
    );
  }
}
