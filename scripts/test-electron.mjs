// `npm run test:electron`: the sign-in and sign-out journeys in the real, built Electron app, driven
// by Playwright's Electron launcher. Needs the Electron binary; where it is missing (as on the
// development machine, which cannot download it) this says so and skips. The release workflow runs
// it on macOS, Windows and Linux runners.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runWithKeychain } from './keychain-session.mjs';

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

if (!electronBinary()) {
  console.log(
    'test:electron skipped: no Electron binary in node_modules/electron/dist (it is downloaded on first use, ' +
      'which this machine cannot do). Run `npx install-electron` where downloads work, or see the release workflow.',
  );
  process.exit(0);
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
process.exit(runWithKeychain(['node_modules/.bin/vitest', 'run', '--config', 'vitest.electron.config.ts']));
