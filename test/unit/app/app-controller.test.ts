/**
 * The app controller's settings decisions: installer presets (defaults and locks), the file, the
 * environment, and the write-only secret. Fakes for the keychain and the network: no I/O is judged.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLanguage, useLanguage } from '../../../main/core/i18n.ts';
import { toAppState } from '../../../main/ipc/wire.ts';
import {
  AppController,
  type AppControllerDeps,
  type InstallerSettings,
} from '../../../main/app/app-controller.ts';
import { JsonFileSettingsStore } from '../../../main/adapters/json-file-settings-store.ts';
import { FileSessionSignal } from '../../../main/adapters/file-session-signal.ts';
import { TokenVault, sessionAccount } from '../../../main/core/session/token-vault.ts';
import { SETTING_LABELS } from '../../../main/core/settings/settings.ts';
import { parsePolicy } from '../../../main/core/settings/policy.ts';
import type { EventEmitter } from 'node:events';
import { AuthError } from '../../../main/core/errors.ts';
import { settingsValues } from '../../support/settings-values.ts';
import { MemorySecretStore } from '../../fakes/memory-secret-store.ts';
import type { AppState } from '../../../preload/contract.ts';

const POOL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
const OTHER_POOL = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other';

async function controller(
  options: {
    installer?: InstallerSettings;
    env?: NodeJS.ProcessEnv;
    file?: Record<string, string>;
    onSignedIn?: () => void;
    onProxySignIn?: AppControllerDeps['onProxySignIn'];
    notify?: AppControllerDeps['notify'];
    networks?: Pick<AppControllerDeps, 'networkFor' | 'checkNetworkFor'>;
    osLocale?: string;
  } = {},
) {
  const configDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-controller-'));
  const settingsStore = new JsonFileSettingsStore(configDir);
  if (options.file) await settingsStore.write(options.file);
  const states: AppState[] = [];
  const secretStore = new MemorySecretStore();
  const logger = {
    lines: [] as string[],
    info: () => undefined,
    warn: (m: string) => void logger.lines.push(m),
  };
  const app = new AppController({
    configDir,
    settingsStore,
    secretStore,
    logger,
    browser: { open: () => Promise.resolve() },
    clipboard: { writeText: () => Promise.resolve() },
    onStateChanged: (s) => states.push(s),
    // No network in these tests: discovery fails at once.
    ...(options.networks ?? { fetch: () => Promise.reject(new TypeError('fetch failed')) }),
    ...(options.installer ? { installer: options.installer } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.onSignedIn ? { onSignedIn: options.onSignedIn } : {}),
    ...(options.onProxySignIn ? { onProxySignIn: options.onProxySignIn } : {}),
    ...(options.notify ? { notify: options.notify } : {}),
    ...(options.osLocale ? { systemLanguage: () => options.osLocale! } : {}),
  });
  return { app, states, configDir, secretStore, settingsStore, logger };
}

describe('AppController settings', () => {
  it('is unconfigured with nothing set, and says the emulator is not offered outside development', async () => {
    const { app } = await controller();
    await app.init();
    expect(app.state()).toMatchObject({ status: 'unconfigured', emulatorOffered: false });
    expect(app.state()).not.toHaveProperty('error');
    expect(app.state().switcher).toMatchObject({ profile: 'default', accounts: [] });
    await expect(app.settings.useEmulator()).rejects.toMatchObject({ code: 'invalid_settings' });
  });

  it('uses installer presets as defaults, lets the file override unlocked ones, never locked ones', async () => {
    const installer: InstallerSettings = {
      values: { discoveryUrl: POOL, clientId: 'preset-client', scopes: 'openid email' },
      locked: ['discoveryUrl'],
    };
    const { app } = await controller({
      installer,
      file: { clientId: 'my-client', discoveryUrl: OTHER_POOL },
    });
    await app.init();
    expect(app.state().status).toBe('signed-out');
    const view = await app.settings.settingsView();
    expect(view.values).toMatchObject({ discoveryUrl: POOL, clientId: 'my-client', scopes: 'openid email' });
    expect(view.locked).toEqual(['discoveryUrl']);
    expect(view.fromInstaller).toEqual(['scopes']);
    await app.settings.saveSettings({ values: { ...view.values, discoveryUrl: OTHER_POOL } });
    expect((await app.settings.settingsView()).values.discoveryUrl).toBe(POOL);
  });

  it('offers the installer’s profiles with their locked presets; users add their own only where allowed', async () => {
    const installer: InstallerSettings = {
      values: {},
      locked: [],
      profiles: {
        dev: { values: { discoveryUrl: POOL, clientId: 'dev-client' }, locked: ['discoveryUrl'] },
        prod: {
          values: { discoveryUrl: OTHER_POOL, clientId: 'prod-client' },
          locked: ['discoveryUrl', 'clientId'],
        },
      },
      userProfiles: false,
    };
    const { app } = await controller({ installer });
    await app.init();
    // No settings of its own and presets elsewhere: the default profile is not offered.
    expect(app.state().switcher?.profiles.map((p) => [p.name, p.fromInstaller, p.configured])).toEqual([
      ['dev', true, true],
      ['prod', true, true],
    ]);
    expect(app.state().status).toBe('signed-out');
    await app.useProfile('prod');
    const view = await app.settings.settingsView();
    expect(view.values).toMatchObject({ discoveryUrl: OTHER_POOL, clientId: 'prod-client' });
    expect(view.locked).toEqual(['discoveryUrl', 'clientId']);
    await app.settings.saveSettings({ values: { ...view.values, clientId: 'mine', scopes: 'openid' } });
    expect((await app.settings.settingsView()).values).toMatchObject({
      clientId: 'prod-client',
      scopes: 'openid',
    });
    await app.useProfile('dev');
    expect((await app.settings.settingsView()).values).toMatchObject({ clientId: 'dev-client', scopes: '' });
    expect(app.state().switcher?.canAddProfiles).toBe(false);
    await expect(app.addProfile('mine')).rejects.toThrow('does not allow adding profiles');
    await expect(app.removeProfile('prod')).rejects.toThrow('set by your organisation and cannot be removed');
  });

  it('saves with one read of the settings file and one write, and the view names fields as problems do', async () => {
    const { app, settingsStore } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    const view = await app.settings.settingsView();
    expect(view.labels).toMatchObject({
      discoveryUrl: SETTING_LABELS.discoveryUrl,
      scopes: SETTING_LABELS.scopes,
    });
    expect(Object.keys(view.labels)).toHaveLength(19);
    const reads = vi.spyOn(settingsStore, 'read');
    const writes = vi.spyOn(settingsStore, 'write');
    const saved = await app.settings.saveSettings({ values: { ...view.values, clientId: 'c2' } });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(saved.values.clientId).toBe('c2');
    expect(app.state().status).toBe('signed-out');
  });

  it('uses COGNITO_CLIENT_SECRET in memory only: never in the keychain or the settings file', async () => {
    const secret = 'env-secret-value-123';
    const { app, configDir, secretStore } = await controller({
      env: { COGNITO_DISCOVERY_URL: POOL, COGNITO_CLIENT_ID: 'c1', COGNITO_CLIENT_SECRET: secret },
    });
    await app.init();
    expect((await app.settings.settingsView()).hasClientSecret).toBe(true);
    expect([...secretStore.entries.values()].join('')).not.toContain(secret);
    await app.settings.saveSettings({ values: (await app.settings.settingsView()).values });
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).not.toContain(secret);
  });

  it('uses COGNITO_CLIENT_SECRET only for the provider and client the same environment names', async () => {
    const secret = 'env-secret-value-123';
    // The secret alone, with a profile's provider and client from the file: not sent there.
    const { app, logger } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1' },
      env: { COGNITO_CLIENT_SECRET: secret },
    });
    await app.init();
    expect((await app.settings.settingsView()).hasClientSecret).toBe(false);
    expect(logger.lines.join('\n')).toContain('COGNITO_CLIENT_SECRET is ignored');
    // With the client alone from the environment, the provider is still the file's: not sent either.
    const clientOnly = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1' },
      env: { COGNITO_CLIENT_ID: 'c1', COGNITO_CLIENT_SECRET: secret },
    });
    await clientOnly.app.init();
    expect((await clientOnly.app.settings.settingsView()).hasClientSecret).toBe(false);
  });

  it('signs out only an account the list has: an id from the window is never taken on trust', async () => {
    const { app, secretStore } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    const before = [...secretStore.entries.keys()];
    for (const ref of [
      { profile: 'default', id: 'not-listed' },
      { profile: 'default', id: '../../other' },
      { profile: 'no-such-profile', id: '' },
    ])
      await expect(app.signOutAccount(ref), JSON.stringify(ref)).rejects.toMatchObject({
        code: 'invalid_settings',
      });
    expect([...secretStore.entries.keys()]).toEqual(before);
  });

  it('stores, keeps and removes the write-only secret', async () => {
    const { app } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    const values = (await app.settings.settingsView()).values;
    expect((await app.settings.saveSettings({ values, clientSecret: 's3cret' })).hasClientSecret).toBe(true);
    expect((await app.settings.saveSettings({ values })).hasClientSecret).toBe(true);
    expect((await app.settings.saveSettings({ values, clientSecret: '' })).hasClientSecret).toBe(false);
  });

  it('answers a validation with the problems and the URLs to register for the typed values', async () => {
    const { app } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    const values = {
      ...(await app.settings.settingsView()).values,
      redirectUri: 'http://127.0.0.1:5000/cb',
      logoutUri: '',
    };
    expect(app.settings.validate(values)).toEqual({
      problems: [],
      callbackUrl: 'http://127.0.0.1:5000/cb',
      signOutUrl: 'http://127.0.0.1:5000/signed-out',
    });
    expect(
      app.settings.validate({ ...values, redirectUri: 'https://x/cb' }).problems.map((p) => p.setting),
    ).toContain('redirectUri');
  });

  it('refuses to save invalid settings, naming the setting, and keeps the old file', async () => {
    const { app, configDir } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    const before = readFileSync(join(configDir, 'config.json'), 'utf8');
    const values = {
      ...(await app.settings.settingsView()).values,
      redirectUri: 'https://127.0.0.1:47621/callback',
    };
    await expect(app.settings.saveSettings({ values })).rejects.toMatchObject({
      code: 'invalid_settings',
      setting: 'redirectUri',
    });
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('reports a provider it cannot reach as a readable error when signing in', async () => {
    const { app, states } = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' } });
    await app.init();
    await app.signIns.signIn();
    expect(states.at(-1)).toMatchObject({ status: 'signed-out', error: { code: 'network' } });
  });

  it('offers the configured identity providers, and refuses an unknown one or an empty email before any request', async () => {
    const { app, states } = await controller({
      file: {
        discoveryUrl: POOL,
        clientId: 'c1',
        identityProviders: 'Google, AcmeSAML=Acme staff',
        emailFirst: 'on',
      },
    });
    await app.init();
    expect(app.state()).toMatchObject({
      status: 'signed-out',
      identityProviders: [
        { name: 'Google', label: 'Google' },
        { name: 'AcmeSAML', label: 'Acme staff' },
      ],
      emailFirst: true,
    });
    const lastError = (): { code?: string; message?: string } =>
      (states.at(-1) as { error?: { code: string; message: string } }).error ?? {};
    await app.signIns.signInWith('Okta');
    expect(states.at(-1)?.status).toBe('signed-out');
    expect(lastError().code).toBe('invalid_settings');
    expect(lastError().message).toContain('Configured: Google, AcmeSAML.');
    await app.signIns.signInWithEmail('  ');
    expect(lastError().code).toBe('invalid_settings');
    expect(lastError().message).toContain('Type the email address');
    // A known provider gets as far as the provider (unreachable here): the route was accepted.
    await app.signIns.signInWith('AcmeSAML');
    expect(states.at(-1)).toMatchObject({ error: { code: 'network' } });
  });
});

describe('AppController notifications', () => {
  it('tells the OS when a session ends without the user asking, or refreshes keep failing, and only then', async () => {
    const shown: { title: string; body: string }[] = [];
    const { app } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1' },
      notify: (n) => shown.push(n),
    });
    await app.init();
    const service = (app as unknown as { service: EventEmitter }).service;
    for (const reason of ['user', 'switch-user', 'elsewhere', 'revoked', 'expired'])
      service.emit('session-changed', { type: 'signed-out', reason });
    expect(shown).toEqual([
      {
        title: 'You were signed out',
        body: 'Your sign-in was revoked or has expired at the provider. Sign in again to continue.',
      },
      { title: 'You were signed out', body: 'Your session has expired. Sign in again to continue.' },
    ]);
    expect(app.state()).toMatchObject({
      status: 'signed-out',
      notice: 'Your session has expired. Sign in again to continue.',
    });
    service.emit('refresh-failing', new AuthError('network', 'Could not reach the provider.'));
    expect(shown.at(-1)).toEqual({
      title: 'Your session could not be refreshed',
      body: 'Could not reach the provider. The app keeps trying; you stay signed in until the session expires.',
    });
    app.dispose();
  });
});

describe('AppController language', () => {
  afterEach(() => useLanguage('en'));

  it('speaks the language setting, else the OS’s, in notifications, setting labels and the state', async () => {
    const shown: { title: string; body: string }[] = [];
    const { app } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1', language: 'de' },
      notify: (n) => shown.push(n),
      osLocale: 'en-US',
    });
    await app.init();
    expect(currentLanguage()).toBe('de');
    expect(toAppState(app.state()).language).toBe('de');
    const service = (app as unknown as { service: EventEmitter }).service;
    service.emit('session-changed', { type: 'signed-out', reason: 'expired' });
    expect(shown).toEqual([
      {
        title: 'Sie wurden abgemeldet',
        body: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.',
      },
    ]);
    const view = await app.settings.settingsView();
    expect(view.labels.clientId).toBe('Client-ID');
    // Cleared: the OS's language (English here), at once.
    await app.settings.saveSettings({ values: { ...view.values, language: '' } });
    expect(currentLanguage()).toBe('en');
    expect((await app.settings.settingsView()).labels.clientId).toBe('Client ID');
    expect(toAppState(app.state()).language).toBe('en');
    app.dispose();

    const onGerman = await controller({ file: { discoveryUrl: POOL, clientId: 'c1' }, osLocale: 'de-AT' });
    await onGerman.app.init();
    expect(toAppState(onGerman.app.state()).language).toBe('de');
    onGerman.app.dispose();
  });
});

/** A valid session as the keychain holds it (carol's). */
const storedSession = {
  v: 1,
  accessToken: 'access',
  idToken: 'id',
  refreshToken: 'refresh',
  expiresAt: Date.now() + 3600_000,
  claims: { sub: 'sub-1', email: 'carol@example.com' },
  signedInAt: Date.now(),
};

describe('AppController follows the session other processes share', () => {
  it('shows a sign-in and then a sign-out made by another process, without focusing the window', async () => {
    let focused = 0;
    const { app, configDir, secretStore } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1' },
      onSignedIn: () => (focused += 1),
    });
    await app.init();
    expect(app.state().status).toBe('signed-out');

    // "Another process": the same keychain entry and the same change marker in the settings folder.
    const account = sessionAccount(POOL, 'c1');
    const vault = new TokenVault(secretStore, 'cognito-desktop');
    const signal = new FileSessionSignal(join(configDir, 'sync'));
    await vault.write(account, storedSession);
    signal.announce(account);
    await expect.poll(() => app.state().status, { timeout: 8000 }).toBe('signed-in');
    expect(app.state()).toMatchObject({ profile: { username: 'carol@example.com' } });
    expect(focused).toBe(0);

    await vault.remove(account);
    signal.announce(account);
    await expect.poll(() => app.state().status, { timeout: 8000 }).toBe('signed-out');
    expect((app.state() as { notice?: string }).notice).toContain('another window');
    app.dispose();
  }, 20_000);
});

describe('AppController under a policy', () => {
  const policyOf = (raw: object) => parsePolicy('/etc/cognito-desktop/policy.json', raw);

  it('shows policy values managed and locked, over the installer’s lock and the file; a save keeps them', async () => {
    const notices: { title: string; body: string }[] = [];
    const { app } = await controller({
      notify: (n) => notices.push(n),
      installer: { values: { scopes: 'openid email' }, locked: ['scopes'] },
      file: { discoveryUrl: OTHER_POOL, clientId: 'mine' },
    });
    app.usePolicy(policyOf({ discoveryUrl: POOL, userProfiles: false, apiToken: 'refresh' }));
    expect(notices.map((n) => n.body)).toEqual([
      expect.stringContaining('The policy value of apiToken is ignored'),
    ]);
    await app.init();
    const view = await app.settings.settingsView();
    expect(view.values).toMatchObject({ discoveryUrl: POOL, clientId: 'mine' });
    expect(view.managed).toEqual(['discoveryUrl']);
    expect(view.locked).toEqual(['discoveryUrl', 'scopes']);
    await app.settings.saveSettings({ values: { ...view.values, discoveryUrl: OTHER_POOL } });
    expect((await app.settings.settingsView()).values.discoveryUrl).toBe(POOL);
    expect(app.state().switcher?.canAddProfiles).toBe(false);
    await expect(app.addProfile('mine')).rejects.toThrow('policy does not allow adding profiles');
  });

  it('keeps the session when a change leaves the provider and client as they were', async () => {
    const { app, secretStore } = await controller({ file: { clientId: 'c1' } });
    app.usePolicy(policyOf({ discoveryUrl: POOL }));
    await new TokenVault(secretStore, 'cognito-desktop').write(sessionAccount(POOL, 'c1'), storedSession);
    await app.init();
    expect(app.state().status).toBe('signed-in');
    expect(toAppState(app.state()).settingsRevision).toBeUndefined();
    await app.applyPolicy(policyOf({ discoveryUrl: POOL, scopes: 'openid email' }));
    expect(app.state().status).toBe('signed-in');
    // An open Settings screen reloads: the window learns the settings changed.
    expect(toAppState(app.state()).settingsRevision).toBe(1);
    expect(
      await new TokenVault(secretStore, 'cognito-desktop').read(sessionAccount(POOL, 'c1')),
    ).toBeDefined();
    expect((await app.settings.settingsView()).managed).toEqual(['discoveryUrl', 'scopes']);
    app.dispose();
  });

  it('signs out of a pool the policy replaces, deletes its session and says why; reports a bad value', async () => {
    const notices: { title: string; body: string }[] = [];
    const { app, secretStore, logger } = await controller({
      file: { clientId: 'c1' },
      notify: (n) => notices.push(n),
    });
    app.usePolicy(policyOf({ discoveryUrl: POOL }));
    await new TokenVault(secretStore, 'cognito-desktop').write(sessionAccount(POOL, 'c1'), storedSession);
    await app.init();
    await app.applyPolicy(policyOf({ discoveryUrl: OTHER_POOL, proxy: 'ftp://x' }));
    expect(app.state()).toMatchObject({
      status: 'signed-out',
      provider: { issuer: OTHER_POOL },
      settingsRevision: 1,
    });
    expect((app.state() as { notice?: string }).notice).toContain(
      'Your organization changed the sign-in settings',
    );
    expect(
      await new TokenVault(secretStore, 'cognito-desktop').read(sessionAccount(POOL, 'c1')),
    ).toBeUndefined();
    expect(notices[0]?.body).toContain('The policy value of proxy is ignored');
    expect(logger.lines.join('\n')).toContain('The policy value of proxy is ignored');
    app.dispose();
  });
});

describe('AppController accounts', () => {
  it('Add Account that fails goes back to the account in use, says why, and records nobody', async () => {
    const { app, secretStore, configDir } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1' },
    });
    await new TokenVault(secretStore, 'cognito-desktop').write(sessionAccount(POOL, 'c1'), storedSession);
    await app.init();
    expect(app.state()).toMatchObject({ status: 'signed-in', profile: { username: 'carol@example.com' } });
    await app.addAccount();
    await expect.poll(() => (app.state() as { error?: AuthError }).error?.code).toBe('network');
    expect(app.state()).toMatchObject({ status: 'signed-in', profile: { username: 'carol@example.com' } });
    expect(app.state().switcher?.accounts.map((a) => a.name)).toEqual(['carol@example.com']);
    expect(() => readFileSync(join(configDir, 'accounts.json'), 'utf8')).toThrow();
    app.dispose();
  });
});

const EMPTY_VALUES = settingsValues();

describe('AppController networks', () => {
  it('checks unsaved settings on the check network, and signs in on the live one with the saved settings', async () => {
    const asked: string[] = [];
    const offline = (name: string) => (settings: { proxy: string }) => {
      asked.push(`${name}:${settings.proxy}`);
      return {
        fetch: () => Promise.reject(new TypeError('fetch failed')),
        routeOf: () => Promise.resolve(`${name} route`),
      };
    };
    const { app } = await controller({
      file: { discoveryUrl: POOL, clientId: 'c1', proxy: 'http://saved:3128' },
      networks: { networkFor: offline('live'), checkNetworkFor: offline('check') },
    });
    await app.init();
    const report = await app.settings.checkConfiguration({
      ...EMPTY_VALUES,
      discoveryUrl: POOL,
      clientId: 'c1',
      proxy: 'http://typed:3128',
    });
    expect(report.checks.find((c) => c.id === 'network')?.detail).toContain('check route');
    expect(asked).toContain('check:http://typed:3128');
    expect(asked).not.toContain('live:http://typed:3128');
    expect(asked).toContain('live:http://saved:3128');
    app.dispose();
  });
});

describe('AppController proxy sign-in', () => {
  it('asks through the window, takes its answer once, and says Cancel after 2 minutes unanswered', async () => {
    vi.useFakeTimers();
    try {
      const shown: ({ question: string } | undefined)[] = [];
      const { app } = await controller({ file: {}, onProxySignIn: (request) => shown.push(request) });
      const request = { proxy: 'proxy.corp:3128', realm: 'Corp', refused: false };
      const answered = app.proxyQuestion.ask(request);
      expect(shown).toEqual([{ ...request, question: expect.stringMatching(/^[\w-]{36}$/) as string }]);
      const question = shown[0]!.question;
      // An answer naming another question (a stray dialog, a stale reply) answers nothing.
      app.proxyQuestion.answer({
        question: 'another',
        answer: { username: 'mallory', password: 'x', remember: true },
      });
      expect(shown).toHaveLength(1);
      app.proxyQuestion.answer({ question, answer: { username: 'alice', password: 'p', remember: true } });
      await expect(answered).resolves.toEqual({
        credentials: { username: 'alice', password: 'p' },
        remember: true,
      });
      expect(shown).toEqual([expect.objectContaining(request), undefined]);
      app.proxyQuestion.answer({ question, answer: null });
      expect(shown).toHaveLength(2);

      // A new question gets a new id: the last one's id no longer answers (nor cancels) it.
      const next = app.proxyQuestion.ask(request);
      const nextQuestion = shown.at(-1)!.question;
      expect(nextQuestion).not.toBe(question);
      app.proxyQuestion.answer({ question, answer: null });
      expect(shown.at(-1)).toBeDefined();
      app.proxyQuestion.answer({ question: nextQuestion, answer: null });
      await expect(next).resolves.toBeUndefined();

      const unanswered = app.proxyQuestion.ask(request);
      await vi.advanceTimersByTimeAsync(2 * 60_000);
      await expect(unanswered).resolves.toBeUndefined();
      expect(shown.at(-1)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
