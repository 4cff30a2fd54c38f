/**
 * The CLI's commands, one entry each: name, arguments, options, what it does. The dispatcher
 * (main/cli.ts) parses each command's options strictly from this table, and the usage text is
 * written from it, so a command's help and its parser cannot disagree.
 */
import type { ComposeOptions } from '../app/compose.ts';
import { AuthError, type AuthErrorCode } from '../core/errors.ts';
import type { DoctorReport } from '../core/doctor.ts';
import {
  SETTING_ENV,
  SETTING_KEYS,
  SETTING_LABELS,
  findSettingsProblems,
  settingsInEffect,
  type Settings,
} from '../core/settings.ts';
import { minutesLeft, type Profile } from '../core/session.ts';
import type { SignInOptions } from '../core/auth-service.ts';
import { identifierFor } from '../core/sign-in-options.ts';
import { createAuthService, createAwsCredentials, resolveComposedSettings } from '../app/compose.ts';
import { ProfilesAndAccounts, type AccountSummary } from '../app/profiles-and-accounts.ts';
import { installerPresets } from '../app/installer-settings.ts';
import { PROFILE_ENV, profileSettings, withProfileSettings } from '../core/profiles.ts';
import { credentialProcessOutput, execCredentialOutput } from '../core/aws-credentials.ts';
import { JsonFileSettingsStore } from '../adapters/json-file-settings-store.ts';
import { describeSeconds } from '../core/async-limits.ts';
import { readHiddenLine, readStdin, type Io } from './terminal.ts';

/** Exit codes, documented in the README (a test holds the two together). */
export const EXIT_CODES: Record<AuthErrorCode | 'ok' | 'usage', number> = {
  ok: 0,
  not_signed_in: 1,
  usage: 2,
  invalid_settings: 2,
  port_in_use: 2,
  provider_rejected: 3,
  state_mismatch: 3,
  network: 4,
  proxy_unreachable: 4,
  tls_untrusted: 8,
  proxy_auth: 9,
  keychain_unavailable: 5,
  keychain_locked: 5,
  cancelled: 6,
  timeout: 6,
  session_busy: 7,
  internal: 10,
};

/** A usage error: exit 2, with the command's usage. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** Shown in the usage, e.g. `SECONDS`. */
  valueName?: string;
  description: string;
}

/** What a command gets: its parsed options and arguments, the wiring, and where to write. */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  options: ComposeOptions;
  io: Io;
  /** Prints `value` as one JSON line with `--json`, else `text`. */
  print: (value: object, text: string) => void;
}

export interface Command {
  /** One or two words: `login`, `config show`. */
  name: string;
  summary: string;
  /** The positional arguments, in order, e.g. `['KEY', 'VALUE']`. */
  args?: string[];
  options: Record<string, OptionSpec>;
  run(context: CommandContext): Promise<number>;
}

const JSON_OPTION: OptionSpec = { type: 'boolean', description: 'print one JSON object on stdout' };

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  profile: {
    type: 'string',
    valueName: 'NAME',
    description: `the profile to use (else ${PROFILE_ENV}, else the one chosen with profile use)`,
  },
  account: {
    type: 'string',
    valueName: 'ACCOUNT',
    description: "the profile's account to use, by name or id (else its active one)",
  },
  verbose: {
    type: 'boolean',
    description:
      'each step and provider request on stderr (secrets removed), and the details of an internal error',
  },
  help: { type: 'boolean', description: 'this help' },
};

/** The first words of two-word commands (`config show`, `profile list`, `account use`). */
export const COMMAND_GROUPS = ['config', 'profile', 'account'];
const NO_BROWSER: OptionSpec = { type: 'boolean', description: 'print the URL instead of opening a browser' };

/** The login time limit: 1 s to 24 h (Node clamps longer timers to 1 ms). */
const TIMEOUT_RANGE_SECONDS = { min: 1, max: 24 * 3600 };

function parseTimeout(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (
    !Number.isFinite(seconds) ||
    seconds < TIMEOUT_RANGE_SECONDS.min ||
    seconds > TIMEOUT_RANGE_SECONDS.max
  ) {
    throw new UsageError(`--timeout takes seconds from 1 to 86400 (24 h); "${String(value)}" is not.`);
  }
  return seconds * 1000;
}

const TOKEN_FORMATS = ['raw', 'header', 'exec-credential'] as const;

/** The `token --format` value; `--json` is a format of its own, so not both. */
function tokenFormat(value: string | boolean | undefined, json: boolean): (typeof TOKEN_FORMATS)[number] {
  if (value === undefined) return 'raw';
  const format = TOKEN_FORMATS.find((f) => f === value);
  if (!format)
    throw new UsageError(`--format takes ${TOKEN_FORMATS.join(', ')}; "${String(value)}" is not one.`);
  if (json && format !== 'raw')
    throw new UsageError(`--format ${format} prints its own format: leave out --json.`);
  return format;
}

/** `--provider` or `--idp-identifier` (not both) as the sign-in's route and user-name hint. */
function signInRoute(
  provider: string | boolean | undefined,
  identifier: string | boolean | undefined,
): Pick<SignInOptions, 'route' | 'loginHint'> {
  if (provider !== undefined && identifier !== undefined)
    throw new UsageError('--provider and --idp-identifier go to one provider each: give one of them.');
  if (typeof provider === 'string') return { route: { identityProvider: provider } };
  if (typeof identifier === 'string') {
    // An email address is also offered as the user name; its domain is what the pool maps.
    const hint = identifier.includes('@') ? { loginHint: identifier.trim() } : {};
    return { route: { idpIdentifier: identifierFor(identifier) }, ...hint };
  }
  return {};
}

/** One line of `account list` and `status --all`: `* work/alice@example.com  signed in, 54 min left`. */
function describeAccount(account: AccountSummary): string {
  const state = account.problem
    ? account.problem
    : account.signedIn
      ? `signed in, ${minutesLeft(account.expiresAt ?? 0, Date.now())} min left`
      : 'signed out';
  const name = `${account.profile}/${account.name ?? '(first account)'}`;
  return `${account.active ? '*' : ' '} ${name.padEnd(40)} ${state}${account.id ? `  [id ${account.id}]` : ''}`;
}

function describeProfile(profile: Profile): string {
  const groups = profile.groups.length > 0 ? ` · groups: ${profile.groups.join(', ')}` : '';
  const through = profile.signedInWith ? ` through ${profile.signedInWith.providerName}` : '';
  const minutes = minutesLeft(profile.expiresAt, Date.now());
  return `Signed in as ${profile.username}${through}${groups} · access token valid for ${minutes} min`;
}

function settingKey(name: string): keyof Settings {
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const key = SETTING_KEYS.find((k) => k === camel || SETTING_ENV[k] === name);
  if (!key) throw new UsageError(`Unknown setting "${name}". Settings: ${SETTING_KEYS.join(', ')}.`);
  return key;
}

function formatDoctor(report: DoctorReport): string {
  const lines = report.checks.map(
    (c) =>
      `${c.ok ? (c.warning ? '!' : '✓') : '✗'} ${c.label}: ${c.detail}${c.fix ? `\n    → ${c.fix}` : ''}`,
  );
  lines.push(
    '',
    'Register these with your provider (in Cognito: the app client’s Login pages):',
    `  Allowed callback URL:  ${report.callbackUrl}`,
    `  Allowed sign-out URL:  ${report.signOutUrl}`,
  );
  return lines.join('\n');
}

/** `profile add|use|remove NAME`: one change to the profiles, then what was done. */
function profileCommand(
  verb: string,
  summary: string,
  change: (accounts: ProfilesAndAccounts, name: string) => Promise<void>,
  done: (name: string) => string,
): Command {
  return {
    name: `profile ${verb}`,
    summary,
    args: ['NAME'],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const [name = ''] = positionals;
      await change(new ProfilesAndAccounts(options), name);
      print({ ok: true, profile: name }, done(name));
      return EXIT_CODES.ok;
    },
  };
}

export const COMMANDS: Command[] = [
  {
    name: 'login',
    summary: 'sign in through the system browser',
    options: {
      'no-browser': NO_BROWSER,
      timeout: {
        type: 'string',
        valueName: 'SECONDS',
        description: 'give up after this long (1 to 86400; default 300)',
      },
      provider: {
        type: 'string',
        valueName: 'NAME',
        description:
          'go straight to this identity provider of the pool (one of the identityProviders setting)',
      },
      'idp-identifier': {
        type: 'string',
        valueName: 'VALUE',
        description: 'go to the identity provider the pool maps this identifier (an email or its domain) to',
      },
      add: {
        type: 'boolean',
        description: 'sign in as another person: add an account to the profile, keep the others',
      },
      json: JSON_OPTION,
    },
    async run({ values, options, io, print }) {
      const timeoutMs = parseTimeout(values.timeout);
      const route = signInRoute(values.provider, values['idp-identifier']);
      if (values.add === true && options.account !== undefined)
        throw new UsageError('--add signs in to a new account: leave out --account.');
      const accounts = new ProfilesAndAccounts(options);
      const service = values.add === true ? await accounts.serviceForNewAccount() : accounts.service();
      const openBrowser = values['no-browser'] !== true;
      const onSigint = (): void => service.cancelSignIn();
      process.once('SIGINT', onSigint);
      try {
        const signIn = values.add === true && service.scope.account ? 'signInAsSomeoneElse' : 'signIn';
        const profile = await service[signIn]({
          openBrowser,
          ...(timeoutMs ? { timeoutMs } : {}),
          ...route,
          onStarted: (attempt) => {
            const limit = describeSeconds((attempt.expiresAt - attempt.startedAt) / 1000);
            io.err(
              openBrowser
                ? 'Opening your browser to sign in. If it does not open, visit:'
                : 'Open this URL in a browser to sign in:',
            );
            io.err(`  ${attempt.url}`);
            io.err(`Waiting for you to finish in your browser (gives up after ${limit}; Ctrl-C cancels)…`);
          },
        });
        if (profile.persisted) await accounts.recordSignIn(service, profile);
        print({ ok: true, profile }, describeProfile(profile));
        if (!profile.persisted) {
          io.err('Warning: the OS keychain is unavailable, so this sign-in will not be remembered.');
          return EXIT_CODES.keychain_unavailable;
        }
        return EXIT_CODES.ok;
      } finally {
        process.off('SIGINT', onSigint);
      }
    },
  },
  {
    name: 'status',
    summary: 'who is signed in (no network while the token is valid)',
    options: {
      all: { type: 'boolean', description: 'every account of every profile' },
      json: JSON_OPTION,
    },
    async run({ values, options, print }) {
      if (values.all === true) {
        const accounts = await new ProfilesAndAccounts(options).list();
        print({ ok: true, accounts }, accounts.map(describeAccount).join('\n') || 'No account is signed in.');
        return accounts.some((a) => a.signedIn) ? EXIT_CODES.ok : EXIT_CODES.not_signed_in;
      }
      const profile = await createAuthService(options).restore();
      if (!profile) throw new AuthError('not_signed_in', 'Not signed in.');
      print({ ok: true, profile }, describeProfile(profile));
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'token',
    summary: 'print a valid access token (or ID token), refreshing when needed',
    options: {
      id: { type: 'boolean', description: 'print the ID token instead' },
      format: {
        type: 'string',
        valueName: 'FORMAT',
        description:
          'raw (default), header (an Authorization header line), or exec-credential (a Kubernetes ExecCredential with the ID token)',
      },
      json: JSON_OPTION,
    },
    async run({ values, options, io, print }) {
      const format = tokenFormat(values.format, values.json === true);
      const service = createAuthService(options);
      const useIdToken = values.id === true || format === 'exec-credential';
      const token = useIdToken ? await service.getIdToken() : await service.getAccessToken();
      if (format === 'exec-credential') io.out(JSON.stringify(execCredentialOutput(token)));
      else if (format === 'header') io.out(`Authorization: Bearer ${token}`);
      else print({ ok: true, token, expiresAt: service.profile()?.expiresAt }, token);
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'aws-credentials',
    summary: 'print temporary AWS credentials from the Identity Pool, as credential_process wants them',
    options: {},
    async run({ options, io }) {
      const service = createAuthService(options);
      const credentials = await createAwsCredentials(options, service).get();
      io.out(JSON.stringify(credentialProcessOutput(credentials)));
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'userinfo',
    summary: "call the provider's userinfo endpoint",
    options: { json: JSON_OPTION },
    async run({ options, print }) {
      const info = await createAuthService(options).fetchUserInfo();
      print({ ok: true, userinfo: info }, JSON.stringify(info, null, 2));
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'logout',
    summary: 'sign out here and at the provider',
    options: { 'no-browser': NO_BROWSER, json: JSON_OPTION },
    async run({ values, options, print }) {
      const openBrowser = values['no-browser'] !== true;
      const accounts = new ProfilesAndAccounts(options);
      const result = await accounts.signOut(accounts.service(), { openBrowser });
      const lines = ['Signed out of cognito-desktop.'];
      if (result.revoked) lines.push('The refresh token was revoked at the provider.');
      if (result.logoutUrl && !openBrowser)
        lines.push(
          `To end the provider session too, open (the provider may ask you to confirm):\n  ${result.logoutUrl}`,
        );
      // When the provider does not come back, a note says its session may still be active.
      if (result.signedOutPageServed) lines.push('The provider session has ended.');
      lines.push(...result.notes);
      print({ ok: true, ...result }, lines.join('\n'));
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'config show',
    summary: 'show the settings and where each comes from',
    options: { json: JSON_OPTION },
    async run({ options, print }) {
      const resolved = resolveComposedSettings(options);
      const rows = settingsInEffect(resolved);
      const hasSecret = await Promise.resolve()
        .then(() => createAuthService(options, resolved).hasClientSecret())
        .catch(() => undefined);
      const secret =
        hasSecret === undefined
          ? 'unknown until the discovery URL and client ID are set'
          : hasSecret
            ? 'stored in the keychain'
            : 'none (public client)';
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
      if (installerPresets(options.installer, profile)?.locked.includes(key as never)) {
        throw new AuthError(
          'invalid_settings',
          `${SETTING_LABELS[key]} is set by your organisation's installer and cannot be changed.`,
          { setting: key },
        );
      }
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
        ...(options.networkFor ? { networkFor: options.networkFor } : {}),
      });
      print({ ok: report.ok, report }, formatDoctor(report));
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
          `${p.selected ? '*' : ' '} ${p.name}${p.fromInstaller ? ' (installer)' : ''}${p.configured ? '' : ' (not set up)'}`,
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
  {
    name: 'account use',
    summary: 'make an account of the profile the active one (no network)',
    args: ['ACCOUNT'],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const [ref = ''] = positionals;
      const account = await new ProfilesAndAccounts(options).useAccount(ref);
      print({ ok: true, account }, `Using ${account.name ?? 'the first account'}.`);
      return EXIT_CODES.ok;
    },
  },
  {
    name: 'account remove',
    summary: 'sign one account out (its refresh token revoked) and remove it; the others stay',
    args: ['ACCOUNT'],
    options: { json: JSON_OPTION },
    async run({ positionals, options, print }) {
      const [ref = ''] = positionals;
      const accounts = new ProfilesAndAccounts({ ...options, account: ref });
      const service = accounts.service();
      const result = await accounts.signOut(service, { openBrowser: false });
      print({ ok: true, ...result }, `Signed ${ref} out and removed the account.`);
      return EXIT_CODES.ok;
    },
  },
];

/** `--timeout SECONDS`, `--json`. */
function optionWithValue(name: string, spec: OptionSpec): string {
  return `--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`;
}

/** `  login [--no-browser] [--timeout SECONDS] [--json]` */
export function commandSynopsis(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => `[${optionWithValue(name, spec)}]`);
  return [command.name, ...(command.args ?? []), ...options].join(' ');
}

/** The help of one command: synopsis, summary, and each option. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: cognito-desktop ${commandSynopsis(command)}`, '', `  ${command.summary}`, ''];
  for (const [name, spec] of Object.entries({ ...command.options, ...GLOBAL_OPTIONS })) {
    lines.push(`  ${optionWithValue(name, spec).padEnd(22)} ${spec.description}`);
  }
  if (command.name === 'config set') lines.push('', `  KEY: ${SETTING_KEYS.join(', ')}`);
  return lines.join('\n');
}

export const USAGE = `Usage: cognito-desktop <command> [options]

Commands:
${COMMANDS.map((c) => `  ${commandSynopsis(c).padEnd(52)} ${c.summary}`).join('\n')}

Every command takes --profile NAME (else COGNITO_PROFILE, else the profile in use), --account
ACCOUNT (else the profile's active account), --verbose (each step and provider request on stderr,
secrets removed; details of an internal error) and --help.

Exit codes: 0 ok, 1 not signed in, 2 usage or settings, 3 provider rejected,
4 network or timeout talking to the provider, 5 keychain unavailable or locked,
6 sign-in cancelled or timed out, 7 another process kept the session busy, 10 internal error.`;
