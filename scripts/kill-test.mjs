// `npm run test:kill [-- --iterations N]`: the kill test at full length (200 rounds unless told),
// inside a keychain session like `npm test`. `npm test` runs a few rounds of the same test.
import { parseArgs } from 'node:util';
import { runWithKeychain } from './keychain-session.mjs';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '200' } } });
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('--iterations takes a whole number of rounds, 1 or more.');
  process.exit(2);
}
process.exit(
  runWithKeychain(
    ['node_modules/.bin/vitest', 'run', '--project', 'integration', 'test/integration/kill.test.ts'],
    {
      ...process.env,
      KILL_TEST_ITERATIONS: String(iterations),
    },
  ),
);
