/**
 * Help → Copy Diagnostics: what support needs in one text — versions, OS, the settings in effect
 * with where each came from, the configuration check, the accounts (names and states), and the
 * last log lines. No secret: the client secret is only "stored" or not, and the whole text passes
 * through the log's redaction once more before it reaches the clipboard.
 */
import type { DoctorCheck } from '../core/doctor.ts';
import { withTimeout } from '../core/async-limits.ts';
import { AuthError, toAuthError } from '../core/errors.ts';
import { t } from '../core/i18n.ts';
import { redactSecrets } from '../core/redaction.ts';
import { settingsInEffect } from '../core/settings/resolve-settings.ts';
import type { ProfileSettings } from './compose.ts';
import type { SettingsUseCases } from './settings-use-cases.ts';
import type { AuthService } from '../core/session/auth-service.ts';

export interface DiagnosticsInput {
  /** `app`, `electron`, `node`, `chrome`… */
  versions: Record<string, string>;
  os: { platform: string; release: string; arch: string };
  settings: ProfileSettings;
  hasClientSecret: boolean | undefined;
  /** The check's result, or why it could not run. */
  doctor: { checks: Pick<DoctorCheck, 'ok' | 'warning' | 'label' | 'detail'>[] } | string;
  accounts: { profile: string; name: string | undefined; active: boolean; signedIn: boolean }[];
  logLines: string[];
}

/** How long Copy Diagnostics waits for the configuration check. */
const DIAGNOSTICS_CHECK_MS = 15_000;

/**
 * The diagnostics of the settings in effect: their check (at most 15 s, else why not), whether a
 * client secret is in use, and the accounts as the switcher lists them.
 */
export async function collectDiagnostics(
  context: Pick<DiagnosticsInput, 'versions' | 'os' | 'logLines'>,
  settings: Pick<SettingsUseCases, 'resolve' | 'checkInEffect'>,
  service: Pick<AuthService, 'hasClientSecret'> | undefined,
  accounts: DiagnosticsInput['accounts'],
): Promise<string> {
  const resolved = settings.resolve();
  const doctor = await withTimeout(
    settings.checkInEffect(resolved),
    DIAGNOSTICS_CHECK_MS,
    () => new AuthError('timeout', t('the configuration check took over 15 s')),
  ).catch((error: unknown) => toAuthError(error).message);
  const hasClientSecret = await service?.hasClientSecret().catch(() => undefined);
  return diagnosticsText({ ...context, settings: resolved, hasClientSecret, doctor, accounts });
}

export function diagnosticsText(input: DiagnosticsInput): string {
  const { settings, doctor } = input;
  const lines = [
    'cognito-desktop diagnostics',
    `Versions: ${Object.entries(input.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    '',
    `Settings (profile ${settings.profile}):`,
    ...settingsInEffect(settings).map(
      ({ key, value, source }) => `  ${key.padEnd(18)} ${value ?? '(not set)'}  [${source}]`,
    ),
    `  ${'clientSecret'.padEnd(18)} ${input.hasClientSecret === undefined ? 'unknown' : input.hasClientSecret ? 'stored in the keychain' : 'none'}`,
    ...settings.problems.map((p) => `  problem: ${p.message}`),
    '',
    'Configuration check:',
    ...(typeof doctor === 'string'
      ? [`  could not run: ${doctor}`]
      : doctor.checks.map((c) => `  ${c.ok ? (c.warning ? '!' : 'ok') : 'FAILED'} ${c.label}: ${c.detail}`)),
    '',
    'Accounts:',
    ...(input.accounts.length > 0
      ? input.accounts.map(
          (a) =>
            `  ${a.active ? '*' : ' '} ${a.profile}/${a.name ?? '(first account)'} ${a.signedIn ? 'signed in' : 'signed out'}`,
        )
      : ['  none']),
    '',
    `Last ${input.logLines.length} log lines:`,
    ...input.logLines.map((line) => `  ${line}`),
  ];
  return redactSecrets(lines.join('\n'));
}
