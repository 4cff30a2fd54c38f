/**
 * The release workflow's check of the native policy stores, on its Windows and macOS runners
 * (which have administrator rights): writes a policy where the OS keeps it — the registry's
 * HKLM policy key, or the machine's managed preferences — runs the built CLI, and checks that it
 * reports the value with the source `policy`. The policy is removed afterwards, pass or fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY_KEY } from '../main/adapters/policy/windows-registry-policy.ts';
import { BUNDLE_ID, MANAGED_PREFERENCES } from '../main/adapters/policy/macos-managed-preferences.ts';

const POOL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PolicyCheck';
const REGISTRY_KEY = `HKLM${POLICY_KEY}`;
const PREFERENCES = join(MANAGED_PREFERENCES, BUNDLE_ID);

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'inherit' });
}

function writePolicy(): void {
  if (process.platform === 'win32') {
    run('reg', ['add', REGISTRY_KEY, '/v', 'discoveryUrl', '/t', 'REG_SZ', '/d', POOL, '/f']);
  } else {
    run('sudo', ['mkdir', '-p', MANAGED_PREFERENCES]);
    run('sudo', ['defaults', 'write', PREFERENCES, 'discoveryUrl', '-string', POOL]);
    run('sudo', ['chown', 'root:wheel', `${PREFERENCES}.plist`]);
    run('sudo', ['chmod', '644', `${PREFERENCES}.plist`]);
  }
}

function removePolicy(): void {
  if (process.platform === 'win32') run('reg', ['delete', REGISTRY_KEY, '/f']);
  else run('sudo', ['rm', '-f', `${PREFERENCES}.plist`]);
}

if (process.platform !== 'win32' && process.platform !== 'darwin') {
  console.log('The native policy stores are checked on Windows and macOS; Linux has its tests.');
  process.exit(0);
}
writePolicy();
try {
  const output = execFileSync(process.execPath, ['out/main/cli.js', 'config', 'show', '--json'], {
    env: { ...process.env, COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'policy-check-')) },
  }).toString();
  const rows = (JSON.parse(output) as { settings: { key: string; value: string | null; source: string }[] })
    .settings;
  const row = rows.find((r) => r.key === 'discoveryUrl');
  if (row?.source !== 'policy' || row.value !== POOL) {
    console.error(`The CLI did not take the policy: ${JSON.stringify(row)}`);
    process.exitCode = 1;
  } else console.log(`The CLI reads the ${process.platform} policy store: discoveryUrl from policy.`);
} finally {
  removePolicy();
}
