/**
 * Packaging, offline: `electron-builder --dir` with a stand-in Electron (the real binary cannot be
 * downloaded here) that carries a real fuse wire, so electron-builder flips the fuses for real.
 * Then app.asar is inspected with @electron/asar.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import { TEST_PACK_DIR, packWithStandIn } from '../support/pack.ts';

const OUTPUT = TEST_PACK_DIR;
const APP_DIR = join(OUTPUT, 'linux-unpacked');
const ASAR = join(APP_DIR, 'resources', 'app.asar');
/** Fuse states as bytes in the wire ('0' and '1'). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
const PRESET = {
  settings: {
    discoveryUrl: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    clientId: 'abc123',
  },
  locked: ['discoveryUrl'],
};

let files: string[];
let unpacked: string[];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

beforeAll(() => {
  if (!existsSync('out/main/index.js'))
    throw new Error('out/ is missing: run `npm run build` first (npm test does).');
  rmSync(OUTPUT, { recursive: true, force: true });
  const presetFile = join(mkdtempSync(join(tmpdir(), 'preset-')), 'provider.json');
  writeFileSync(presetFile, JSON.stringify(PRESET));
  packWithStandIn(OUTPUT, { ...process.env, PROVIDER_JSON: presetFile });
  files = listPackage(ASAR, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  unpacked = existsSync(`${ASAR}.unpacked`) ? filesUnder(`${ASAR}.unpacked`) : [];
  console.log(`app.asar: ${(statSync(ASAR).size / 1024 / 1024).toFixed(2)} MB, ${files.length} entries`);
}, 240_000);

describe('packaged app', () => {
  it('holds the built main, preload and renderer', () => {
    for (const path of [
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(path);
    }
    expect(files.some((f) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
  });

  it('holds the production dependencies', () => {
    for (const dependency of [
      'openid-client',
      'oauth4webapi',
      'keytar',
      'electron-store',
      'react',
      'react-dom',
    ]) {
      expect(files, dependency).toContain(`/node_modules/${dependency}/package.json`);
    }
  });

  it('carries the tray’s icons: 16 and 32 px in colour, and the macOS template images', () => {
    for (const name of ['tray.png', 'tray@2x.png', 'trayTemplate.png', 'trayTemplate@2x.png'])
      expect(files).toContain(`/assets/tray/${name}`);
  });

  it('holds nothing else: no tests, sources, devDependencies, .env or source maps', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    const expected = (f: string): boolean =>
      f.startsWith('/out/') ||
      /^\/assets\/tray\/tray(Template)?(@2x)?\.png$/.test(f) ||
      ['/out', '/node_modules', '/package.json', '/assets', '/assets/icon.png', '/assets/tray'].includes(f);
    expect(own.filter((f) => !expected(f))).toEqual([]);
    for (const devDependency of [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'oidc-provider',
      'playwright-core',
      'typescript',
      'tsx',
      'eslint',
      'jsdom',
      '@electron/asar',
    ]) {
      expect(files, devDependency).not.toContain(`/node_modules/${devDependency}/package.json`);
    }
    expect(
      files.filter(
        (f) =>
          /\.(ts|tsx|map)$/.test(f) || /\/\.env/.test(f) || /^\/(test|main|renderer\/src|preload)\//.test(f),
      ),
    ).toEqual([]);
  });

  it('unpacks keytar’s native module next to the archive', () => {
    expect(unpacked.some((f) => f.endsWith('node_modules/keytar/build/Release/keytar.node'))).toBe(true);
    expect(files).toContain('/node_modules/keytar/build/Release/keytar.node');
  });

  it('ships the command line as resources/cli: the executable and keytar beside it, not in the archive', () => {
    expect(files.filter((f) => f.startsWith('/out/cli'))).toEqual([]);
    const cli = join(APP_DIR, 'resources', 'cli');
    expect(statSync(join(cli, 'cognito-desktop')).mode & 0o111).not.toBe(0);
    expect(existsSync(join(cli, 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
    expect(existsSync(join(cli, 'keytar', 'lib', 'keytar.js'))).toBe(true);
    // It runs from there, and finds the installer's presets next to it.
    const show = spawnSync(join(cli, 'cognito-desktop'), ['config', 'show', '--json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, COGNITO_DESKTOP_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cli-')) },
    });
    const rows = (JSON.parse(show.stdout) as { settings: { key: string; source: string }[] }).settings;
    expect(rows.find((r) => r.key === 'discoveryUrl')?.source).toBe('installer (locked)');
  });

  it('puts the command on the PATH: the deb links /usr/bin to it, the Windows installer adds its folder', () => {
    const install = readFileSync('assets/linux/after-install.sh', 'utf8');
    expect(install).toContain(
      "update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/resources/cli/${executable}' 100",
    );
    expect(readFileSync('assets/linux/after-remove.sh', 'utf8')).toContain(
      "update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/resources/cli/${executable}'",
    );
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(config.deb).toMatchObject({
      afterInstall: 'assets/linux/after-install.sh',
      afterRemove: 'assets/linux/after-remove.sh',
    });
    expect(config.nsis!.include).toBe('assets/windows/installer.nsh');
    const nsis = readFileSync('assets/windows/installer.nsh', 'utf8');
    expect(nsis).toContain('!define CLI_DIR "$INSTDIR\\resources\\cli"');
    expect(nsis).toMatch(/!macro customInstall[\s\S]*WriteRegExpandStr HKCU "Environment" "Path"/);
    expect(nsis).toMatch(/!macro customUnInstall[\s\S]*UnStrRep/);
  });

  it('ships the installer presets as resources/provider.json', () => {
    expect(JSON.parse(readFileSync(join(APP_DIR, 'resources', 'provider.json'), 'utf8'))).toEqual(PRESET);
  });

  it('ships the update feed as resources/app-update.yml, for electron-updater', () => {
    expect(parse(readFileSync(join(APP_DIR, 'resources', 'app-update.yml'), 'utf8'))).toMatchObject({
      provider: 'github',
      owner: 'cognito-desktop',
      repo: 'cognito-desktop',
    });
  });

  it('flips the fuses as configured', async () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const wire = await getCurrentFuseWire(join(APP_DIR, 'cognito-desktop'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('refuses to build an installer with invalid presets, saying which', () => {
    const run = spawnSync('node_modules/.bin/tsx', ['scripts/dist.ts', '--dir', '--skip-build'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        PROVIDER_DISCOVERY_URL: 'http://cognito.example.com/pool',
        PROVIDER_CLIENT_ID: 'abc',
      },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Discovery URL must use https');
  });

  it('registers the cognito-desktop:// scheme and the installer targets per OS', () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<
      string,
      { target?: string[] } & Record<string, unknown>
    >;
    expect(config.protocols).toEqual([{ name: 'cognito-desktop', schemes: ['cognito-desktop'] }]);
    expect(config.mac!.target).toEqual(['dmg', 'zip']);
    expect(config.win!.target).toEqual(['nsis']);
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.mac!.hardenedRuntime).toBe(true);
    expect(config.nsis).toMatchObject({ perMachine: false, allowToChangeInstallationDirectory: true });
  });
});
