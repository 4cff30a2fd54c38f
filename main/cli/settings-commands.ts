/** The commands that change the set-up: settings, the client secret, profiles and accounts. */
import { AuthError, isAuthError } from '../core/errors.ts';
import { isCognitoIssuer } from '../core/provider/provider.ts';
import type { DoctorReport } from '../core/doctor.ts';
import {
  SETTING_ENV,
  SETTING_KEYS,
  SETTING_LABELS,
  findSettingsProblems,
  type Settings,
} from '../core/settings/settings.ts';
import { settingsInEffect } from '../core/settings/resolve-settings.ts';
import {
  createAuthService,
  lockedSettings,
  resolveComposedSettings,
  type ComposeOptions,
} from '../app/compose.ts';
import { ProfilesAndAccounts } from '../app/profiles-and-accounts.ts';
import { profileSettings, withProfileSettings } from '../core/settings/profiles.ts';
import { JsonFileSettingsStore } from '../adapters/json-file-settings-store.ts';
import { readHiddenLine, readStdin } from './terminal.ts';
import { EXIT_CODES, JSON_OPTION, UsageError, type Command } from './command.ts';
import { describeAccount } from './describe.ts';
import { didYouMean } from './suggest.ts';

function settingKey(name: string): keyof Settings {
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const key = SETTING_KEYS.find((k) => k === camel || SETTING_ENV[k] === name);
  if (!key)
    throw new UsageError(
      `Unknown setting "${name}".${didYouMean(name, SETTING_KEYS)} Settings: ${SETTING_KEYS.join(', ')}.`,
    );
  return key;
}

/** Refuses a change to a setting the organisation's policy or installer locked for this profile. */
function refuseIfLocked(options: ComposeOptions, profile: string, key: keyof Settings): void {
  const by = lockedSettings(options, profile).by[key];
  if (!by) return;
  throw new AuthError(
    'invalid_settings',
    by === 'policy'
      ? `${SETTING_LABELS[key]} is managed by your organization's policy (${options.policy?.origin}) and cannot be changed.`
      : `${SETTING_LABELS[key]} is set by your organisation's installer and cannot be changed.`,
    { setting: key },
  );
}

/**
 * What is known of the client secret: stored, none, or why it cannot be known now (settings
 * missing, or a keychain that cannot be read, with whether a secret was stored there).
 */
async function describeClientSecret(
  options: ComposeOptions,
  resolved: ReturnType<typeof resolveComposedSettings>,
) {
  let service: ReturnType<typeof createAuthService>;
  try {
    service = createAuthService(options, resolved);
  } catch {
    return 'unknown until discoveryUrl and clientId are set';
  }
  try {
    return (await service.hasClientSecret()) ? 'stored in the keychain' : 'none (public client)';
  } catch (error) {
    const state = isAuthError(error, 'keychain_locked') ? 'locked' : 'unavailable';
    return service.clientSecretNotedAsStored()
      ? `stored in the keychain, which is ${state} now`
      : `unknown: the OS keychain is ${state}`;
  }
}

function formatDoctor(report: DoctorReport, discoveryUrl: string): string {
  const lines = report.checks.map(
    (c) =>
      `${c.ok ? (c.warning ? '!' : '✓') : '✗'} ${c.label}: ${c.detail}${c.fix ? `\n    → ${c.fix}` : ''}`,
  );
  lines.push(
    '',
    URL.canParse(discoveryUrl) && isCognitoIssuer(discoveryUrl)
      ? 'Register these in Cognito (the app client’s Login pages):'
      : 'Register these with your provider:',
    `  Allowed callback URL:  ${report.callbackUrl}`,
    `  Allowed sign-out URL:  ${report.signOutUrl}`,
  );
  return lines.join('\n');
}

/** A command of one argument that takes one step, then prints what the step returns. */
function oneStepCommand(
  name: string,
  summary: string,
  arg: string,
  step: (options: ComposeOptions, value: string) => Promise<{ result: object; done: string }>,
): Command {
  return {
    name,
    summary,
    args: [arg],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const [value = ''] = positionals;
      const { result, done } = await step(options, value);
      print({ ok: true, ...result }, done);
      return EXIT_CODES.ok;
    },
  };
}

/** `profile add|use|remove NAME`: one change to the profiles, then what was done. */
function profileCommand(
  verb: string,
  summary: string,
  change: (accounts: ProfilesAndAccounts, name: string) => Promise<void>,
  done: (name: string) => string,
): Command {
  return oneStepCommand(`profile ${verb}`, summary, 'NAME', async (options, name) => {
    await change(new ProfilesAndAccounts(options), name);
    return { result: { profile: name }, done: done(name) };
  });
}

export const SETTINGS_COMMANDS: Command[] = [
  {
    name: 'config show',
    summary: 'show the settings and where each comes from',
    options: { json: JSON_OPTION },
    async run({ options, print }) {
      const resolved = resolveComposedSettings(options);
      const rows = settingsInEffect(resolved);
      const secret = await describeClientSecret(options, resolved);
      const store = options.settingsStore;
      const file = store instanceof JsonFileSettingsStore ? store.file : undefined;
      const text = [
        ...rows.map((r) => `${r.key.padEnd(16)} ${(r.value ?? '(not set)').padEnd(60)} ${r.source}`),
        `${'clientSecret'.padEnd(16)} ${secret}`,
      ];
      text.unshift(`${'profile'.padEnd(16)} ${resolved.profile}`);
      print(
        { ok: true, file, profile: resolved.profile, settings: rows, clientSecret: secret },
        text.join('\n'),
      );
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'config set',
    summary: 'change a setting (validated)',
    args: ['KEY', 'VALUE'],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const [name = '', value = ''] = positionals;
      const key = settingKey(name);
      const store = options.settingsStore;
      const document = store.read();
      const { profile } = resolveComposedSettings(options, document);
      refuseIfLocked(options, profile, key);
      const next = { ...profileSettings(document, profile), [key]: value };
      const problem = findSettingsProblems(next).find((p) => p.setting === key);
      if (problem) throw new AuthError('invalid_settings', problem.message, { setting: key });
      await store.write(withProfileSettings(document, profile, next));
      print(
        { ok: true, profile, key, value },
        `${key} = ${value}${profile === 'default' ? '' : ` (profile ${profile})`}`,
      );
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'config unset',
    summary: "remove a setting from the profile's file (its default, or the environment's, applies)",
    args: ['KEY'],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const key = settingKey(positionals[0] ?? '');
      const store = options.settingsStore;
      const document = store.read();
      const { profile } = resolveComposedSettings(options, document);
      refuseIfLocked(options, profile, key);
      const { [key]: removed, ...rest } = profileSettings(document, profile) as Record<string, unknown>;
      if (removed !== undefined) await store.write(withProfileSettings(document, profile, rest));
      const now = settingsInEffect(resolveComposedSettings(options)).find((r) => r.key === key);
      const inEffect = now?.value ? `now ${now.value} (${now.source})` : 'now not set';
      print(
        { ok: true, profile, key, removed: removed !== undefined, value: now?.value ?? null },
        `${removed !== undefined ? `${key} removed` : `${key} was not set in the file`}; ${inEffect}.`,
      );
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'config set-secret',
    summary: 'store the client secret from standard input, never the command line (empty: remove)',
    options: { json: JSON_OPTION },
    async run({ options, io, print }) {
      const secret = process.stdin.isTTY
        ? await readHiddenLine(io, 'Client secret (not shown; empty removes it): ')
        : await readStdin();
      await createAuthService(options).setClientSecret(secret);
      print(
        { ok: true, stored: secret !== '' },
        secret
          ? 'Client secret stored in the OS keychain.'
          : 'Client secret removed: the app signs in as a public client.',
      );
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'config check',
    summary: 'check the configuration, print the URLs to register',
    options: { json: JSON_OPTION },
    async run({ options, print }) {
      const { runDoctor } = await import('../core/doctor.ts');
      const resolved = resolveComposedSettings(options);
      const report = await runDoctor({
        input: resolved.input,
        profile: resolved.profile,
        secretStore: options.secretStore,
        ...(options.policy ? { policy: options.policy } : {}),
        ...(options.networkFor ? { networkFor: options.networkFor } : {}),
      });
      print(
        { ok: report.ok, report },
        formatDoctor(
          report,
          typeof resolved.input.discoveryUrl === 'string' ? resolved.input.discoveryUrl : '',
        ),
      );
      const firstFailure = report.checks.find((c) => !c.ok);
      if (!firstFailure) return EXIT_CODES.ok;
      return firstFailure.id === 'keychain' ? EXIT_CODES.keychain_unavailable : EXIT_CODES.usage;
    },
  },
  {
    name: 'profile list',
    summary: 'the profiles, and which is in use',
    options: { json: JSON_OPTION },
    run({ options, print }) {
      const profiles = new ProfilesAndAccounts(options).profiles();
      const lines = profiles.map(
        (p) =>
          `${p.selected ? '*' : ' '} ${p.name}${p.fromInstaller ? ' (set by your organisation)' : ''}${p.configured ? '' : ' (not set up)'}`,
      );
      print({ ok: true, profiles }, lines.join('\n'));
      return Promise.resolve(EXIT_CODES.ok);
    },
  },
  profileCommand(
    'add',
    'add a profile (then: --profile NAME config set …)',
    (accounts, name) => accounts.addProfile(name),
    (name) =>
      `Profile ${name} added. Set it up with: cognito-desktop --profile ${name} config set discoveryUrl URL (and clientId).`,
  ),
  profileCommand(
    'use',
    'use this profile from now on (the app follows)',
    (accounts, name) => accounts.useProfile(name),
    (name) => `Using profile ${name}.`,
  ),
  profileCommand(
    'remove',
    'sign out every account of a profile and remove it, secret included',
    (accounts, name) => accounts.removeProfile(name),
    (name) => `Profile ${name} removed; its accounts are signed out.`,
  ),
  {
    name: 'account list',
    summary: "the profile's accounts (--all-profiles: every profile's), and which is active",
    options: {
      'all-profiles': { type: 'boolean', description: 'every profile, not only the one in use' },
      json: JSON_OPTION,
    },
    async run({ values, options, print }) {
      const accounts = new ProfilesAndAccounts(options);
      const list = await accounts.list(
        values['all-profiles'] === true ? undefined : [accounts.resolve().profile],
      );
      print({ ok: true, accounts: list }, list.map(describeAccount).join('\n') || 'No account is signed in.');
      return EXIT_CODES.ok;
    },
  },
  oneStepCommand(
    'account use',
    'make an account of the profile the active one (no network)',
    'ACCOUNT',
    async (options, ref) => {
      const account = await new ProfilesAndAccounts(options).useAccount(ref);
      return { result: { account }, done: `Using ${account.name ?? 'the first account'}.` };
    },
  ),
  oneStepCommand(
    'account remove',
    'sign one account out (its refresh token revoked) and remove it; the others stay',
    'ACCOUNT',
    async (options, ref) => {
      const accounts = new ProfilesAndAccounts({ ...options, account: ref });
      const result = await accounts.signOut(accounts.service(), { openBrowser: false });
      return { result, done: `Signed ${ref} out and removed the account.` };
    },
  ),
];
