/**
 * The session agent: where the CLI keeps sessions on a machine with no OS keychain (an SSH box, a
 * container), for the length of the person's login, without writing a token to disk. One small
 * process per user holds the entries in memory and answers over a Unix socket in a private folder
 * (0700, the user's: `$XDG_RUNTIME_DIR/cognito-desktop`, else `/tmp/cognito-desktop-<uid>`), as
 * ssh-agent and oidc-agent do: other users cannot reach it. It ends when its socket goes (logind
 * removes `$XDG_RUNTIME_DIR` at logout), when its last entry is deleted (`logout`), when it was
 * started but given nothing for a minute, or when told to stop.
 */
import { spawn } from 'node:child_process';
import { chmodSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securePrivateFolder } from '../core/settings/private-folder.ts';
import { KeychainLockedError, type SecretStore } from '../core/ports.ts';
import { withoutSecrets } from '../core/browser-command.ts';

/** An empty agent ends after this long without a request. */
export const EMPTY_AGENT_LIFETIME_MS = 60_000;
/** How often the agent checks that its socket is still where it listens. */
const SOCKET_CHECK_MS = 2000;
/** How long a client waits for a new agent to listen. */
const START_WAIT_MS = 5000;

type Request =
  | { op: 'get' | 'delete'; service: string; account: string }
  | { op: 'set'; service: string; account: string; value: string }
  | { op: 'ping' | 'stop' };
type Reply =
  { ok: true; value?: string | null; deleted?: boolean; pid?: number } | { ok: false; error: string };

/** The agent's folder and socket for this user. */
export function agentSocketPath(env: NodeJS.ProcessEnv, uid = process.getuid?.() ?? 0): string {
  const folder = env.XDG_RUNTIME_DIR
    ? join(env.XDG_RUNTIME_DIR, 'cognito-desktop')
    : join(tmpdir(), `cognito-desktop-${uid}`);
  return join(folder, 'agent.sock');
}

/** Runs the agent on `socketPath` until it has reason to end; resolves then. */
export async function runAgent(socketPath: string, emptyLifetimeMs = EMPTY_AGENT_LIFETIME_MS): Promise<void> {
  securePrivateFolder(join(socketPath, '..'));
  rmSync(socketPath, { force: true });
  const entries = new Map<string, string>();
  const key = (service: string, account: string): string => JSON.stringify([service, account]);
  let lastRequest = Date.now();
  let finish: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (finish = resolve));

  const answer = (request: Request): Reply => {
    lastRequest = Date.now();
    switch (request.op) {
      case 'ping':
        return { ok: true, pid: process.pid };
      case 'stop':
        setImmediate(finish);
        return { ok: true };
      case 'get':
        return { ok: true, value: entries.get(key(request.service, request.account)) ?? null };
      case 'set':
        entries.set(key(request.service, request.account), request.value);
        return { ok: true };
      case 'delete': {
        const deleted = entries.delete(key(request.service, request.account));
        // The last session signed out (`logout`): nothing left to keep, so the agent goes too.
        if (deleted && entries.size === 0) setImmediate(finish);
        return { ok: true, deleted };
      }
    }
  };
  const server = createServer((socket) => {
    readLine(socket).then(
      (line) => {
        let reply: Reply;
        try {
          reply = answer(JSON.parse(line) as Request);
        } catch {
          reply = { ok: false, error: 'bad request' };
        }
        socket.end(`${JSON.stringify(reply)}\n`);
      },
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  const listening = statSync(socketPath).ino;
  const watch = setInterval(() => {
    const now = statSync(socketPath, { throwIfNoEntry: false });
    const gone = !now || now.ino !== listening;
    const idleAndEmpty = entries.size === 0 && Date.now() - lastRequest > emptyLifetimeMs;
    if (gone || idleAndEmpty) finish();
  }, SOCKET_CHECK_MS);
  await ended;
  clearInterval(watch);
  entries.clear();
  server.close();
  const now = statSync(socketPath, { throwIfNoEntry: false });
  if (now?.ino === listening) rmSync(socketPath, { force: true });
}

/** Reads one line (a request or a reply) of at most 1 MB. */
function readLine(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
      else if (text.length > 1 << 20) reject(new Error('request too long'));
    });
    socket.on('end', () => reject(new Error('closed before a whole line')));
    socket.on('error', reject);
  });
}

/** Sends one request to the agent at `socketPath`. */
function ask(socketPath: string, request: Request): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    readLine(socket).then((line) => resolve(JSON.parse(line) as Reply), reject);
    socket.once('error', reject);
  });
}

/**
 * The command that runs this program again: the script and Node's own flags when run by Node
 * (`node out/main/cli.js`, `node --import tsx main/cli-bin.ts`), else the executable itself (the
 * installed CLI).
 */
export function selfCommand(
  argv = process.argv,
  execArgv = process.execArgv,
  execPath = process.execPath,
): string[] {
  const script = argv[1];
  return script && /\.[cm]?[jt]s$/.test(script) ? [execPath, ...execArgv, script] : [execPath];
}

/** The agent's argument: `cognito-desktop __session-agent SOCKET` runs one. */
export const AGENT_COMMAND = '__session-agent';

/** {@link SecretStore} in the session agent, started on first use when none answers. */
export class AgentSecretStore implements SecretStore {
  private started: Promise<void> | undefined;

  constructor(
    private readonly socketPath: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async get(service: string, account: string): Promise<string | null> {
    const reply = await this.request({ op: 'get', service, account });
    return reply.value ?? null;
  }

  async set(service: string, account: string, value: string): Promise<void> {
    await this.request({ op: 'set', service, account, value });
  }

  async delete(service: string, account: string): Promise<boolean> {
    return (await this.request({ op: 'delete', service, account })).deleted === true;
  }

  private async request(request: Request): Promise<Extract<Reply, { ok: true }>> {
    let reply: Reply;
    try {
      reply = await ask(this.socketPath, request);
    } catch {
      // None answers: start one (once per process), then ask again.
      this.started ??= this.start();
      await this.started;
      reply = await ask(this.socketPath, request);
    }
    if (!reply.ok) throw new Error(`the session agent refused: ${reply.error}`);
    return reply;
  }

  private async start(): Promise<void> {
    const [command, ...args] = selfCommand();
    const child = spawn(command!, [...args, AGENT_COMMAND, this.socketPath], {
      detached: true,
      stdio: 'ignore',
      env: withoutSecrets(this.env),
    });
    child.unref();
    const deadline = Date.now() + START_WAIT_MS;
    for (;;) {
      try {
        await ask(this.socketPath, { op: 'ping' });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}

/** The environment switch that keeps sessions in the agent where no OS keychain exists. */
export const SESSION_AGENT_ENV = 'COGNITO_DESKTOP_SESSION_AGENT';

/** What the CLI says where no keychain answered and the agent is off. */
export const SESSION_AGENT_ADVICE = `Where no keychain can run (SSH, containers), keep sessions in memory until you log out: export ${SESSION_AGENT_ENV}=on`;

/**
 * The OS keychain; where there is none at all (no Secret Service — not a locked one, which stays an
 * error), the session agent. Decided at the first call that fails, then kept for the process.
 */
export class KeychainOrAgent implements SecretStore {
  /** True once this process keeps its entries in the agent. */
  usingAgent = false;

  constructor(
    private readonly keychain: SecretStore,
    private readonly agent: SecretStore,
  ) {}

  get(service: string, account: string): Promise<string | null> {
    return this.call((store) => store.get(service, account));
  }

  set(service: string, account: string, value: string): Promise<void> {
    return this.call((store) => store.set(service, account, value));
  }

  delete(service: string, account: string): Promise<boolean> {
    return this.call((store) => store.delete(service, account));
  }

  private async call<T>(op: (store: SecretStore) => Promise<T>): Promise<T> {
    if (this.usingAgent) return op(this.agent);
    try {
      return await op(this.keychain);
    } catch (error) {
      if (error instanceof KeychainLockedError) throw error;
      this.usingAgent = true;
      return op(this.agent);
    }
  }
}
