/**
 * Signing in to a proxy that asks for credentials (HTTP 407), in the app: the person is asked once
 * per proxy (the app's dialog); the answer lives in memory, or in the keychain when they tick
 * "remember" — never in a file. Credentials the proxy refuses are forgotten and asked for again,
 * a few times at most. Requests waiting on the same proxy share one question.
 */
import type { SecretStore } from '../ports.ts';

export interface ProxyCredentials {
  username: string;
  password: string;
}

/** What Chromium says when a proxy asks for credentials. */
export interface ProxyChallenge {
  host: string;
  port: number;
  realm: string;
  /** 1 for a request's first challenge; more: the credentials given were refused. */
  attempt: number;
}

/** The question put to the person: which proxy, and whether what they gave was refused. */
export interface ProxySignInRequest {
  proxy: string;
  realm: string;
  refused: boolean;
}

export type ProxySignInAnswer = { credentials: ProxyCredentials; remember: boolean } | undefined;

/** Asks the person; undefined when they cancel (or nobody answers in time). */
export type AskForProxyCredentials = (request: ProxySignInRequest) => Promise<ProxySignInAnswer>;

/** After this many refusals in a row the request gives up: the proxy error reaches the user. */
export const MAX_PROXY_ATTEMPTS = 3;

/** Keychain account of a proxy's remembered credentials. */
export function proxyAccount(proxy: string): string {
  return `proxy:${proxy}`;
}

export class ProxySignIn {
  private readonly memory = new Map<string, ProxyCredentials>();
  private readonly asking = new Map<string, Promise<ProxySignInAnswer>>();

  constructor(
    private readonly ask: AskForProxyCredentials,
    private readonly store: SecretStore,
    private readonly keychainService: string,
  ) {}

  /** The credentials to answer `challenge` with; undefined cancels the proxy's request. */
  async answer(challenge: ProxyChallenge): Promise<ProxyCredentials | undefined> {
    const proxy = `${challenge.host}:${challenge.port}`;
    const refused = challenge.attempt > 1;
    if (refused) await this.forget(proxy);
    else {
      const known = this.memory.get(proxy) ?? (await this.remembered(proxy));
      if (known) return known;
    }
    if (challenge.attempt > MAX_PROXY_ATTEMPTS) return undefined;
    let question = this.asking.get(proxy);
    if (!question) {
      question = this.ask({ proxy, realm: challenge.realm, refused }).finally(() =>
        this.asking.delete(proxy),
      );
      this.asking.set(proxy, question);
    }
    const answer = await question;
    if (!answer) return undefined;
    this.memory.set(proxy, answer.credentials);
    if (answer.remember) {
      // A keychain that cannot keep them only means asking again next time.
      await this.store
        .set(this.keychainService, proxyAccount(proxy), JSON.stringify(answer.credentials))
        .catch(() => undefined);
    }
    return answer.credentials;
  }

  private async remembered(proxy: string): Promise<ProxyCredentials | undefined> {
    const text = await this.store.get(this.keychainService, proxyAccount(proxy)).catch(() => null);
    try {
      // Nothing stored (null) or not JSON: both land in the catch below.
      const parsed = JSON.parse(text ?? '') as Partial<ProxyCredentials>;
      if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string') return undefined;
      const credentials = { username: parsed.username, password: parsed.password };
      this.memory.set(proxy, credentials);
      return credentials;
    } catch {
      return undefined;
    }
  }

  private async forget(proxy: string): Promise<void> {
    this.memory.delete(proxy);
    await this.store.delete(this.keychainService, proxyAccount(proxy)).catch(() => false);
  }
}
