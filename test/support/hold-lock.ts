/**
 * Takes the cross-process session lock and holds it until killed: `tsx test/support/hold-lock.ts
 * DIR NAME` prints "held" once it has the lock. For tests of a lock left by a killed process.
 */
import { FileSessionLock } from '../../main/adapters/file-session-lock.ts';

const [dir, name] = process.argv.slice(2);
if (!dir || !name) throw new Error('usage: hold-lock.ts DIR NAME');
await new FileSessionLock(dir).run(name, async () => {
  process.stdout.write('held\n');
  // Nothing else keeps the event loop alive: proper-lockfile's refresh timer is unref'd.
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
});
