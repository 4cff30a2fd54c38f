/**
 * The kill test: writer processes refresh the shared session while they are killed (SIGKILL) at
 * random moments, and sign-outs are killed midway. After every round the stored session must be
 * whole — some session's access and ID token together, or nothing — never a mix, and a session
 * that still reads as signed in must still work at the provider (not revoked behind its back).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import type { StoredSession } from '../../main/core/session/session.ts';
import { TokenVault, sessionAccount, type VaultLayout } from '../../main/core/session/token-vault.ts';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.ts';
import { FileSessionLock } from '../../main/adapters/file-session-lock.ts';
import type { CognitoEmulator, RotationMode } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID } from '../idp/directory.ts';
import { accessTokenHash } from '../idp/signing-keys.ts';
import { FormPostBrowser } from '../support/form-post-browser.ts';
import { TS_NODE, runCliProcess } from '../support/cli-process.ts';
import { cliEnvironment, type TestEndpoints } from '../support/real-parts.ts';
import type { WriterConfig } from './session-writer.ts';
import { buildAuthService } from '../support/build-auth-service.ts';

export interface KillLoopOptions {
  emulator: CognitoEmulator;
  endpoints: TestEndpoints;
  iterations: number;
}

export interface KillLoopReport {
  iterations: number;
  kills: number;
  /** What a read found after each round. */
  whole: number;
  signedOut: number;
  /** Stored sessions whose access and ID token come from different sessions: must be 0. */
  mixed: number;
  /** A session that reads as signed in but whose refresh token the provider refuses: must be 0. */
  deadButAlive: number;
  /** Readers that crashed or exited with a code the CLI reference (docs/cli.md) does not list: must be 0. */
  crashes: number;
  seconds: number;
}

const LAYOUTS: VaultLayout[] = ['single-entry', 'chunked'];
const MODES: RotationMode[] = ['off', 'grace', 'reuse-detection'];
const DOCUMENTED_EXIT_CODES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 10]);

function startWriter(config: WriterConfig): Promise<ChildProcess> {
  const [node, ...args] = TS_NODE;
  const child = spawn(node!, [...args, resolve('test/kill/session-writer.ts'), JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  // A writer whose session the provider refused (a rotated token lost to an earlier kill) exits
  // at once: ready either way.
  return new Promise((ready) => {
    child.stdout.once('data', () => ready(child));
    child.once('exit', () => ready(child));
  });
}

function killAfter(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    setTimeout(() => child.kill('SIGKILL'), ms);
  });
}

const randomMs = (max: number): number => Math.floor(Math.random() * max);

/** Runs the loop; returns the counts. */
export async function runKillLoop(options: KillLoopOptions): Promise<KillLoopReport> {
  const { emulator, endpoints } = options;
  const { redirectUri, keychainService } = endpoints;
  const started = performance.now();
  const report: KillLoopReport = {
    iterations: 0,
    kills: 0,
    whole: 0,
    signedOut: 0,
    mixed: 0,
    deadButAlive: 0,
    crashes: 0,
    seconds: 0,
  };
  const account = sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID);
  const vault = new TokenVault(new KeytarSecretStore(), keychainService);
  const baseDir = mkdtempSync(join(tmpdir(), 'cognito-desktop-kill-'));

  for (let i = 0; i < options.iterations; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length]!;
    const signOutRound = i % 4 === 3;
    // Sign-out rounds check the refresh token at the provider afterwards: no rotation then.
    emulator.refreshTokenRotation = signOutRound ? 'off' : MODES[i % MODES.length]!;
    // A fresh folder per round: a lock left by this round's killed writers is not the next round's.
    const configDir = join(baseDir, String(i));
    if ((await vault.read(account)) === undefined) {
      const browser = new FormPostBrowser(emulator.domain, redirectUri);
      const service = buildAuthService(
        { issuer: emulator.issuer, redirectUri, keychainService },
        {
          secretStore: new KeytarSecretStore(),
          browser,
          configDir,
          keychainLayout: layout,
          lock: new FileSessionLock(join(configDir, 'sync')),
        },
      );
      await service.signIn({ timeoutMs: 30_000 });
      await browser.settle();
    }

    if (signOutRound) {
      const env = cliEnvironment(emulator, configDir, endpoints, PUBLIC_CLIENT_ID);
      const [node, ...args] = TS_NODE;
      const logout = spawn(node!, [...args, 'main/cli-bin.ts', 'logout', '--no-browser'], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      // The CLI takes about half a second to start; kill it somewhere in its work.
      await killAfter(logout, 350 + randomMs(500));
      if (logout.signalCode === 'SIGKILL') report.kills += 1;
    } else {
      const config: WriterConfig = {
        configDir,
        issuer: emulator.issuer,
        clientId: PUBLIC_CLIENT_ID,
        redirectUri,
        keychainService,
        layout,
      };
      const writers = await Promise.all([startWriter(config), startWriter(config)]);
      await Promise.all(writers.map((w) => killAfter(w, randomMs(250))));
      report.kills += writers.filter((w) => w.signalCode === 'SIGKILL').length;
      // A writer that ended on its own must have ended well (exit 0: signed out by the provider).
      report.crashes += writers.filter((w) => w.signalCode === null && w.exitCode !== 0).length;
    }

    const stored = await vault.read<StoredSession>(account);
    if (stored === undefined) report.signedOut += 1;
    else if (decodeJwt(stored.idToken).at_hash !== accessTokenHash(stored.accessToken)) report.mixed += 1;
    else report.whole += 1;
    if (stored?.refreshToken && signOutRound) {
      const config = await oidc.discovery(
        new URL(emulator.issuer),
        PUBLIC_CLIENT_ID,
        undefined,
        oidc.None(),
        {
          execute: [oidc.allowInsecureRequests],
        },
      );
      const refused = await oidc.refreshTokenGrant(config, stored.refreshToken).then(
        () => false,
        () => true,
      );
      if (refused) report.deadButAlive += 1;
    }
    // A reader after the kills: a documented exit code, never a crash.
    const status = await runCliProcess(
      ['status'],
      cliEnvironment(emulator, configDir, endpoints, PUBLIC_CLIENT_ID),
    );
    if (!DOCUMENTED_EXIT_CODES.has(status.code) || /\n\s+at /.test(status.stderr)) report.crashes += 1;
    if (stored && status.code !== 0) report.crashes += 1;
    report.iterations += 1;
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
