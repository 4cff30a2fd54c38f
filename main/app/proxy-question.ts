/**
 * A proxy's question for a user name and password, put to the person through the window's
 * dialog: one question at a time (a new one cancels the last), given up after 2 minutes. Each
 * question has a random id the answer must name, so a late or stray answer (a dialog left over
 * from an earlier question, a page that should not answer at all) never answers another question.
 */
import { randomUUID } from 'node:crypto';
import type {
  ProxyCredentials,
  ProxySignInAnswer,
  ProxySignInRequest,
} from '../core/network/proxy-sign-in.ts';

/** A question as the dialog shows it: the proxy's request and the question's id. */
export interface ProxyQuestionShown extends ProxySignInRequest {
  question: string;
}

/** The dialog's reply: the question it answers, and the user name and password (null: Cancel). */
export interface ProxyQuestionReply {
  question: string;
  answer: (ProxyCredentials & { remember: boolean }) | null;
}

/** How long the proxy sign-in dialog waits for an answer before the request gives up. */
const PROXY_SIGN_IN_TIMEOUT_MS = 2 * 60_000;

export class ProxyQuestion {
  private pending: { question: string; settle: (answer: ProxySignInAnswer) => void } | undefined;

  constructor(
    /** Shows the dialog for `request`; undefined closes it. */
    private readonly show: (request: ProxyQuestionShown | undefined) => void,
    private readonly timeoutMs = PROXY_SIGN_IN_TIMEOUT_MS,
  ) {}

  /** Asks; resolves with the credentials, or undefined when cancelled or unanswered in time. */
  ask(request: ProxySignInRequest): Promise<ProxySignInAnswer> {
    this.end(undefined);
    const question = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answer({ question, answer: null }), this.timeoutMs);
      timer.unref();
      this.pending = {
        question,
        settle: (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
      };
      this.show({ ...request, question });
    });
  }

  /** The dialog's reply; one to a question no longer asked (or never asked) is ignored. */
  answer(reply: ProxyQuestionReply): void {
    if (this.pending?.question !== reply.question) return;
    const { answer } = reply;
    this.end(
      answer
        ? { credentials: { username: answer.username, password: answer.password }, remember: answer.remember }
        : undefined,
    );
  }

  /** Ends the question asked, if any, with `answer`, and closes the dialog. */
  private end(answer: ProxySignInAnswer): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.show(undefined);
    pending.settle(answer);
  }
}
