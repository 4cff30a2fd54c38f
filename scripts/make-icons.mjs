// Renders assets/icon.svg to the PNG sizes electron-builder and the window use, with Chromium
// (Debian's, through playwright-core). Run after editing the SVG: node scripts/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]; // 1024 becomes assets/icon.png only
const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
mkdirSync('assets/icons', { recursive: true });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const path = size === 1024 ? 'assets/icon.png' : `assets/icons/${size}x${size}.png`;
  await page.screenshot({ path, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`wrote assets/icon.png and assets/icons/{${SIZES.join(',')}}`);
