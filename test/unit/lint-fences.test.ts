/**
 * The lint fences between the layers hold: ESLint, with the project's own configuration, refuses an
 * import of an upper layer (or of Electron, or of Node in the renderer) in each layer's files.
 * The code is linted as if it stood in a real file of that layer.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();

// The first lint builds the TypeScript program for typed rules: seconds, once.
beforeAll(() => eslint.lintText('export {};\n', { filePath: 'main/core/files.ts' }), 120_000);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer fences', () => {
  it.each([
    ['main/core/files.ts', "import { app } from 'electron';"],
    ['main/core/files.ts', "import keytar from 'keytar';"],
    ['main/core/files.ts', "import { KeytarSecretStore } from '../adapters/keytar-secret-store.ts';"],
    ['main/core/files.ts', "import { AppController } from '../app/app-controller.ts';"],
    ['main/core/files.ts', "import { createMainWindow } from '../shell/window.ts';"],
    ['main/core/files.ts', "import { createIpcHandlers } from '../ipc/handlers.ts';"],
    ['main/adapters/os-browser.ts', "import { AppController } from '../app/app-controller.ts';"],
    ['main/adapters/os-browser.ts', "import { shell } from 'electron';"],
    ['main/app/compose.ts', "import { app } from 'electron';"],
    ['main/app/compose.ts', "import { createMainWindow } from '../shell/window.ts';"],
    ['main/ipc/register.ts', "import { buildMenuTemplate } from '../shell/menu.ts';"],
    ['renderer/src/messages.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/messages.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/messages.ts', "import { AuthError } from '../../main/core/errors.ts';"],
    // The command line runs in plain Node: no Electron, no shell, none of the window's app modules.
    ['main/cli/commands.ts', "import { app } from 'electron';"],
    ['main/cli/commands.ts', "import { buildMenuTemplate } from '../shell/menu.ts';"],
    ['main/cli/commands.ts', "import { AppController } from '../app/app-controller.ts';"],
    ['main/cli.ts', "import { createMainWindow } from './shell/window.ts';"],
    // Nothing below the command line imports it.
    ['main/core/settings/settings.ts', "import { COMMANDS } from '../../cli/commands.ts';"],
    ['main/core/errors.ts', "import { runCli } from '../cli.ts';"],
    ['main/app/compose.ts', "import { COMMANDS } from '../cli/commands.ts';"],
    ['main/shell/menu.ts', "import { COMMANDS } from '../cli/commands.ts';"],
    ['main/core/files.ts', "import { EVENTS } from '../../preload/contract.ts';"],
    // The preload: Electron in index.ts only, and of main only types in the contract.
    ['preload/contract.ts', "import { ipcRenderer } from 'electron';"],
    ['preload/contract.ts', "import { AuthError } from '../main/core/errors.ts';"],
    ['preload/index.ts', "import { AuthError } from '../main/core/errors.ts';"],
  ])('%s may not: %s', async (file, line) => {
    expect(await restrictedImports(file, `${line}\nexport {};\n`)).toHaveLength(1);
  });

  it.each([
    ['main/core/files.ts', "export const load = () => import('electron');"],
    ['main/core/settings/settings.ts', "export const load = () => import('keytar');"],
    ['main/core/files.ts', "export const load = () => import('../adapters/keytar-secret-store.ts');"],
    [
      'main/core/files.ts',
      "import { createRequire } from 'node:module';\nexport const load = createRequire(import.meta.url)('keytar');",
    ],
  ])('%s may not load a module around the fence: %s', async (file, code) => {
    const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(1);
  });

  it.each([
    ['main/core/files.ts', "import { AuthError } from './errors.ts';"],
    ['main/adapters/os-browser.ts', "import type { Browser } from '../core/ports.ts';"],
    ['main/app/compose.ts', "import { FileSessionLock } from '../adapters/file-session-lock.ts';"],
    ['main/shell/window.ts', "import { BrowserWindow } from 'electron';"],
    ['renderer/src/messages.ts', "import type { ErrorCode } from '../../preload/contract.ts';"],
    ['preload/index.ts', "import { contextBridge } from 'electron';"],
    ['preload/contract.ts', "import type { AuthErrorCode } from '../main/core/errors.ts';"],
    ['main/cli/commands.ts', "import { createAuthService } from '../app/compose.ts';"],
    ['main/core/files.ts', "export const load = () => import('./errors.ts');"],
  ])('%s may: %s', async (file, line) => {
    expect(await restrictedImports(file, `${line}\nexport {};\n`)).toEqual([]);
  });
});
