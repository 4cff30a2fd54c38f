/**
 * Figures of the built app, reported by the benchmark when the build exists: the renderer's
 * JavaScript after gzip, and the packaged app.asar.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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

export function extraFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (existsSync('out/renderer')) {
    const js = filesUnder('out/renderer').filter((f) => f.endsWith('.js'));
    const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    figures.push({ name: 'renderer_js_gzip', value: gzipped / 1024, unit: 'kB', target: { max: 90 } });
  }
  // The packaging test's output first: every npm test rebuilds it.
  const asar = [
    'dist/test-pack/linux-unpacked/resources/app.asar',
    'dist/linux-unpacked/resources/app.asar',
  ].find((p) => existsSync(p));
  if (asar) figures.push({ name: 'app_asar_size', value: statSync(asar).size / 1024 / 1024, unit: 'MB' });
  return Promise.resolve(figures);
}
