/**
 * `npm start` on a machine where Electron's program cannot be fetched (as on a fresh clone behind
 * a firewall): the launcher says what is missing, how to get it and that the CLI works, exits
 * non-zero without a stack, before the 20-second build, and leaves nothing running. The download
 * is sent to a closed loopback port (ELECTRON_MIRROR), so the test never leaves the machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateElectron } from '../../scripts/electron-binary.ts';
import { TS_NODE } from '../support/cli-process.ts';

const installed = locateElectron('node_modules/electron', process.env).found;
if (installed) console.log('npm start without Electron: skipped, Electron is installed on this machine.');

function runLauncher(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const [node, ...nodeArgs] = TS_NODE;
    const child = spawn(node!, [...nodeArgs, 'scripts/start.ts', ...args], {
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe.skipIf(installed)('npm start without Electron', () => {
  const closedMirror = { ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_OVERRIDE_DIST_PATH: '' };

  it('says what is missing, how to get it and that the CLI works, then exits 1 with no stack', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-start-'));
    const run = await runLauncher([], { ...closedMirror, COGNITO_DESKTOP_CONFIG_DIR: configDir });
    expect(run.code).toBe(1);
    expect(run.err).toContain("Cannot start the app: Electron's program is not in");
    expect(run.err).toContain('Fetching it failed: TypeError: fetch failed');
    for (const way of ['ELECTRON_MIRROR=', 'ELECTRON_OVERRIDE_DIST_PATH=', 'ELECTRON_GET_USE_PROXY=1'])
      expect(run.err).toContain(way);
    expect(run.err).toContain('node out/main/cli.js login');
    expect(run.err).not.toMatch(/^\s+at /m);
    // Stopped before the build and before the emulator it would offer: nothing else was started.
    expect(run.out).not.toMatch(/emulator|vite|built in/i);
  });

  it('shows the downloader’s own output with --verbose', async () => {
    const run = await runLauncher(['--verbose'], closedMirror);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^\s+at /m);
  });

  it('names an ELECTRON_OVERRIDE_DIST_PATH that holds no Electron, without trying a download', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cognito-desktop-no-electron-'));
    const run = await runLauncher([], { ...closedMirror, ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(run.code).toBe(1);
    expect(run.err).toContain(`ELECTRON_OVERRIDE_DIST_PATH names ${empty}, which holds no Electron`);
    expect(run.err).not.toContain('Fetching it failed');
    expect(run.out).not.toContain('Fetching');
  });
});

describe('locateElectron', () => {
  it('finds the program path.txt names, in dist or in the override folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-electron-pkg-'));
    expect(locateElectron(dir, {})).toEqual({
      found: false,
      reason: `Electron's program is not in ${join(dir, 'dist')}.`,
    });
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(locateElectron(dir, {}).found).toBe(false);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(locateElectron(dir, {})).toEqual({ found: true, path: join(dir, 'dist', 'electron') });
    const override = mkdtempSync(join(tmpdir(), 'cognito-desktop-electron-dist-'));
    expect(locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: override }).found).toBe(false);
    writeFileSync(join(override, 'electron'), '');
    expect(locateElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      found: true,
      path: join(override, 'electron'),
    });
  });
});
