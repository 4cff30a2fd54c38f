/**
 * Kills at random moments where the session is written: a few rounds in `npm test`; the full run
 * is `npm run test:kill` (200 rounds by default, `-- --iterations N` for more or fewer).
 */
import { expect, it } from 'vitest';
import { useRealParts } from '../support/real-parts.ts';
import { runKillLoop } from '../kill/kill-loop.ts';

const PORT = 47618;
const REDIRECT_URI = `http://127.0.0.1:${PORT}/callback`;
const SERVICE = `cognito-desktop-kill-test-${process.pid}`;
const ITERATIONS = Number(process.env.KILL_TEST_ITERATIONS ?? 12);

const parts = useRealParts({
  redirectUri: REDIRECT_URI,
  logoutUri: `http://127.0.0.1:${PORT}/signed-out`,
  keychainService: SERVICE,
  chromium: false,
});

it(`${ITERATIONS} rounds of kills during refresh, keychain writes and sign-out: never a mix, never a crash`, async () => {
  const report = await runKillLoop({
    emulator: parts.emulator,
    redirectUri: REDIRECT_URI,
    keychainService: SERVICE,
    iterations: ITERATIONS,
  });
  console.log(`kill test: ${JSON.stringify(report)}`);
  expect(report.iterations).toBe(ITERATIONS);
  expect(report.kills).toBeGreaterThanOrEqual(ITERATIONS / 2);
  expect(report).toMatchObject({ mixed: 0, deadButAlive: 0, crashes: 0 });
  expect(report.whole + report.signedOut).toBe(ITERATIONS);
}, 600_000);
