/**
 * The built main process (out/main/index.js, `electron` stood in for) with a settings folder
 * another user could write to: it reads nothing from it, says why in an error box, and exits 2.
 */
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { makeElectronStandIn } = await import('../support/electron-stand-in.ts');
  return makeElectronStandIn();
});

vi.mock('electron', () => ({ ...electron.api, default: electron.api }));

const folder = mkdtempSync(join(tmpdir(), 'cognito-desktop-shared-'));

beforeAll(async () => {
  if (!existsSync('out/main/index.js'))
    throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  chmodSync(folder, 0o777);
  process.env.COGNITO_DESKTOP_CONFIG_DIR = folder;
  // @ts-expect-error the built bundle has no type declarations
  await import('../../out/main/index.js');
});

describe('the app with a settings folder others can write to', () => {
  it('refuses to start, naming the folder and the fix', () => {
    expect(electron.exits).toEqual([2]);
    expect(electron.windows).toHaveLength(0);
    expect(electron.errorBoxes).toHaveLength(1);
    expect(electron.errorBoxes[0]!.content).toContain(`${folder} belongs to user`);
    expect(electron.errorBoxes[0]!.content).toContain(`chmod go-w "${folder}"`);
  });
});
