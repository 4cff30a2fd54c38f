/**
 * Figures of the built app: the renderer's JavaScript after gzip (what a window loads at start,
 * and all of it, the German texts included, which load when the window first speaks German), and
 * the packaged app.asar.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { TEST_PACK_DIR, packWithStandIn } from '../test/support/pack.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { max?: number };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Figures of the build; builds and packs (offline, stand-in Electron) what is missing. */
export function extraFigures(): Promise<Figure[]> {
  if (
    !existsSync('out/renderer') &&
    spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status !== 0
  ) {
    throw new Error('npm run build failed');
  }
  if (!existsSync(join(TEST_PACK_DIR, 'linux-unpacked', 'resources', 'app.asar'))) packWithStandIn();
  const figures: Figure[] = [];
  if (existsSync('out/renderer')) {
    const gzipped = (files: string[]): number =>
      files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1024;
    const js = filesUnder('out/renderer').filter((f) => f.endsWith('.js'));
    // What index.html loads (its module script and any preloads); the rest loads on demand.
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const atStart = js.filter((f) => html.includes(f.slice('out/renderer/'.length)));
    figures.push(
      { name: 'renderer_js_gzip_at_start', value: gzipped(atStart), unit: 'kB', target: { max: 90 } },
      { name: 'renderer_js_gzip_all', value: gzipped(js), unit: 'kB' },
    );
  }
  const asar = join(TEST_PACK_DIR, 'linux-unpacked', 'resources', 'app.asar');
  figures.push({ name: 'app_asar_size', value: statSync(asar).size / 1024 / 1024, unit: 'MB' });
  return Promise.resolve(figures);
}
