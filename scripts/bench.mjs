// `npm run bench`: the benchmark, with a real keychain (a private one on a headless machine).
import { runWithKeychain } from './keychain-session.mjs';

process.exit(runWithKeychain(['node_modules/.bin/tsx', 'bench/index.ts']));
