/**
 * The policy readers of each OS, through their interfaces, with each OS's real data formats: what
 * reg.exe prints for the policy keys (read by winreg, the reader the app ships, through a
 * stand-in reg on PATH), XML and binary property lists (binary ones written by Python's plistlib,
 * as macOS writes them), and the Linux JSON file — each refused when another user could have
 * written it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRegistryPolicy } from '../../../../main/adapters/policy/windows-registry-policy.ts';
import {
  managedPreferenceFiles,
  propertyList,
  readManagedPreferences,
} from '../../../../main/adapters/policy/macos-managed-preferences.ts';
import { readLinuxPolicy } from '../../../../main/adapters/policy/linux-policy-file.ts';
import { readAdministratorFile } from '../../../../main/adapters/policy/root-owned-file.ts';
import { watchPolicy } from '../../../../main/adapters/policy/system-policy.ts';
import { parsePolicy } from '../../../../main/core/settings/policy.ts';

const FIXTURES = resolve('test/fixtures/policy');
const POSIX = process.platform !== 'win32';
const ME = process.getuid?.() ?? -1;
const NOBODY = 65534;
/** What both stores' fixtures give: the pool from the machine's store (which the user's also sets), the client from the user's. */
const MACHINE_OVER_USER = {
  discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Machine',
  clientId: 'userclient',
};
const AS_ROOT = ME === 0;
if (!POSIX)
  console.warn(
    'os-policy-readers: the file owners and modes, and the stand-in reg on PATH, are POSIX; on Windows the release workflow reads the real registry (scripts/check-os-policy.ts).',
  );
else if (!AS_ROOT)
  console.warn('os-policy-readers: ownership refusals need root to chown; those cases are skipped.');

describe.skipIf(!POSIX)('Windows: the registry through winreg', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('reads HKLM over HKCU per value, names in any case, DWORDs as numbers, named profiles as subkeys', async () => {
    process.env.PATH = `${FIXTURES}:${path}`;
    const policy = await readRegistryPolicy();
    expect(policy.problems).toEqual([]);
    expect(policy.values).toEqual({
      ...MACHINE_OVER_USER,
      proxy: 'direct',
      keepRunning: 'on',
      scopes: 'openid email',
    });
    expect(policy.profiles).toEqual({
      prod: {
        discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Prod',
        clientId: 'prodclient',
      },
    });
    expect(policy.userProfiles).toBe(false);
  });

  it('has no policy when neither key exists, and says so when reg cannot be run', async () => {
    process.env.PATH = `${FIXTURES}:${path}`;
    const none = await readRegistryPolicy('\\SOFTWARE\\Policies\\nothing-here');
    expect(none).toMatchObject({ values: {}, profiles: {}, problems: [] });
    process.env.PATH = mkdtempSync(join(tmpdir(), 'no-reg-'));
    const failed = await readRegistryPolicy();
    expect(failed.values).toEqual({});
    expect(failed.problems[0]?.message).toMatch(/^The policy in the registry could not be read/);
  });
});

describe.skipIf(!POSIX)('macOS: managed preferences', () => {
  function managedRoot(): { root: string; files: string[] } {
    const root = mkdtempSync(join(tmpdir(), 'managed-preferences-'));
    mkdirSync(join(root, 'alice'));
    return { root, files: managedPreferenceFiles(root, 'alice') };
  }

  it('reads an XML property list and a binary one as macOS writes them, the machine’s keys first', () => {
    const { files } = managedRoot();
    copyFileSync(join(FIXTURES, 'managed-preferences.xml'), files[0]!);
    execFileSync('python3', [
      '-c',
      'import plistlib,sys; plistlib.dump({"discoveryUrl": "https://user.example/pool", "clientId": "userclient", "keepRunning": False}, open(sys.argv[1], "wb"), fmt=plistlib.FMT_BINARY)',
      files[1]!,
    ]);
    const policy = readManagedPreferences(files, ME);
    expect(policy.problems).toEqual([]);
    expect(policy.values).toEqual({
      ...MACHINE_OVER_USER,
      emailFirst: 'on',
      keepRunning: 'off',
    });
    expect(policy.profiles).toEqual({ prod: { clientId: 'prodclient' } });
    expect(policy.updates).toBe(false);
  });

  it('reports a file that is not a property list, and applies nothing from it', () => {
    const { files } = managedRoot();
    writeFileSync(files[0]!, 'not a plist');
    const policy = readManagedPreferences(files, ME);
    expect(policy.values).toEqual({});
    expect(policy.problems[0]?.message).toContain('are not a property list');
    expect(() => propertyList(Buffer.from('<plist><array/></plist>'))).toThrow('not a dictionary');
  });
});

describe.skipIf(!POSIX)('Linux: the JSON file', () => {
  function policyFile(text: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'etc-')), 'policy.json');
    writeFileSync(file, text, { mode: 0o644 });
    return file;
  }

  it('reads the file when it and its folders are the expected owner’s and nobody else can write them', () => {
    const policy = readLinuxPolicy(policyFile('{"clientId": "abc", "userProfiles": false}'), ME);
    expect(policy).toMatchObject({ values: { clientId: 'abc' }, userProfiles: false, problems: [] });
  });

  it('is no policy when the file is not there', () => {
    expect(readLinuxPolicy('/nonexistent/cognito-desktop/policy.json', ME)).toMatchObject({
      values: {},
      problems: [],
    });
  });

  it('refuses a file writable by others, or below a folder others can write', () => {
    const writable = policyFile('{"clientId": "abc"}');
    chmodSync(writable, 0o664);
    expect(readLinuxPolicy(writable, ME).problems[0]?.message).toContain(
      'has mode 0664: others can write it',
    );
    const below = policyFile('{"clientId": "abc"}');
    chmodSync(join(below, '..'), 0o777);
    const read = readAdministratorFile(below, ME);
    expect('refused' in read && read.refused).toContain('mode 0777');
  });

  it.skipIf(!AS_ROOT)('refuses a file, or a folder above it, that another user owns', () => {
    const file = policyFile('{"clientId": "abc"}');
    chownSync(file, NOBODY, NOBODY);
    expect(readLinuxPolicy(file, 0).problems[0]?.message).toContain(`belongs to user ${NOBODY}, not root`);
    const other = policyFile('{"clientId": "abc"}');
    chownSync(join(other, '..'), NOBODY, NOBODY);
    expect(readLinuxPolicy(other, 0).values).toEqual({});
    // Root's own file in root's folder is read.
    expect(readLinuxPolicy(policyFile('{"clientId": "abc"}'), 0).values).toEqual({ clientId: 'abc' });
  });

  it('reports a file that is not JSON, and applies nothing from it', () => {
    const policy = readLinuxPolicy(policyFile('{"clientId": '), ME);
    expect(policy.values).toEqual({});
    expect(policy.problems[0]?.message).toContain('is not valid JSON');
  });
});

describe('watching', () => {
  it('calls back only when the policy differs, and stops', async () => {
    let current = parsePolicy('test', { clientId: 'a' });
    const seen: string[] = [];
    const stop = watchPolicy(
      () => Promise.resolve(current),
      current,
      (p) => seen.push(String(p.values.clientId)),
      10,
    );
    await new Promise((r) => setTimeout(r, 40));
    current = parsePolicy('test', { clientId: 'b' });
    await new Promise((r) => setTimeout(r, 40));
    stop();
    current = parsePolicy('test', { clientId: 'c' });
    await new Promise((r) => setTimeout(r, 40));
    expect(seen).toEqual(['b']);
  });
});
