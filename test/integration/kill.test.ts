/**
 * Kills at random moments where the session is written: a few rounds in `npm test`; the full run
 * is `npm run test:kill` (200 rounds by default, `-- --iterations N` for more or fewer).
 */
import { expect, it } from 'vitest';
import { testEndpoints, useProviderAndKeychain } from '../support/real-parts.ts';
import { runKillLoop } from '../kill/kill-loop.ts';

const ENDPOINTS = testEndpoints(47618, 'kill');
const ITERATIONS = Number(process.env.KILL_TEST_ITERATIONS ?? 12);

const parts = useProviderAndKeychain(ENDPOINTS);

it(`${ITERATIONS} rounds of kills during refresh, keychain writes and sign-out: never a mix, never a crash`, async () => {
  const report = await runKillLoop({
    emulator: parts.emulator,
    endpoints: ENDPOINTS,
    iterations: ITERATIONS,
  });
  console.log(`kill test: ${JSON.stringify(report)}`);
  expect(report.iterations).toBe(ITERATIONS);
  expect(report.kills).toBeGreaterThanOrEqual(ITERATIONS / 2);
  expect(report).toMatchObject({ mixed: 0, deadButAlive: 0, crashes: 0 });
  expect(report.whole + report.signedOut).toBe(ITERATIONS);
}, 600_000);
