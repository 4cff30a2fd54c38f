/**
 * What the app does before anything else: the `app://` scheme registered (before ready), the
 * built renderer served on it (after ready), and the settings and log folders made private or the
 * start refused.
 */
import { readFile } from 'node:fs/promises';
import { app, dialog, protocol } from 'electron';
import { t } from '../core/i18n.ts';
import { SETTINGS_SUBFOLDERS, securePrivateFolder } from '../core/settings/private-folder.ts';
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from './app-protocol.ts';

/** app:// must be a standard, secure scheme so the page gets a real origin and no file:// powers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

/** Serves the files of `rendererDir` on app:// (after ready), with the app's CSP. */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file.ok) return new Response('Not found', { status: file.status });
    try {
      return new Response(await readFile(file.path), { headers: appResponseHeaders(file.contentType) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * Makes the settings and log folders private; false when one may not be used (another user owns
 * it or could write to it): nothing is read from it, an error box says why and the app exits 2.
 */
export function setupPrivateFolders(configDir: string, logsDir: string): boolean {
  try {
    securePrivateFolder(configDir, SETTINGS_SUBFOLDERS);
    securePrivateFolder(logsDir);
    return true;
  } catch (error) {
    dialog.showErrorBox(t('cognito-desktop cannot start'), (error as Error).message);
    app.exit(2);
    return false;
  }
}
