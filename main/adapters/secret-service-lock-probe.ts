/**
 * Asks the Secret Service on D-Bus (GNOME Keyring, KWallet) whether its default collection is
 * locked. libsecret, under keytar, answers "no such entry" for every lookup in a locked collection
 * and "deleted nothing" for every delete, so the keychain adapter asks this before trusting either.
 * Linux only; pure JavaScript (dbus-next), loaded only when needed.
 */

const PROBE_TIMEOUT_MS = 1500;

/** True when locked, false when unlocked, undefined when it cannot tell (no Secret Service…). */
export async function isSecretServiceLocked(): Promise<boolean | undefined> {
  const dbus = await import('dbus-next');
  const bus = dbus.sessionBus();
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = new Promise<boolean | undefined>((resolve) => {
      // A bus that cannot be reached reports through 'error' and never answers the call.
      bus.on('error', () => resolve(undefined));
      timer = setTimeout(() => resolve(undefined), PROBE_TIMEOUT_MS);
      bus
        .call(
          new dbus.Message({
            destination: 'org.freedesktop.secrets',
            path: '/org/freedesktop/secrets/aliases/default',
            interface: 'org.freedesktop.DBus.Properties',
            member: 'Get',
            signature: 'ss',
            body: ['org.freedesktop.Secret.Collection', 'Locked'],
          }),
        )
        .then(
          (reply) => {
            const value = (reply?.body[0] as { value?: unknown } | undefined)?.value;
            resolve(typeof value === 'boolean' ? value : undefined);
          },
          () => resolve(undefined),
        );
    });
    return await answer;
  } finally {
    clearTimeout(timer);
    bus.disconnect();
  }
}
