/**
 * Debian's Chromium, driven by playwright-core, as the "system browser" of the tests.
 * Never `npx playwright install`: the browser comes from the OS package. See docs/testing.md, Prerequisites per OS.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags that keep Chromium off the (closed) network and quiet in a headless run. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium, or fails saying which package to install. `extraArgs`, or else
 * `SYSTEM_BROWSER_ARGS` (a JSON list), adds flags: the corporate-network tests map their invented
 * host names with them.
 */
export async function launchChromium(
  extraArgs = JSON.parse(process.env.SYSTEM_BROWSER_ARGS ?? '[]') as string[],
): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install the Debian package "chromium" ` +
        '(sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
