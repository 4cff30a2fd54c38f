import { mkdtempSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installCommandLineTool } from '../../../main/adapters/command-line-tool.ts';

const COMMAND = '/Applications/cognito-desktop.app/Contents/Resources/cli/cognito-desktop';

describe('Install Command Line Tool…', () => {
  it('links the command into the folder, and again over an old link, without an administrator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-link-'));
    const link = join(dir, 'bin', 'cognito-desktop');
    const asked: string[] = [];
    const admin = (command: string) => (asked.push(command), Promise.resolve());
    expect(await installCommandLineTool(COMMAND, link, admin)).toEqual({ linkPath: link, asAdmin: false });
    expect(readlinkSync(link)).toBe(COMMAND);
    symlinkSync('/old/place', join(dir, 'old'));
    const old = join(dir, 'old');
    await installCommandLineTool(COMMAND, old, admin);
    expect(readlinkSync(old)).toBe(COMMAND);
    expect(asked).toEqual([]);
  });

  it('leaves a file it did not make alone, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-link-'));
    const file = join(dir, 'cognito-desktop');
    writeFileSync(file, 'someone else’s');
    await expect(installCommandLineTool(COMMAND, file, () => Promise.resolve())).rejects.toThrow(
      /is not a link this app made/,
    );
  });

  it('asks an administrator when the folder cannot be written, with the paths quoted for the shell', async () => {
    // /sys refuses a new folder even to root (EPERM): what /usr/local/bin does to a user.
    const link = "/sys/cognito-desktop-test/it's here/cognito-desktop";
    const asked: string[] = [];
    const result = await installCommandLineTool(COMMAND, link, (command) => {
      asked.push(command);
      return Promise.resolve();
    });
    expect(result).toEqual({ linkPath: link, asAdmin: true });
    expect(asked).toEqual([
      `mkdir -p '/sys/cognito-desktop-test/it'\\''s here' && ln -sfn '${COMMAND}' '/sys/cognito-desktop-test/it'\\''s here/cognito-desktop'`,
    ]);
  });

  it('says the command was not installed when the administrator says no', async () => {
    const refuse = () => Promise.reject(new Error('User canceled. (-128)'));
    await expect(
      installCommandLineTool(COMMAND, '/sys/cognito-desktop-test/x', refuse),
    ).rejects.toMatchObject({
      code: 'cancelled',
      message: 'The command was not installed: User canceled. (-128)',
    });
  });
});
