/**
 * Asks the Secret Service on D-Bus (GNOME Keyring, KWallet) whether its default collection is
 * locked in a way only a person can undo. libsecret, under keytar, answers "no such entry" for
 * every lookup in a locked collection and "deleted nothing" for every delete, so the keychain
 * adapter asks this before trusting either.
 *
 * A collection reports `Locked` until something unlocks it, also when no password protects it
 * (a fresh unencrypted keyring): so a locked collection is asked to unlock. Done at once, it was
 * never really locked; if the service answers with a prompt (a password to type), it is locked, and
 * the prompt is left unshown: the command says how to unlock instead.
 *
 * Linux only; pure JavaScript (dbus-next), loaded only when needed.
 */
import type { Message } from 'dbus-next';

const PROBE_TIMEOUT_MS = 1500;
const SERVICE_PATH = '/org/freedesktop/secrets';
/** The object path D-Bus uses for "no object": an Unlock that needs no prompt returns it. */
const NO_PROMPT = '/';

/** One method call to the Secret Service; rejects when it answers with no message. */
export type SecretServiceCall = (
  path: string,
  iface: string,
  member: string,
  signature: string,
  body: unknown[],
) => Promise<Message>;

/**
 * Runs `task` with a connection to the Secret Service on the session bus (or the bus at
 * `busAddress`), closed afterwards. A bus that cannot be reached, or a task that takes longer than
 * `timeoutMs`, rejects: an unreachable bus only reports an 'error' event and never answers.
 */
export async function withSecretService<T>(
  task: (call: SecretServiceCall) => Promise<T>,
  options: { busAddress?: string; timeoutMs?: number } = {},
): Promise<T> {
  const dbus = await import('dbus-next');
  const bus = dbus.sessionBus(options.busAddress ? { busAddress: options.busAddress } : {});
  const call: SecretServiceCall = async (path, iface, member, signature, body) => {
    const message = new dbus.Message({
      destination: 'org.freedesktop.secrets',
      path,
      interface: iface,
      member,
      signature,
      body,
    });
    const reply = await bus.call(message);
    if (!reply) throw new Error(`the Secret Service sent no reply to ${member}`);
    return reply;
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      bus.on('error', reject);
      if (options.timeoutMs)
        timer = setTimeout(() => reject(new Error('the Secret Service did not answer')), options.timeoutMs);
      task(call).then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    bus.disconnect();
  }
}

/** True when locked, false when unlocked, undefined when it cannot tell (no Secret Service…). */
export function isSecretServiceLocked(): Promise<boolean | undefined> {
  return withSecretService(probe, { timeoutMs: PROBE_TIMEOUT_MS }).catch(() => undefined);
}

async function probe(call: SecretServiceCall): Promise<boolean | undefined> {
  const alias = await call(SERVICE_PATH, 'org.freedesktop.Secret.Service', 'ReadAlias', 's', ['default']);
  const collection = alias.body[0] as string | undefined;
  if (!collection || collection === NO_PROMPT) return undefined;
  const locked = await call(collection, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
    'org.freedesktop.Secret.Collection',
    'Locked',
  ]);
  if ((locked.body[0] as { value?: unknown } | undefined)?.value !== true) return false;
  const unlock = await call(SERVICE_PATH, 'org.freedesktop.Secret.Service', 'Unlock', 'ao', [[collection]]);
  return (unlock.body[1] as string | undefined) !== NO_PROMPT;
}
