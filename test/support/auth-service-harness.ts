/**
 * One way to build an {@link AuthService} against the emulator, for every test that needs one:
 * `buildAuthService` for a provider and ports of the test's choosing, and `useAuthServiceHarness`
 * for the unit tests of the session's parts — the Cognito emulator in the test's process (a real
 * OpenID provider), an in-memory keychain and a browser that signs in with form posts, made anew
 * for each test. Its exports are live: they hold the current test's parts once the hooks ran.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AuthService, AuthServiceDeps, SessionChange } from '../../main/core/session/auth-service.ts';
import { sessionAccount } from '../../main/core/session/token-vault.ts';
import type { Browser, Clock, Logger, SecretStore } from '../../main/core/ports.ts';
import { startCognitoEmulator, type CognitoEmulator, type EmulatorOptions } from '../idp/emulator.ts';
import { PUBLIC_CLIENT_ID, defaultClients } from '../idp/directory.ts';
import { MemorySecretStore } from '../fakes/memory-secret-store.ts';
import { FormPostBrowser } from './form-post-browser.ts';
import { freePort } from './http.ts';

import { buildAuthService } from './build-auth-service.ts';

export { buildAuthService, type HarnessProvider } from './build-auth-service.ts';

/**
 * Starts the emulator once for the file, on a free loopback port of its own (its clients allow
 * that port's callback and sign-out URIs); stops it after.
 */
export function useEmulator(options: Omit<EmulatorOptions, 'clients'> = {}): {
  readonly emulator: CognitoEmulator;
  readonly redirectUri: string;
  readonly logoutUri: string;
} {
  const parts = {} as { emulator: CognitoEmulator; redirectUri: string; logoutUri: string };
  beforeAll(async () => {
    const port = await freePort();
    parts.redirectUri = `http://127.0.0.1:${port}/callback`;
    parts.logoutUri = `http://127.0.0.1:${port}/signed-out`;
    parts.emulator = await startCognitoEmulator({
      ...options,
      clients: defaultClients(parts.redirectUri, parts.logoutUri),
    });
  });
  afterAll(() => parts.emulator.stop());
  return parts;
}

export const SERVICE = 'cognito-desktop-unit';
export let emulator: CognitoEmulator;
export let redirectUri: string;
export let logoutUri: string;
export let store: MemorySecretStore;
export let browser: FormPostBrowser;
const services: AuthService[] = [];

/** The hooks of the session's unit tests: an emulator for the file; a keychain and browser per test. */
export function useAuthServiceHarness(): void {
  const parts = useEmulator();
  beforeAll(() => {
    ({ emulator, redirectUri, logoutUri } = parts);
  });
  beforeEach(() => {
    store = new MemorySecretStore();
    browser = new FormPostBrowser(emulator.domain, redirectUri);
    emulator.resetFaults();
  });
  afterEach(() => {
    for (const service of services.splice(0)) service.dispose();
  });
}

/** A clock that can be moved forward: the access token expires without waiting an hour. */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
}

/** A service of the harness's emulator, keychain and browser, disposed after the test. */
export function newService(
  options: Partial<Omit<AuthServiceDeps, 'settings' | 'secretStore'>> & {
    clientId?: string;
    scopes?: string;
    secretStore?: SecretStore;
    browser?: Browser;
    logger?: Logger;
  } = {},
): AuthService {
  const { scopes, secretStore, browser: ownBrowser, ...rest } = options;
  const service = buildAuthService(
    { issuer: emulator.issuer, redirectUri, logoutUri, keychainService: SERVICE },
    {
      ...rest,
      secretStore: secretStore ?? store,
      browser: ownBrowser ?? browser,
      ...(scopes ? { settings: { scopes } } : {}),
    },
  );
  services.push(service);
  return service;
}

/** What `service` tells its listeners, from now on. */
export function changes(service: AuthService): SessionChange[] {
  const seen: SessionChange[] = [];
  service.on('session-changed', (change) => seen.push(change));
  return seen;
}

/** A service signed in through the harness's browser. */
export async function signedIn(options: Parameters<typeof newService>[0] = {}): Promise<AuthService> {
  const service = newService(options);
  await service.signIn({ timeoutMs: 10_000 });
  await browser.settle();
  return service;
}

/** The stored session's keychain entry, as the keychain holds it. */
export const storedSession = (clientId = PUBLIC_CLIENT_ID): string | undefined =>
  store.entries.get(`${SERVICE}\u0000${sessionAccount(emulator.issuer, clientId)}`);

/** Moved this far, a clock makes an hour's access token due. */
export const EXPIRED = 59.5 * 60_000;
export const DISCOVERY_PATH = (): string => `/${emulator.poolId}/.well-known/openid-configuration`;
export const ACCOUNT = (): string => `${SERVICE}\u0000${sessionAccount(emulator.issuer, PUBLIC_CLIENT_ID)}`;

/** A logger that keeps what it is told. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

/** Disposes `service` after the test (its timers, following, a sign-in in progress). */
export function disposeAfterTest(service: AuthService): void {
  services.push(service);
}

/** A fetch that changes the answer of one endpoint (its path's end) and passes the rest. */
export function rewriting(pathEnd: string, change: (response: Response) => Promise<Response>): typeof fetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    const href = url instanceof Request ? url.url : String(url);
    return new URL(href).pathname.endsWith(pathEnd) ? change(response) : response;
  };
}
