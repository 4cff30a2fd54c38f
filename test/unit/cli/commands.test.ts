/**
 * The CLI's command table and strict parsing, in process: usage errors never reach the core, so
 * no keychain or provider is involved.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli.ts';
import { COMMANDS, USAGE, commandSynopsis } from '../../../main/cli/commands.ts';

async function run(
  argv: string[],
  configDir = '/nonexistent/cognito-desktop-test',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { COGNITO_DESKTOP_CONFIG_DIR: configDir },
    {
      out: (t) => (out += `${t}\n`),
      err: (t) => (err += `${t}\n`),
    },
  );
  return { code, out, err };
}

describe('the CLI command line', () => {
  it.each([
    [['login', '--no-brwoser'], "Unknown option '--no-brwoser'"],
    [['token', '--json', '--idd'], "Unknown option '--idd'"],
    [['status', 'extra'], 'status takes no arguments'],
    [['config', 'set', 'scopes'], 'config set needs KEY and VALUE'],
    [['login', '--timeout'], "Option '--timeout <value>' argument missing"],
    [['login', '--timeout', '3000000'], '--timeout takes seconds from 1 to 86400'],
    [['login', '--timeout', '0.5'], '--timeout takes seconds from 1 to 86400'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['config', 'nope'], 'Unknown command "config nope"'],
    [['config', 'set', 'colour', 'blue'], 'Unknown setting "colour"'],
    [['profile', 'nope'], 'Unknown command "profile nope"'],
    [['account', 'use'], 'account use needs ACCOUNT'],
    [['--profile'], 'Unknown command "--profile"'],
    [['login', '--add', '--account', 'bob'], '--add signs in to a new account: leave out --account.'],
  ])('%j → exit 2: %s', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain('Usage: cognito-desktop');
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help prints its own options, exit 0', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const result = await run([...name.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Usage: cognito-desktop ${commandSynopsis(command)}`);
    for (const option of Object.keys(command.options)) expect(result.out).toContain(`--${option}`);
  });

  it('lists every command in the usage, which no command prints as a success', async () => {
    for (const command of COMMANDS) expect(USAGE).toContain(commandSynopsis(command));
    expect(await run([])).toMatchObject({ code: 2, out: expect.stringContaining('Commands:') as string });
    expect(await run(['help'])).toMatchObject({ code: 0 });
  });
});

describe('profiles on the command line', () => {
  it('takes --profile before or after the command, writes each profile’s settings to its own place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-cli-profiles-'));
    expect(await run(['config', 'set', 'clientId', 'one'], dir)).toMatchObject({ code: 0 });
    expect(await run(['profile', 'add', 'prod'], dir)).toMatchObject({ code: 0 });
    expect(await run(['--profile', 'prod', 'config', 'set', 'clientId', 'two'], dir)).toMatchObject({
      code: 0,
    });
    expect(await run(['config', 'set', 'scopes', 'openid', '--profile', 'prod'], dir)).toMatchObject({
      code: 0,
    });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      clientId: 'one',
      profiles: { prod: { clientId: 'two', scopes: 'openid' } },
    });
    const shown = await run(['--profile', 'prod', 'config', 'show', '--json'], dir);
    expect(JSON.parse(shown.out)).toMatchObject({ profile: 'prod' });
    expect((await run(['profile', 'use', 'prod'], dir)).code).toBe(0);
    expect((await run(['profile', 'list'], dir)).out).toBe('  default (not set up)\n* prod (not set up)\n');
    const unknown = await run(['--profile', 'staging', 'status'], dir);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain('There is no profile "staging". Profiles: default, prod.');
    expect((await run(['profile', 'add', 'prod'], dir)).err).toContain('There is already a profile "prod".');
    expect((await run(['profile', 'add', 'two words'], dir)).err).toContain('cannot name a profile');
    expect((await run(['profile', 'remove', 'default'], dir)).err).toContain(
      'The default profile cannot be removed',
    );
  });
});
