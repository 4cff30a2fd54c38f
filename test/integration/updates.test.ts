/**
 * Updates with the real electron-updater against a local update feed (an HTTP server serving
 * `latest-linux.yml` and a .deb, as electron-builder publishes them), with `electron` mocked: its
 * `app` as a packaged app of version 0.1.0, its `net.request` made of Node's `http`. A newer
 * version is found, downloaded and checked against the feed's sha512; a tampered file is refused;
 * updates turned off by an installer make no request at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type RequestOptions } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppUpdater } from 'electron-updater';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import { Updates, updatesSetting } from '../../main/app/updates.ts';
import { configureUpdater, fromAppUpdater } from '../../main/shell/auto-updater.ts';

const require = createRequire(import.meta.url);
const DEB = 'cognito-desktop_0.2.0_amd64.deb';
const build = randomBytes(256 * 1024);
let served = build;
let feedVersion = '0.2.0';
const seen: string[] = [];
let feed: string;
const server = createServer((req, res) => {
  // The generic provider adds a cache-busting query: the path is what is served.
  const path = new URL(req.url ?? '/', 'http://feed').pathname;
  seen.push(path);
  if (path === '/latest-linux.yml') {
    const sha512 = createHash('sha512').update(build).digest('base64');
    res.writeHead(200, { 'content-type': 'text/yaml' });
    res.end(
      [
        `version: ${feedVersion}`,
        'files:',
        `  - url: ${DEB}`,
        `    sha512: ${sha512}`,
        `    size: ${build.length}`,
        `path: ${DEB}`,
        `sha512: ${sha512}`,
        "releaseDate: '2026-11-26T00:00:00.000Z'",
        '',
      ].join('\n'),
    );
    return;
  }
  if (path === `/${DEB}`) {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': served.length });
    res.end(served);
    return;
  }
  res.writeHead(404).end();
});

/** `electron`, as electron-updater requires it: a packaged app, and net.request over Node's http. */
function mockElectron(resources: string, userData: string): void {
  const fake = {
    app: {
      isPackaged: true,
      getVersion: () => '0.1.0',
      getName: () => 'cognito-desktop',
      getPath: () => userData,
      getAppPath: () => resources,
      whenReady: () => Promise.resolve(),
      once: () => undefined,
      on: () => undefined,
      quit: () => undefined,
      relaunch: () => undefined,
    },
    net: {
      request: ({ session: _session, ...options }: RequestOptions & { session?: unknown }) =>
        request(options),
    },
    session: { fromPartition: () => ({}) },
    autoUpdater: { emit: () => undefined },
  };
  const path = require.resolve('electron');
  require.cache[path] = { id: path, filename: path, loaded: true, exports: fake } as unknown as NodeJS.Module;
  (process as { resourcesPath?: string }).resourcesPath = resources;
}

/** An updater of this OS's package, set up as the app sets up its own. */
function newUpdater(): AppUpdater {
  const { DebUpdater } = require('electron-updater') as { DebUpdater: new () => AppUpdater };
  const updater = new DebUpdater();
  configureUpdater(updater, undefined, () => undefined);
  return updater;
}

beforeAll(async () => {
  feed = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  const resources = mkdtempSync(join(tmpdir(), 'cognito-desktop-resources-'));
  // What electron-builder writes into a packaged app's resources from the `publish` setting.
  writeFileSync(
    join(resources, 'app-update.yml'),
    `provider: generic\nurl: ${feed}\nupdaterCacheDirName: cognito-desktop-updater-test-${process.pid}\n`,
  );
  mockElectron(resources, mkdtempSync(join(tmpdir(), 'cognito-desktop-userdata-')));
});
afterAll(() => closeServer(server));
beforeEach(() => {
  // A fresh download cache per test: electron-updater reuses a verified download it already has.
  process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'cognito-desktop-cache-'));
  seen.length = 0;
  served = build;
  feedVersion = '0.2.0';
});

describe('updates through electron-updater', () => {
  it('finds a newer version, downloads it and checks its sha512 before offering it', async () => {
    const updater = newUpdater();
    const ready: string[] = [];
    const updates = new Updates(fromAppUpdater(updater), updatesSetting(undefined, true), {
      signInWaiting: () => false,
      onReady: (version) => ready.push(version),
      log: () => undefined,
    });
    expect(await updates.check()).toEqual({ kind: 'ready', version: '0.2.0' });
    expect(ready).toEqual(['0.2.0']);
    expect(seen).toEqual(['/latest-linux.yml', `/${DEB}`]);
    const downloaded = (await updater.downloadUpdate())[0]!;
    expect(existsSync(downloaded)).toBe(true);
    expect(readFileSync(downloaded).equals(build)).toBe(true);
  });

  it('says it is up to date when the feed has no newer version, and downloads nothing', async () => {
    feedVersion = '0.1.0';
    expect(await fromAppUpdater(newUpdater()).checkAndDownload()).toBeUndefined();
    expect(seen).toEqual(['/latest-linux.yml']);
  });

  it('never goes back to an older version, whatever the feed offers', async () => {
    feedVersion = '0.0.9';
    expect(await fromAppUpdater(newUpdater()).checkAndDownload()).toBeUndefined();
    expect(seen).toEqual(['/latest-linux.yml']);
  });

  it('refuses a tampered download: it never becomes the update on offer', async () => {
    served = Buffer.from(build);
    served[1000] = served[1000]! ^ 0xff;
    const onReady: string[] = [];
    const updates = new Updates(
      fromAppUpdater(newUpdater()),
      { enabled: true },
      {
        signInWaiting: () => false,
        onReady: (version) => onReady.push(version),
        log: () => undefined,
      },
    );
    const outcome = await updates.check();
    expect(outcome).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('sha512 checksum mismatch') as string,
    });
    expect(onReady).toEqual([]);
    expect(updates.readyVersion()).toBeUndefined();
  });

  it('turned off by the installer: no request reaches the feed, at start or when asked', async () => {
    const updates = new Updates(fromAppUpdater(newUpdater()), updatesSetting(false, true), {
      signInWaiting: () => false,
      onReady: () => undefined,
      log: () => undefined,
    });
    updates.start();
    expect(await updates.check()).toMatchObject({ kind: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    updates.stop();
    expect(seen).toEqual([]);
  });
});
