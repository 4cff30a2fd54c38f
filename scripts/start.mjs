// `npm start`: build, then launch Electron. With no provider configured (settings file or
// COGNITO_* variables), it first starts the local Cognito emulator and offers it in the app, so a
// newcomer sees the whole round trip without an AWS account.
// `npm run dev` (--dev): the same, with the renderer served by Vite's dev server (live reload).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

function configDir() {
  if (process.env.COGNITO_DESKTOP_CONFIG_DIR) return process.env.COGNITO_DESKTOP_CONFIG_DIR;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'cognito-desktop');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'cognito-desktop');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cognito-desktop');
}

function providerConfigured() {
  let file = {};
  try {
    file = JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'));
  } catch {
    // No settings yet.
  }
  const discovery = process.env.COGNITO_DISCOVERY_URL || file.discoveryUrl;
  const clientId = process.env.COGNITO_CLIENT_ID || file.clientId;
  return Boolean(discovery && clientId);
}

const dev = process.argv.includes('--dev');
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
let devServer;
if (dev) {
  const { createServer } = await import('vite');
  devServer = await createServer({ configFile: 'vite.renderer.config.ts' });
  await devServer.listen();
  env.VITE_DEV_SERVER_URL = 'http://localhost:5173/';
  console.log(`Renderer served by Vite at ${env.VITE_DEV_SERVER_URL}`);
}
let emulator;
if (!providerConfigured()) {
  console.log(
    'No provider configured: starting the local Cognito emulator (npm run idp) for you to try the app.',
  );
  emulator = spawn('node_modules/.bin/tsx', ['test/idp/cli.ts'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } = {
    CONFIDENTIAL_CLIENT_ID: '4emu1atorconfidentia1c1ient',
    CONFIDENTIAL_CLIENT_SECRET: 'emulator-secret-not-for-production-0123456789abcdef',
  };
  env.COGNITO_DESKTOP_EMULATOR = JSON.stringify({
    discoveryUrl: `http://127.0.0.1:${process.env.IDP_ISSUER_PORT ?? 47630}/us-east-1_Emu1ator`,
    clientId: CONFIDENTIAL_CLIENT_ID,
    clientSecret: CONFIDENTIAL_CLIENT_SECRET,
  });
}

const stopHelpers = async () => {
  emulator?.kill();
  await devServer?.close();
};

// The electron package's main export is the path of its binary; it throws Electron's own message
// when the binary is missing.
let electronBinary;
try {
  electronBinary = require('electron');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await stopHelpers();
  process.exit(1);
}
const app = spawn(electronBinary, ['.'], { stdio: 'inherit', env });
app.on('error', async (error) => {
  console.error(`Could not launch Electron: ${error.message}`);
  await stopHelpers();
  process.exit(1);
});
app.on('exit', async (code) => {
  await stopHelpers();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
