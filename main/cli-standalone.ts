/**
 * The entry of the installed `cognito-desktop` command: a standalone executable (Node's
 * single-executable application, built by scripts/build-cli.ts) shipped in the app's resources.
 * Its bundle is CommonJS, which has no top-level await, hence this entry beside cli-bin.ts.
 */
import { dirname, join } from 'node:path';
import { loadKeytarFrom } from './adapters/keytar-secret-store.ts';
import { main } from './cli.ts';

// keytar's native module cannot be embedded in the executable: a copy of the package sits beside it.
loadKeytarFrom(join(dirname(process.execPath), 'keytar'));
void main();
