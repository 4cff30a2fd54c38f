/**
 * A Secret Service that never answers: on a private D-Bus session, this process owns the name
 * `org.freedesktop.secrets` and lets every call go unanswered — what a keyring blocked on an
 * unlock prompt nobody can see looks like to libsecret. Prints the bus address once it owns the
 * name; runs until killed.
 *
 *   node --import tsx test/support/silent-secret-service.ts BUS_ADDRESS
 */
import dbus from 'dbus-next';

const address = process.argv[2];
if (!address) throw new Error('usage: silent-secret-service.ts BUS_ADDRESS');
const bus = dbus.sessionBus({ busAddress: address });
await bus.requestName('org.freedesktop.secrets', 0);
// Method calls to the name arrive here and are never answered.
bus.addMethodHandler(() => true);
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
