/**
 * `npm start`: build, then launch Electron. With no provider configured (settings file or COGNITO_*
 * variables), it first starts the local Cognito emulator and offers it in the app, so a newcomer
 * sees the whole round trip without an AWS account.
 * `npm run dev` (--dev): the same, with the renderer served by Vite's dev server (live reload).
 * Electron's program is looked for first, before the build: without it there is nothing to start,
 * and the message says how to get it (--verbose adds the downloader's own output).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { JsonFileSettingsStore } from '../main/adapters/json-file-settings-store.ts';
import { defaultConfigDir, isProviderConfigured } from '../main/core/settings/settings.ts';
import { resolveSettings } from '../main/core/settings/resolve-settings.ts';
import { describeEmulator, startStandaloneEmulator } from '../test/idp/cli.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../test/idp/directory.ts';
import { downloadElectron, electronMissingMessage, locateElectron } from './electron-binary.ts';

const electronPackage = createRequire(import.meta.url).resolve('electron/package.json');
const electronDir = dirname(electronPackage);
let electron = locateElectron(electronDir, process.env);
let downloadError: string | undefined;
if (!electron.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.log("Fetching Electron's program (once, on first start)…");
  const download = downloadElectron(electronDir, process.env);
  if (!download.ok) {
    downloadError = download.error;
    if (process.argv.includes('--verbose')) console.error(download.output);
  }
  electron = locateElectron(electronDir, process.env);
}
if (!electron.found) {
  const { version } = createRequire(import.meta.url)(electronPackage) as { version: string };
  console.error(electronMissingMessage(electron.reason, downloadError, version));
  process.exit(1);
}
const electronBinary = electron.path;

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
const helpers: (() => Promise<void>)[] = [];
const stopHelpers = (): Promise<unknown> => Promise.all(helpers.map((stop) => stop()));

if (process.argv.includes('--dev')) {
  const { createServer } = await import('vite');
  const devServer = await createServer({ configFile: 'vite.renderer.config.ts' });
  await devServer.listen();
  helpers.push(() => devServer.close());
  env.VITE_DEV_SERVER_URL = 'http://localhost:5173/';
  console.log(`Renderer served by Vite at ${env.VITE_DEV_SERVER_URL}`);
}

const settings = resolveSettings({
  file: new JsonFileSettingsStore(defaultConfigDir(env)).read(),
  env,
}).input;
if (!isProviderConfigured(settings)) {
  console.log('No provider configured: starting the local Cognito emulator for you to try the app.');
  const emulator = await startStandaloneEmulator();
  helpers.push(() => emulator.stop());
  console.log(describeEmulator(emulator));
  // The first-run Settings screen offers these ("Use the local Cognito emulator").
  env.COGNITO_DESKTOP_EMULATOR = JSON.stringify({
    discoveryUrl: emulator.issuer,
    clientId: CONFIDENTIAL_CLIENT_ID,
    clientSecret: CONFIDENTIAL_CLIENT_SECRET,
    identityProviders: 'Google',
  });
}

const app = spawn(electronBinary, ['.'], { stdio: 'inherit', env });
app.on('error', (error) => {
  console.error(`Could not launch Electron: ${error.message}`);
  void stopHelpers().then(() => process.exit(1));
});
app.on('exit', (code) => {
  void stopHelpers().then(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
