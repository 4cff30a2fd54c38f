/**
 * `electron-builder --dir`, offline: the real Electron binary cannot be downloaded here, so a
 * stand-in takes its place. The stand-in carries Electron's fuse wire, so electron-builder flips
 * the fuses in it for real. Used by the packaging test and by `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the packaging test's unpacked app goes (the bench reads its app.asar). */
export const TEST_PACK_DIR = resolve('dist/test-pack');
/** The fuse wire's marker in an Electron binary (@electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A folder standing in for Electron's: a script with Electron 45's default fuse wire (wire version
 * 1, eight fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar
 * integrity off, only-load-from-asar off, browser V8 snapshot off, file:// privileges on).
 */
export function standInElectron(): string {
  const dir = mkdtempSync(join(tmpdir(), 'electron-standin-'));
  const binary = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in Electron"\nexit 0\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from('10110001\n'),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), '45.5.0');
  return dir;
}

/** Packs the built app (out/) into `outputDir`/linux-unpacked; throws with electron-builder's output on failure. */
export function packWithStandIn(outputDir = TEST_PACK_DIR, env: NodeJS.ProcessEnv = process.env): void {
  const run = spawnSync(
    'node_modules/.bin/tsx',
    [
      'scripts/dist.ts',
      '--dir',
      '--skip-build',
      '--linux',
      `-c.electronDist=${standInElectron()}`,
      `-c.directories.output=${outputDir}`,
    ],
    { encoding: 'utf8', env },
  );
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
}
