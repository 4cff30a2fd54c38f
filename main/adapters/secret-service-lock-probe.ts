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
import type { Message, MessageBus } from 'dbus-next';

const PROBE_TIMEOUT_MS = 1500;
const SERVICE = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
/** The object path D-Bus uses for "no object": an Unlock that needs no prompt returns it. */
const NO_PROMPT = '/';

/** True when locked, false when unlocked, undefined when it cannot tell (no Secret Service…). */
export async function isSecretServiceLocked(): Promise<boolean | undefined> {
  const dbus = await import('dbus-next');
  const bus = dbus.sessionBus();
  const call = (path: string, iface: string, member: string, signature: string, body: unknown[]) =>
    bus.call(new dbus.Message({ destination: SERVICE, path, interface: iface, member, signature, body }));
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = new Promise<boolean | undefined>((resolve) => {
      // A bus that cannot be reached reports through 'error' and never answers the call.
      bus.on('error', () => resolve(undefined));
      timer = setTimeout(() => resolve(undefined), PROBE_TIMEOUT_MS);
      probe(call).then(resolve, () => resolve(undefined));
    });
    return await answer;
  } finally {
    clearTimeout(timer);
    bus.disconnect();
  }
}

type Call = (
  path: string,
  iface: string,
  member: string,
  signature: string,
  body: unknown[],
) => ReturnType<MessageBus['call']>;

async function probe(call: Call): Promise<boolean | undefined> {
  const alias = await call(SERVICE_PATH, 'org.freedesktop.Secret.Service', 'ReadAlias', 's', ['default']);
  const collection = bodyAt<string>(alias, 0);
  if (!collection || collection === NO_PROMPT) return undefined;
  const locked = await call(collection, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
    'org.freedesktop.Secret.Collection',
    'Locked',
  ]);
  if (bodyAt<{ value?: unknown }>(locked, 0)?.value !== true) return false;
  const unlock = await call(SERVICE_PATH, 'org.freedesktop.Secret.Service', 'Unlock', 'ao', [[collection]]);
  return bodyAt<string>(unlock, 1) !== NO_PROMPT;
}

function bodyAt<T>(message: Message | null, index: number): T | undefined {
  return message?.body[index] as T | undefined;
}
