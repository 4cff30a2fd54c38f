/**
 * `npm run build:cli`: the installed `cognito-desktop` command, as a standalone executable for
 * this OS (Node's single-executable application): the CLI bundled into one CommonJS file
 * (esbuild), injected into a copy of the Node binary that runs this script (postject), with keytar
 * beside it (its native module cannot be embedded). Output: out/cli/ — `cognito-desktop[.exe]` and
 * `keytar/`. electron-builder ships that folder as the app's `resources/cli`.
 *
 * Why an executable of its own, not the app's: see docs/cli.md, "The command line, installed".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const OUT = join('out', 'cli');
const BUNDLE = join(OUT, 'cli.cjs');
const BLOB = join(OUT, 'cli.blob');
const EXE = join(OUT, process.platform === 'win32' ? 'cognito-desktop.exe' : 'cognito-desktop');
/** The sentinel Node looks for to know it carries a program (Node's SEA documentation). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

await build({
  entryPoints: ['main/cli-standalone.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: BUNDLE,
  // keytar is loaded at run time from its copy beside the executable; electron is never used;
  // dbus-next asks for x11 only to find a session bus through X11, which the CLI never does.
  external: ['keytar', 'electron', 'x11'],
  // The one `import.meta.url` the CLI reads (keytar's loader): the executable's own location.
  define: { 'import.meta.url': '__cognitoDesktopExecutableUrl' },
  banner: {
    js: 'var __cognitoDesktopExecutableUrl = require("node:url").pathToFileURL(process.execPath).href;',
  },
  legalComments: 'none',
  logLevel: 'warning',
});

writeFileSync(
  join(OUT, 'sea-config.json'),
  JSON.stringify({
    main: BUNDLE,
    output: BLOB,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    // The installed command runs no code the environment names: NODE_OPTIONS (`--require x.cjs`,
    // `--import`, `--inspect`) is ignored, as are Node flags on its command line, which are the
    // command's own arguments.
    execArgvExtension: 'none',
  }),
);
execFileSync(process.execPath, ['--experimental-sea-config', join(OUT, 'sea-config.json')], {
  stdio: 'inherit',
});
copyFileSync(process.execPath, EXE);
chmodSync(EXE, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', EXE]);
execFileSync(
  process.execPath,
  [
    'node_modules/postject/dist/cli.js',
    EXE,
    'NODE_SEA_BLOB',
    BLOB,
    '--sentinel-fuse',
    SEA_FUSE,
    ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
  ],
  { stdio: 'ignore' },
);
// Ad-hoc signature so macOS runs it; a release signs it with the app's identity (electron-builder).
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', EXE]);

// A Node that does not know `execArgvExtension` ignores it, and its executable would run what
// NODE_OPTIONS names: check the one just built, and refuse to ship it if it does.
const probe = mkdtempSync(join(tmpdir(), 'cognito-desktop-sea-probe-'));
const marker = join(probe, 'ran');
writeFileSync(join(probe, 'probe.cjs'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '');\n`);
spawnSync(EXE, ['help'], {
  env: { ...process.env, NODE_OPTIONS: `--require ${join(probe, 'probe.cjs')}` },
  stdio: 'ignore',
});
const honoursNodeOptions = existsSync(marker);
rmSync(probe, { recursive: true, force: true });
if (honoursNodeOptions) {
  throw new Error(
    `${EXE} runs code named by NODE_OPTIONS: Node ${process.version} does not support the SEA setting execArgvExtension. Build with Node 22.23 or later.`,
  );
}

// keytar: its JavaScript and its native module, a copy of the package beside the executable (not
// in a node_modules folder: electron-builder leaves those out of extra resources).
const keytar = join(OUT, 'keytar');
for (const part of ['package.json', 'lib', join('build', 'Release', 'keytar.node')])
  cpSync(join('node_modules', 'keytar', part), join(keytar, part), { recursive: true });
rmSync(BUNDLE);
rmSync(BLOB);
rmSync(join(OUT, 'sea-config.json'));
console.log(`${EXE}: ${(statSync(EXE).size / 1e6).toFixed(1)} MB`);
