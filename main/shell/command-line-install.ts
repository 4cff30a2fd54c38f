/** Install Command Line Tool… (macOS): links the command shipped in the app's resources, says how it went. */
import { join } from 'node:path';
import type { MessageBoxOptions } from 'electron';
import { installCommandLineTool } from '../adapters/command-line-tool.ts';
import { t } from '../core/i18n.ts';

export async function installCommandLine(
  showMessage: (options: MessageBoxOptions) => Promise<unknown>,
): Promise<void> {
  const command = join(process.resourcesPath, 'cli', 'cognito-desktop');
  const options = await installCommandLineTool(command).then(
    ({ linkPath }) => ({
      type: 'info' as const,
      message: t('The cognito-desktop command is installed.'),
      detail: t('{{path}} now runs it: try “cognito-desktop status” in a new Terminal window.', {
        path: linkPath,
      }),
    }),
    (error: unknown) => ({
      type: 'warning' as const,
      message: t('The cognito-desktop command was not installed.'),
      detail: (error as Error).message,
    }),
  );
  await showMessage(options);
}
