/**
 * The real parts most integration tests share, as Vitest hooks: a Cognito emulator whose clients
 * allow the test's redirect and sign-out URIs, Debian's Chromium, and a keychain service emptied
 * before each test and after the file. Fault switches are reset before each test.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import keytar from 'keytar';
import type { Browser as Chromium } from 'playwright-core';
import {
  startCognitoEmulator,
  type CognitoEmulator,
  type Lifetimes,
  type ProviderFlavour,
} from '../idp/emulator.ts';
import { defaultClients } from '../idp/directory.ts';
import type { FederatedProviderOptions } from '../idp/federation.ts';
import { launchChromium } from './chromium.ts';

export interface RealParts {
  emulator: CognitoEmulator;
  /** Undefined when the file asked for no browser. */
  chromium: Chromium;
}

/** Deletes every keychain entry under `service`. */
export async function clearKeychainService(service: string): Promise<void> {
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
}

export function useRealParts(options: {
  redirectUri: string;
  logoutUri: string;
  keychainService: string;
  chromium?: boolean;
  flavour?: ProviderFlavour;
  /** The pool's identity providers (each a second provider the emulator federates with). */
  identityProviders?: FederatedProviderOptions[];
  /** An Identity Pool and STS beside the user pool. */
  identityPool?: boolean;
  /** Token lifetimes other than Cognito's defaults. */
  lifetimes?: Partial<Lifetimes>;
}): RealParts {
  const parts = {} as RealParts;
  beforeAll(async () => {
    parts.emulator = await startCognitoEmulator({
      clients: defaultClients(options.redirectUri, options.logoutUri),
      ...(options.flavour ? { flavour: options.flavour } : {}),
      ...(options.identityProviders ? { identityProviders: options.identityProviders } : {}),
      ...(options.identityPool ? { identityPool: true } : {}),
      ...(options.lifetimes ? { lifetimes: options.lifetimes } : {}),
    });
    if (options.chromium !== false) parts.chromium = await launchChromium();
  });
  afterAll(async () => {
    await parts.chromium?.close();
    await parts.emulator?.stop();
    await clearKeychainService(options.keychainService);
  });
  beforeEach(async () => {
    await clearKeychainService(options.keychainService);
    parts.emulator.resetFaults();
  });
  return parts;
}

/** The loopback URIs and keychain service name of one test file, on its own port. */
export interface TestEndpoints {
  redirectUri: string;
  logoutUri: string;
  keychainService: string;
}

export function testEndpoints(port: number, name: string): TestEndpoints {
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    logoutUri: `http://127.0.0.1:${port}/signed-out`,
    keychainService: `cognito-desktop-${name}-test-${process.pid}`,
  };
}

/** {@link useRealParts} without a browser, for a file's own endpoints. */
export function useProviderAndKeychain(endpoints: TestEndpoints): RealParts {
  return useRealParts({ ...endpoints, chromium: false });
}

/** The environment that points a `cognito-desktop` process at the emulator, a settings folder and the test's keychain service. */
export function cliEnvironment(
  emulator: CognitoEmulator,
  configDir: string,
  endpoints: TestEndpoints,
  clientId: string,
): Record<string, string> {
  return {
    COGNITO_DESKTOP_CONFIG_DIR: configDir,
    COGNITO_DISCOVERY_URL: emulator.issuer,
    COGNITO_CLIENT_ID: clientId,
    COGNITO_REDIRECT_URI: endpoints.redirectUri,
    COGNITO_DESKTOP_KEYCHAIN_SERVICE: endpoints.keychainService,
  };
}
