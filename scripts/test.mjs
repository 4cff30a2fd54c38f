// `npm test`: lint, type-check, every Vitest suite (unit, renderer, integration against the real
// emulator, keychain and Chromium), then the security scan. Runs inside a keychain session when the
// machine has none (scripts/keychain-session.mjs). Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runWithKeychain } from './keychain-session.mjs';

const bin = (name) => `node_modules/.bin/${name}`;

const steps = [
  ['lint', [bin('eslint'), '.']],
  ['format', [bin('prettier'), '--check', '.']],
  ['typecheck', [bin('tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['build', ['npm', 'run', '--silent', 'build']],
  [
    'vitest',
    [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ],
    { keychain: true },
  ],
];
if (existsSync('scripts/security-scan.mjs'))
  steps.push(['security scan', ['node', 'scripts/security-scan.mjs']]);

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
let failedStep;
for (const [name, argv, options = {}] of steps) {
  console.log(`\n▶ ${name}: ${argv.join(' ')}`);
  const status = options.keychain
    ? runWithKeychain(argv)
    : (spawnSync(argv[0], argv.slice(1), { stdio: 'inherit' }).status ?? 1);
  if (status !== 0) {
    failedStep = name;
    console.error(`✖ ${name} failed (exit ${status})`);
    break;
  }
}

if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  console.log(
    `\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`,
  );
}
process.exit(failedStep ? 1 : 0);
