/**
 * The built main process (out/main/index.js, `electron` stood in for) as an installed build: the
 * development switches `npm start` uses are ignored, so a dev-server URL in the environment does
 * not become the window. See electron-main.test.ts for the stand-in and what else is checked.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { makeElectronStandIn } = await import('../support/electron-stand-in.ts');
  return makeElectronStandIn({ isPackaged: true });
});

vi.mock('electron', () => ({ ...electron.api, default: electron.api }));

beforeAll(async () => {
  if (!existsSync('out/main/index.js'))
    throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  // An installed build's resources, whose preset turns updates off (electron-updater would load
  // the real Electron module, which cannot run here).
  const resources = mkdtempSync(join(tmpdir(), 'cognito-desktop-resources-'));
  writeFileSync(join(resources, 'provider.json'), JSON.stringify({ updates: false }));
  Object.assign(process, { resourcesPath: resources });
  Object.assign(process.env, {
    COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cognito-desktop-packaged-')),
    // What a local attacker (or a stray shell profile) could set for an installed app.
    VITE_DEV_SERVER_URL: 'https://evil.example/',
    COGNITO_DESKTOP_EMULATOR: JSON.stringify({ discoveryUrl: 'https://evil.example', clientId: 'x' }),
  });
  // @ts-expect-error the built bundle has no type declarations
  await import('../../out/main/index.js');
  for (let i = 0; i < 100 && electron.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
});

describe('an installed build', () => {
  it('loads its bundled window, whatever VITE_DEV_SERVER_URL says', () => {
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.loaded).toBe('app://cognito-desktop/index.html');
  });
});
