/**
 * The commands that use the session: sign in, who is signed in, tokens and AWS credentials, the
 * provider's userinfo, sign out.
 */
import { AuthError, toAuthError } from '../core/errors.ts';
import type { SignInOptions } from '../core/session/auth-service.ts';
import { identifierFor } from '../core/provider/sign-in-options.ts';
import { createAuthService, createAwsCredentials } from '../app/compose.ts';
import { ProfilesAndAccounts } from '../app/profiles-and-accounts.ts';
import { credentialProcessOutput, execCredentialOutput } from '../core/aws/aws-credentials.ts';
import { EXIT_CODES, JSON_OPTION, UsageError, type Command, type OptionSpec } from './command.ts';
import { describeAccount, describeProfile } from './describe.ts';
import { SignInWaiting } from './sign-in-waiting.ts';
import { KeychainOrAgent, SESSION_AGENT_ADVICE } from '../adapters/session-agent.ts';
import { noBrowserReason } from '../core/browser-command.ts';

const NO_BROWSER: OptionSpec = { type: 'boolean', description: 'print the URL instead of opening a browser' };
const PASTE: OptionSpec = {
  type: 'boolean',
  description:
    'sign in on any device, then paste the address its browser ended on (chosen by itself over SSH or without a display)',
};

const DEVICE: OptionSpec = {
  type: 'boolean',
  description:
    'sign in on any device with a code (providers that offer it; chosen by itself when no browser can open)',
};

type SignInRouteChoice = { route: 'browser' | 'paste' | 'device'; reason?: string };

/**
 * How `login` reaches the person: this machine's browser; else, where no browser can open, a code
 * to use on another device when the provider offers that, or the link and the paste prompt.
 */
async function signInRoute(
  values: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
  offersDevice: () => Promise<boolean>,
): Promise<SignInRouteChoice> {
  if (values.device === true && values.paste === true)
    throw new UsageError('--device and --paste are two ways to sign in elsewhere: give one of them.');
  if (values.device === true) return { route: 'device' };
  if (values.paste === true || values['no-browser'] === true) return { route: 'paste' };
  const reason = noBrowserReason(env);
  if (!reason) return { route: 'browser' };
  return { route: (await offersDevice().catch(() => false)) ? 'device' : 'paste', reason };
}

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
function providerRoute(
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

export const SESSION_COMMANDS: Command[] = [
  {
    name: 'login',
    summary: 'sign in through the system browser',
    options: {
      'no-browser': NO_BROWSER,
      paste: PASTE,
      device: DEVICE,
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
      const route = providerRoute(values.provider, values['idp-identifier']);
      if (values.add === true && options.account !== undefined)
        throw new UsageError('--add signs in to a new account: leave out --account.');
      const accounts = new ProfilesAndAccounts(options);
      const service = values.add === true ? await accounts.serviceForNewAccount() : accounts.service();
      const how = await signInRoute(values, options.env ?? process.env, () => service.offersDeviceSignIn());
      if (how.reason) io.err(`No browser can open here: ${how.reason}.`);
      const onSigint = (): void => service.cancelSignIn();
      const waiting = new SignInWaiting({
        io,
        paste: (address) => service.pasteCallback(address),
        redirectUri: service.settings.redirectUri,
        cancel: onSigint,
        liveLine: process.stderr.isTTY === true && values.json !== true,
      });
      process.once('SIGINT', onSigint);
      try {
        const signIn = values.add === true && service.scope.account ? 'signInAsSomeoneElse' : 'signIn';
        const signingIn =
          how.route === 'device'
            ? service.signInOnAnotherDevice((code) => void waiting.deviceCode(code))
            : service[signIn]({
                openBrowser: how.route === 'browser',
                ...(timeoutMs ? { timeoutMs } : {}),
                ...route,
                onStarted: (attempt) =>
                  waiting.started(attempt, how.route === 'browser' ? 'browser' : 'paste'),
                onBrowserFailed: (reason) => waiting.browserFailed(reason),
              });
        const profile = await signingIn.finally(() => waiting.stop());
        if (profile.persisted) await accounts.recordSignIn(service, profile);
        print({ ok: true, profile }, describeProfile(profile));
        if (!profile.persisted) {
          io.err(
            `Warning: the OS keychain is unavailable, so this sign-in will not be remembered. ${SESSION_AGENT_ADVICE}`,
          );
          return EXIT_CODES.keychain_unavailable;
        }
        if (options.secretStore instanceof KeychainOrAgent && options.secretStore.usingAgent)
          io.err(
            'No OS keychain here: the session agent keeps this session in memory until you log out of this machine (or run cognito-desktop logout).',
          );
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
      const service = createAuthService(options);
      const profile = await service.restore();
      if (!profile) throw new AuthError('not_signed_in', 'Not signed in.');
      if (profile.expiresAt > Date.now()) {
        print({ ok: true, profile }, describeProfile(profile));
        return EXIT_CODES.ok;
      }
      // Expired: refresh now (as `token` would), so the answer is true, or say why it cannot be.
      try {
        await service.getToken('access');
      } catch (error) {
        const mapped = toAuthError(error);
        throw new AuthError(
          mapped.code,
          `${describeProfile(profile)}, and it could not be refreshed: ${mapped.message}`,
          { cause: mapped },
        );
      }
      const refreshed = service.profile() ?? profile;
      print({ ok: true, profile: refreshed }, describeProfile(refreshed));
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
      const { token, expiresAt } = await service.getToken(useIdToken ? 'id' : 'access');
      if (format === 'exec-credential') io.out(JSON.stringify(execCredentialOutput(token)));
      else if (format === 'header') io.out(`Authorization: Bearer ${token}`);
      else print({ ok: true, token, expiresAt }, token);
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
];
