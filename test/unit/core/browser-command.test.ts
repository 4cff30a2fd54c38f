import { describe, expect, it } from 'vitest';
import {
  browserCommand,
  noBrowserReason,
  osOpenCommand,
  splitCommandLine,
  withoutSecrets,
} from '../../../main/core/browser-command.ts';

const URL_WITH_AMP = 'https://example.com/a?x=1&y=2';

describe('BROWSER command lines', () => {
  it.each<[string, string[] | undefined]>([
    ['firefox', ['firefox', URL_WITH_AMP]],
    ['firefox --new-window %s', ['firefox', '--new-window', URL_WITH_AMP]],
    [
      '"/Applications/My Browser.app/run" --url=%s',
      ['/Applications/My Browser.app/run', `--url=${URL_WITH_AMP}`],
    ],
    ["open -a 'Google Chrome'", ['open', '-a', 'Google Chrome', URL_WITH_AMP]],
    ['my\\ browser', ['my browser', URL_WITH_AMP]],
    ['echo $(rm -rf ~) ; x', ['echo', '$(rm', '-rf', '~)', ';', 'x', URL_WITH_AMP]],
    ['   ', undefined],
    // Inside double quotes a backslash escapes the next character; inside single quotes it is kept.
    ['"a \\" b" %s', ['a " b', URL_WITH_AMP]],
    ["'a \\ b' %s", ['a \\ b', URL_WITH_AMP]],
    // A backslash at the very end has nothing to escape: it stays as it is.
    ['run\\', ['run\\', URL_WITH_AMP]],
    // An escaped character alone is a word.
    ['run \\;', ['run', ';', URL_WITH_AMP]],
    // Empty quotes are a word of their own (an empty argument), not nothing.
    ['run "" %s', ['run', '', URL_WITH_AMP]],
  ])('%s', (template, expected) => {
    expect(browserCommand(template, URL_WITH_AMP)).toEqual(expected);
  });

  it('rejects an unclosed quote', () => {
    expect(() => splitCommandLine('"abc')).toThrow(/unclosed quote/);
  });

  it.each([
    ['darwin', ['open', URL_WITH_AMP]],
    ['win32', ['rundll32', 'url.dll,FileProtocolHandler', URL_WITH_AMP]],
    ['linux', ['xdg-open', URL_WITH_AMP]],
  ] as const)('uses the OS opener on %s without a shell', (platform, expected) => {
    expect(osOpenCommand(URL_WITH_AMP, platform)).toEqual(expected);
  });
});

describe('withoutSecrets', () => {
  it.each([
    ['COGNITO_CLIENT_SECRET', false],
    ['COGNITO_DISCOVERY_URL', false],
    ['AWS_SECRET_ACCESS_KEY', false],
    ['AWS_SESSION_TOKEN', false],
    ['GITHUB_TOKEN', false],
    ['NPM_AUTH_TOKEN', false],
    ['OPENAI_API_KEY', false],
    ['PGPASSWORD', false],
    ['SSH_PRIVATE_KEY', false],
    ['AZURE_CREDENTIALS', false],
    ['STRIPE_APIKEY', false],
    ['DEPLOY_PRIVATEKEY', false],
    ['S3_ACCESSKEY', false],
    ['FLASK_SESSION_KEY', false],
    ['APP_SESSIONKEY', false],
    // Only this app's own prefix: another program's variable that mentions it is not ours.
    ['MY_COGNITO_SETTING', true],
    ['PATH', true],
    ['HOME', true],
    ['DISPLAY', true],
    ['DBUS_SESSION_BUS_ADDRESS', true],
    ['XDG_RUNTIME_DIR', true],
    ['LANG', true],
  ])('%s kept: %s', (name, kept) => {
    expect(name in withoutSecrets({ [name]: 'value' })).toBe(kept);
  });
});

describe('noBrowserReason', () => {
  it('finds no browser over SSH or without a display, unless BROWSER names one', () => {
    expect(noBrowserReason({ SSH_CONNECTION: '1 2 3 4', DISPLAY: ':0' }, 'linux')).toBe(
      'this is an SSH session',
    );
    expect(noBrowserReason({ SSH_TTY: '/dev/pts/1' }, 'darwin')).toBe('this is an SSH session');
    expect(noBrowserReason({}, 'linux')).toMatch(/^there is no display/);
    expect(noBrowserReason({ DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux')).toMatch(/^there is no display/);
    expect(noBrowserReason({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(noBrowserReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(noBrowserReason({}, 'darwin')).toBeUndefined();
    expect(noBrowserReason({}, 'win32')).toBeUndefined();
    expect(noBrowserReason({ SSH_CONNECTION: '1 2 3 4', BROWSER: 'w3m' }, 'linux')).toBeUndefined();
    expect(noBrowserReason({ SSH_CONNECTION: '1 2 3 4', BROWSER: '  ' }, 'linux')).toBe(
      'this is an SSH session',
    );
  });
});
