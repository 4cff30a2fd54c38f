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
// The tray (assets/tray; Electron takes the @2x file on high-density screens): the colour icon at
// 16 and 32 px on Windows and Linux; on macOS a template image (black and alpha only, tinted by the
// menu bar for light, dark and highlighted).
mkdirSync('assets/tray', { recursive: true });
const template = readFileSync('assets/tray-template.svg', 'utf8');
for (const [source, size, name] of [
  [svg, 16, 'tray.png'],
  [svg, 32, 'tray@2x.png'],
  [template, 16, 'trayTemplate.png'],
  [template, 32, 'trayTemplate@2x.png'],
]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `assets/tray/${name}`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`wrote assets/icon.png, assets/icons/{${SIZES.join(',')}} and the tray's template images`);
