/**
 * `npm run dist` / `npm run dist:dir`: builds the app, writes the optional provider.json of a
 * preconfigured installer, then runs electron-builder (never publishing). Extra arguments go to
 * electron-builder (e.g. `--mac`, `--win`, `-c.electronDist=…`).
 *
 * A preconfigured installer takes its settings from PROVIDER_JSON (a file) or from PROVIDER_*
 * variables; see docs/admin-guide.md, "Preconfigure for your organisation".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInstallerSettings } from '../main/app/installer-settings.ts';
import { findSettingsProblems } from '../main/core/settings/settings.ts';

const INSTALLER_DIR = join('build', 'installer');

const FROM_ENV: Record<string, string> = {
  discoveryUrl: 'PROVIDER_DISCOVERY_URL',
  clientId: 'PROVIDER_CLIENT_ID',
  redirectUri: 'PROVIDER_REDIRECT_URI',
  logoutUri: 'PROVIDER_LOGOUT_URI',
  scopes: 'PROVIDER_SCOPES',
  usernameClaim: 'PROVIDER_USERNAME_CLAIM',
};

/** provider.json's text from PROVIDER_JSON or PROVIDER_* variables; undefined when neither is set. */
function presetText(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PROVIDER_JSON) return readFileSync(env.PROVIDER_JSON, 'utf8');
  const settings = Object.fromEntries(
    Object.entries(FROM_ENV).flatMap(([key, name]) => (env[name] ? [[key, env[name]]] : [])),
  );
  if (Object.keys(settings).length === 0) return undefined;
  const locked = (env.PROVIDER_LOCKED ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return JSON.stringify({ settings, locked }, null, 2);
}

function writePreset(env: NodeJS.ProcessEnv): void {
  rmSync(INSTALLER_DIR, { recursive: true, force: true });
  mkdirSync(INSTALLER_DIR, { recursive: true });
  const text = presetText(env);
  if (!text) {
    console.log('No PROVIDER_JSON or PROVIDER_* settings: building an installer without presets.');
    return;
  }
  const preset = parseInstallerSettings(text);
  // Presets are checked like user settings, but may be partial (users fill in the rest).
  const problems = findSettingsProblems({
    discoveryUrl: 'https://placeholder.invalid',
    clientId: 'placeholder',
    ...preset.values,
  });
  if (problems.length > 0) {
    console.error(`provider.json is not valid: ${problems.map((p) => p.message).join(' ')}`);
    process.exit(2);
  }
  writeFileSync(
    join(INSTALLER_DIR, 'provider.json'),
    `${JSON.stringify({ settings: preset.values, locked: preset.locked }, null, 2)}\n`,
  );
  console.log(
    `Preconfigured installer: ${Object.keys(preset.values).join(', ')}${preset.locked.length ? ` (locked: ${preset.locked.join(', ')})` : ''}.`,
  );
}

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const builderArgs = args.filter((a) => a !== '--skip-build');
if (!skipBuild) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
writePreset(process.env);
const result = spawnSync('node_modules/.bin/electron-builder', ['--publish', 'never', ...builderArgs], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
