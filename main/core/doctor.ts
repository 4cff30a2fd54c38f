/**
 * "Check configuration": every check an admin would do by hand, each with a tick or the fix, plus
 * the exact URLs to register in Cognito. Runs with settings as typed, valid or not.
 */
import {
  ProviderDirectory,
  chooseTokenAuthMethod,
  ENDPOINT_MEMBERS,
  isCognitoIssuer,
} from './provider/provider.ts';
import { type Fetch, type NetworkFor } from './network/network.ts';
import { systemClock, type SecretStore } from './ports.ts';
import {
  findSettingsProblems,
  validateSettings,
  withDefaults,
  type SettingsInput,
} from './settings/settings.ts';
import { TokenVault, clientSecretAccount } from './session/token-vault.ts';
import { toAuthError, type AuthError } from './errors.ts';
import { t } from './i18n.ts';
import type { Policy } from './settings/policy.ts';
import { DEFAULT_PROFILE } from './settings/profiles.ts';

export interface DoctorCheck {
  id:
    'policy' | 'settings' | 'network' | 'discovery' | 'endpoints' | 'logout' | 'port' | 'keychain' | 'secret';
  label: string;
  ok: boolean;
  /** Passed, with a consequence the admin should know (the check never fails for it). */
  warning?: boolean;
  /** What was found. */
  detail: string;
  /** What to do, when not ok. */
  fix?: string;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
  /** Register in Cognito: App client → Login pages → Allowed callback URLs. */
  callbackUrl: string;
  /** Register in Cognito: App client → Login pages → Allowed sign-out URLs. */
  signOutUrl: string;
}

export interface DoctorDeps {
  input: SettingsInput;
  /** The organisation's policy: what it sets and what of it is ignored. */
  policy?: Policy;
  secretStore: SecretStore;
  /** A fixed fetch (tests); else the one `networkFor` builds for the settings checked. */
  fetch?: Fetch;
  /** The program's network for the settings checked: its fetch, and how it routes (proxy or direct). */
  networkFor?: NetworkFor;
  keychainTimeoutMs?: number;
  /** The profile checked: its client secret is the one looked for. */
  profile?: string;
}

/** Codes of failures the network, not the provider, caused: the network check names them. */
const NETWORK_CODES = new Set(['proxy_unreachable', 'proxy_auth', 'tls_untrusted']);

/** Runs every check. Never throws: a failing check says why and what to do. */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  // The URLs to register are the ones in effect, defaults included, even while other settings are wrong.
  const { redirectUri, logoutUri: signOutUri } = withDefaults(deps.input);
  const report = (): DoctorReport => ({
    ok: checks.every((c) => c.ok),
    checks,
    callbackUrl: redirectUri,
    signOutUrl: signOutUri,
  });

  const policyCheck = deps.policy && checkPolicy(deps.policy);
  if (policyCheck) checks.push(policyCheck);
  const problems = findSettingsProblems(deps.input);
  checks.push({
    id: 'settings',
    label: t('Settings are complete and valid'),
    ok: problems.length === 0,
    detail: problems.length === 0 ? t('All settings are valid.') : problems.map((p) => p.message).join(' '),
    ...(problems.length > 0 ? { fix: t('Correct the settings named above.') } : {}),
  });
  if (problems.length > 0) return report();
  const settings = validateSettings(deps.input);
  // Advice names Cognito's settings only for a Cognito user pool.
  const cognito = isCognitoIssuer(settings.discoveryUrl);

  const network = deps.networkFor?.(settings);
  const directory = new ProviderDirectory(settings, undefined, systemClock, deps.fetch ?? network?.fetch);
  let discoveryFailure: AuthError | undefined;
  const metadata = await directory.metadata({ refresh: true }).catch((error: unknown) => {
    discoveryFailure = toAuthError(error);
    checks.push({
      id: 'discovery',
      label: t('Discovery document is reachable and well-formed'),
      ok: false,
      detail: discoveryFailure.message,
      ...discoveryFix(discoveryFailure, cognito),
    });
    return undefined;
  });
  if (network) {
    const origins = [settings.discoveryUrl, metadata?.token_endpoint]
      .filter((url): url is string => typeof url === 'string')
      .map((url) => new URL(url).origin);
    checks.splice(
      1,
      0,
      await networkCheck(network.routeOf, [...new Set(origins)], discoveryFailure, !!metadata),
    );
  }
  if (metadata) {
    checks.push({
      id: 'discovery',
      label: t('Discovery document is reachable and well-formed'),
      ok: true,
      detail: t('Issuer {{issuer}}.', { issuer: metadata.issuer }),
    });
    const origins = ENDPOINT_MEMBERS.filter((k) => typeof metadata[k] === 'string').map((k) =>
      t('{{endpoint}} on {{origin}}', { endpoint: k, origin: new URL(metadata[k] as string).origin }),
    );
    const missing = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'].filter(
      (k) => typeof metadata[k as keyof typeof metadata] !== 'string',
    );
    checks.push({
      id: 'endpoints',
      label: t('Endpoints needed for sign-in are published'),
      ok: missing.length === 0,
      detail: origins.join('; '),
      ...(missing.length > 0
        ? { fix: t('The provider publishes no {{endpoints}}.', { endpoints: missing.join(', ') }) }
        : {}),
    });
    // Without an end-session endpoint sign-in works; only the provider's own session outlives a
    // sign-out. A warning, not a failure: many standard providers publish none.
    const endSession = metadata.end_session_endpoint;
    checks.push({
      id: 'logout',
      label: t('Provider sign-out page (end_session_endpoint)'),
      ok: true,
      ...(endSession ? {} : { warning: true }),
      detail: endSession
        ? t('Sign-out opens {{url}}.', { url: endSession })
        : t(
            'None published: sign-out ends the app’s session, but not the provider’s (the next sign-in may not ask for a password).',
          ),
      ...(endSession
        ? {}
        : {
            fix: cognito
              ? t('Give the user pool a domain: /logout lives there.')
              : t(
                  'Ask the provider’s admin to enable RP-initiated logout (an end_session_endpoint in discovery).',
                ),
          }),
    });
  }

  const { LoopbackReceiver } = await import('./loopback/loopback-receiver.ts');
  const receiver = new LoopbackReceiver(settings.redirectUri);
  const portFree: true | string = await receiver.start().then(
    () => true as const,
    (error: unknown) => toAuthError(error).message,
  );
  await receiver.close();
  checks.push({
    id: 'port',
    label: t('Redirect port {{port}} is free', { port: receiver.port }),
    ok: portFree === true,
    detail:
      portFree === true
        ? t('The app can listen on {{host}}.', { host: new URL(settings.redirectUri).host })
        : String(portFree),
    ...(portFree === true
      ? {}
      : { fix: t('Close the program using the port, or pick another port in both Cognito and Settings.') }),
  });

  const vault = new TokenVault(deps.secretStore, settings.keychainService, deps.keychainTimeoutMs);
  const secret = await vault
    .read<string>(clientSecretAccount(settings.discoveryUrl, settings.clientId, deps.profile))
    .then(
      (value) => ({ reachable: true as const, stored: typeof value === 'string' && value !== '' }),
      (error: unknown) => {
        const mapped = toAuthError(error);
        return {
          reachable: false as const,
          locked: mapped.code === 'keychain_locked',
          message: mapped.message,
        };
      },
    );
  checks.push({
    id: 'keychain',
    label: t('OS keychain is reachable and unlocked'),
    ok: secret.reachable,
    detail: secret.reachable
      ? t('Entries are kept under the service name "{{service}}".', { service: settings.keychainService })
      : secret.message,
    ...(secret.reachable
      ? {}
      : {
          fix: secret.locked
            ? t(
                'Unlock the keychain: until then the app can neither read nor store your session or the client secret.',
              )
            : t('Without a keychain, sign-in lasts only until the app quits.'),
        }),
  });
  if (secret.reachable) {
    checks.push({
      id: 'secret',
      label: t('Client secret'),
      ok: true,
      detail: secret.stored
        ? t('A client secret is stored in the keychain (sent as {{method}}).', {
            method: chooseTokenAuthMethod(
              metadata?.token_endpoint_auth_methods_supported,
              settings.tokenAuthMethod,
            ),
          })
        : t(
            'No client secret stored: the app signs in as a public client. Store one if the app client has a secret.',
          ),
    });
  }
  return report();
}

/**
 * The fix for a discovery that failed, by cause: the URL's shape only when the URL may be wrong
 * (a refusal, a name not found, an answer that is not discovery); nothing to add where the error
 * already says what to do (a proxy, a certificate, a provider in trouble, a time-out).
 */
function discoveryFix(failure: AuthError, cognito: boolean): { fix?: string } {
  if (NETWORK_CODES.has(failure.code)) return { fix: t('See the network check above.') };
  const reason = failure.code === 'network' ? failure.reason : undefined;
  if (reason === 'trouble' || reason === 'timeout' || reason === 'other') return {};
  return {
    fix: cognito
      ? t(
          'Use the user pool’s issuer: https://cognito-idp.<region>.amazonaws.com/<poolId> (no trailing slash).',
        )
      : t(
          'Use the provider’s issuer URL: its discovery document is at <issuer>/.well-known/openid-configuration.',
        ),
  };
}

/**
 * How the provider's origins are reached (proxy or direct, and why) and whether TLS is trusted. A
 * proxy or certificate failure fails this check, with the typed error's advice.
 */
async function networkCheck(
  routeOf: (url: URL) => Promise<string>,
  origins: string[],
  failure: AuthError | undefined,
  reached: boolean,
): Promise<DoctorCheck> {
  const routes = await Promise.all(
    origins.map(async (origin) => `${origin} ${await routeOf(new URL(origin))}`),
  );
  const networkFailure = failure && NETWORK_CODES.has(failure.code) ? failure : undefined;
  const tls =
    origins.some((o) => o.startsWith('https:')) && reached ? ` ${t('TLS certificates are trusted.')}` : '';
  return {
    id: 'network',
    label: t('Network route to the provider (proxy and TLS)'),
    ok: !networkFailure,
    detail: `${routes.join('; ')}.${tls}`,
    ...(networkFailure ? { fix: networkFailure.message } : {}),
  };
}

/**
 * What the organisation's policy does here: the settings it sets, or what of it is ignored (an
 * invalid value, a file others could write). A policy problem never fails the check: the other
 * settings still work, and the fix is the administrator's.
 */
function checkPolicy(policy: Policy): DoctorCheck | undefined {
  const count =
    Object.keys(policy.values).length +
    Object.values(policy.profiles).reduce((sum, values) => sum + Object.keys(values).length, 0);
  if (count === 0 && policy.problems.length === 0) return undefined;
  const problems = policy.problems.map(
    (p) => (p.profile && p.profile !== DEFAULT_PROFILE ? `[${p.profile}] ` : '') + p.message,
  );
  return {
    id: 'policy',
    label: t('Organization policy'),
    ok: true,
    ...(problems.length > 0
      ? {
          warning: true,
          fix: t('Ask your administrator to correct the policy ({{origin}}).', { origin: policy.origin }),
        }
      : {}),
    detail:
      problems.length > 0
        ? problems.join(' ')
        : t('{{count}} settings are managed by your organization ({{origin}}).', {
            count: String(count),
            origin: policy.origin,
          }),
  };
}
