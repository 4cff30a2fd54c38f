/**
 * A private GNOME Keyring on a private D-Bus session, with a password-protected login collection,
 * for tests of a *locked* keychain: the state of a desktop whose keyring was locked (or an SSH
 * session where nothing unlocked it) with no prompt anyone can answer. Child processes reach it
 * through {@link PrivateKeyring.env}; lock and unlock go through the Secret Service on D-Bus.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dbus from 'dbus-next';
import { withSecretService, type SecretServiceCall } from '../../main/adapters/secret-service-lock-probe.ts';

const LOGIN = '/org/freedesktop/secrets/collection/login';

export class PrivateKeyring {
  private constructor(
    private readonly bus: ChildProcess,
    private readonly keyring: ChildProcess,
    readonly env: { DBUS_SESSION_BUS_ADDRESS: string; XDG_DATA_HOME: string },
    private readonly password: string,
  ) {}

  /**
   * Starts D-Bus and GNOME Keyring; the login collection is created with `password`, unlocked.
   * With `password` null it is an unencrypted collection that nothing has unlocked yet (what a
   * fresh headless machine has): it reports itself locked, yet opens without a prompt.
   */
  static async start(password: string | null = 'keyring-password'): Promise<PrivateKeyring> {
    const dataHome = mkdtempSync(join(tmpdir(), 'cognito-desktop-locked-keyring-'));
    if (password === null) {
      mkdirSync(join(dataHome, 'keyrings'));
      writeFileSync(
        join(dataHome, 'keyrings', 'login.keyring'),
        '[keyring]\ndisplay-name=login\nctime=0\nmtime=0\nlock-on-idle=false\nlock-after=false\n',
      );
      writeFileSync(join(dataHome, 'keyrings', 'default'), 'login\n');
    }
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const address = await new Promise<string>((resolve, reject) => {
      bus.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      bus.once('error', reject);
    });
    const env = { DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: dataHome };
    // --unlock reads the password from standard input and creates the login keyring with it.
    const keyring = spawn(
      'gnome-keyring-daemon',
      ['--foreground', ...(password === null ? [] : ['--unlock']), '--components=secrets'],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    // libsecret asks for an unlock prompt on a locked collection; the bus then fails to start one
    // (no display) and says so on its stderr, which is inherited: expected here, and noisy.
    keyring.stdin.end(password ?? '');
    const started = new PrivateKeyring(bus, keyring, env, password ?? '');
    // Ready when the service answers: unlocked with a password, or (unencrypted) at all.
    const ready = async (): Promise<boolean> => {
      const locked = await started.isLocked().catch(() => undefined);
      return password === null ? locked !== undefined : locked === false;
    };
    for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 50));
    return started;
  }

  async lock(): Promise<void> {
    await this.call('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service', 'Lock', 'ao', [[LOGIN]]);
  }

  /** Unlocks with the password, as GNOME's own unlock at sign-in does (no prompt). */
  async unlock(): Promise<void> {
    // A Secret Service session belongs to the connection that opened it: one connection for both.
    await this.withBus(async (call) => {
      const opened = await call(
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service',
        'OpenSession',
        'sv',
        ['plain', new dbus.Variant('s', '')],
      );
      const session = opened.body[1] as string;
      await call(
        '/org/freedesktop/secrets',
        'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface',
        'UnlockWithMasterPassword',
        'o(oayays)',
        [LOGIN, [session, Buffer.alloc(0), Buffer.from(this.password), 'text/plain']],
      );
    });
  }

  async isLocked(): Promise<boolean> {
    const reply = await this.call(LOGIN, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
      'org.freedesktop.Secret.Collection',
      'Locked',
    ]);
    return (reply.body[0] as { value: boolean }).value;
  }

  stop(): void {
    this.keyring.kill();
    this.bus.kill();
  }

  private call(
    path: string,
    iface: string,
    member: string,
    signature: string,
    body: unknown[],
  ): Promise<dbus.Message> {
    return this.withBus((call) => call(path, iface, member, signature, body));
  }

  private withBus<T>(task: (call: SecretServiceCall) => Promise<T>): Promise<T> {
    return withSecretService(task, { busAddress: this.env.DBUS_SESSION_BUS_ADDRESS });
  }
}
