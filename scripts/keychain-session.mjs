// Gives a command a real OS keychain. On a desktop one already answers on D-Bus; on a headless
// Linux machine (CI) this starts a private D-Bus session with GNOME Keyring and an unlocked,
// unencrypted "login" collection in a throw-away data folder, so tests
// never touch the user's own keyrings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROBE = `require('keytar').findCredentials('cognito-desktop-probe').then(() => process.exit(0), () => process.exit(1))`;

/** True when a Secret Service answers through keytar within a few seconds. */
export function secretServiceAnswers() {
  const result = spawnSync(process.execPath, ['-e', PROBE], { timeout: 5000, stdio: 'ignore' });
  return result.status === 0;
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs `argv` with a keychain. Returns its exit status. When no keychain can be had, runs it anyway
 * after saying why: keychain tests then fail with keytar's own "Cannot autolaunch D-Bus" error.
 */
export function runWithKeychain(argv, env = process.env) {
  if (process.platform !== 'linux' || env.COGNITO_DESKTOP_PRIVATE_KEYRING === '1' || secretServiceAnswers()) {
    return spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env }).status ?? 1;
  }
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'No Secret Service on D-Bus and no way to start one: install the Debian/Ubuntu packages ' +
        '"dbus gnome-keyring libsecret-1-dev libsecret-tools" (see docs/testing.md, Prerequisites per OS).',
    );
    return spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env }).status ?? 1;
  }
  const dataHome = mkdtempSync(join(tmpdir(), 'cognito-desktop-keyring-'));
  const keyrings = join(dataHome, 'keyrings');
  mkdirSync(keyrings, { recursive: true });
  writeFileSync(
    join(keyrings, 'login.keyring'),
    '[keyring]\ndisplay-name=login\nctime=0\nmtime=0\nlock-on-idle=false\nlock-after=false\n',
  );
  writeFileSync(join(keyrings, 'default'), 'login\n');
  console.log(`Starting a private D-Bus session with GNOME Keyring (data in ${dataHome}).`);
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return (
    spawnSync(
      'dbus-run-session',
      ['--', 'sh', '-c', `gnome-keyring-daemon --start --components=secrets >/dev/null && exec ${quoted}`],
      { stdio: 'inherit', env: { ...env, XDG_DATA_HOME: dataHome, COGNITO_DESKTOP_PRIVATE_KEYRING: '1' } },
    ).status ?? 1
  );
}
