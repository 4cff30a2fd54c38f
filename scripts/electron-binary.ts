/**
 * Where `npm start` finds Electron's program, without the electron package's own lookup: that one
 * downloads on first use and, when the download fails, throws a stack and advice that does not fit
 * (delete node_modules/electron). Here a missing program is fetched once with Electron's installer
 * (its output kept), and a failure becomes one message that says what is missing, the ways to get
 * it and that the CLI works without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronLookup = { found: true; path: string } | { found: false; reason: string };

/** The program in `electronDir` (node_modules/electron) or in ELECTRON_OVERRIDE_DIST_PATH. */
export function locateElectron(electronDir: string, env: NodeJS.ProcessEnv): ElectronLookup {
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(path)
      ? { found: true, path }
      : {
          found: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH names ${override}, which holds no Electron (${path}).`,
        };
  }
  const path = executable ? join(electronDir, 'dist', executable) : undefined;
  if (path && existsSync(path)) return { found: true, path };
  return { found: false, reason: `Electron's program is not in ${join(electronDir, 'dist')}.` };
}

/**
 * Runs Electron's installer (it honours ELECTRON_MIRROR and, with ELECTRON_GET_USE_PROXY, the
 * proxy variables). Returns its last line of error on failure.
 */
export function downloadElectron(
  electronDir: string,
  env: NodeJS.ProcessEnv,
): { ok: true } | { ok: false; error: string; output: string } {
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (run.status === 0) return { ok: true };
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  // The installer prints the error's stack: its first line is the error itself.
  const error =
    output
      .split('\n')
      .find((line) => /\w*Error\b|failed|status/i.test(line) && !/^\s+at /.test(line))
      ?.trim() ?? (run.error ? run.error.message : `exit ${run.status ?? run.signal}`);
  return { ok: false, error, output };
}

/** What `npm start` prints when Electron's program cannot be had. */
export function electronMissingMessage(
  reason: string,
  downloadError: string | undefined,
  version: string,
): string {
  return [
    `Cannot start the app: ${reason}`,
    ...(downloadError ? [`Fetching it failed: ${downloadError}`] : []),
    '',
    'npm installs the electron package, but its program is a separate download (about 100 MB, from',
    'GitHub). Ways to get it:',
    '  • with network access:     npm start   (fetched on first start)',
    '  • behind a proxy:          ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=http://proxy:3128 npm start',
    '  • from a mirror:           ELECTRON_MIRROR=https://mirror.example/electron/ npm start',
    `  • an Electron ${version} on disk: ELECTRON_OVERRIDE_DIST_PATH=/folder/with/electron npm start`,
    '',
    'The command-line client works now, without Electron:',
    '  npm run build',
    '  node out/main/cli.js --help',
    '  node out/main/cli.js config set discoveryUrl https://cognito-idp.REGION.amazonaws.com/POOL_ID',
    '  node out/main/cli.js config set clientId CLIENT_ID',
    '  node out/main/cli.js login',
    '(Try it without an AWS account: npm run idp starts a local Cognito emulator; see docs/cli.md.)',
  ].join('\n');
}
