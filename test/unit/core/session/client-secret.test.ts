/**
 * The client secret (core/session/client-secret.ts) as a sign-in uses it: stored, set for one
 * process, none (a public client), and a locked keychain that is never taken for "no secret". The
 * Cognito emulator in this process (a real OpenID provider), an in-memory keychain and a browser
 * that signs in with form posts (test/support/auth-service-harness.ts); the integration tests
 * repeat the main paths with the OS keychain, Chromium and several processes.
 */
import { describe, expect, it } from 'vitest';
import { KeychainLockedError } from '../../../../main/core/ports.ts';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from '../../../idp/directory.ts';
import {
  DISCOVERY_PATH,
  browser,
  emulator,
  newService,
  signedIn,
  store,
  storedSession,
  useAuthServiceHarness,
} from '../../../support/auth-service-harness.ts';

useAuthServiceHarness();

describe('the client secret', () => {
  it('uses the stored client secret for a confidential client', async () => {
    const setup = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await setup.setClientSecret(` ${CONFIDENTIAL_CLIENT_SECRET} `);
    const service = await signedIn({ clientId: CONFIDENTIAL_CLIENT_ID });
    expect(await service.hasClientSecret()).toBe(true);
    expect(service.profile()?.username).toBe('alice@example.com');
  });

  it('refuses a confidential client without its secret, with the provider’s reason', async () => {
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({
      code: 'provider_rejected',
      providerError: 'invalid_client',
    });
    await browser.settle();
    expect(browser.resultStatus).toBe(400);
    expect(service.profile()).toBeUndefined();
    expect(storedSession(CONFIDENTIAL_CLIENT_ID)).toBeUndefined();
    // A refusal with a reason is an answer, not a sign the provider moved: discovery is not fetched again.
    const discoveries = emulator.countRequests(DISCOVERY_PATH());
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'provider_rejected' });
    await browser.settle();
    expect(emulator.countRequests(DISCOVERY_PATH())).toBe(discoveries);
  });

  it('keeps a secret set for this process out of the keychain; an empty one means a public client', async () => {
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    service.useClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    expect(await service.hasClientSecret()).toBe(true);
    expect([...store.entries.values()].join()).not.toContain(CONFIDENTIAL_CLIENT_SECRET);
    service.useClientSecret('  ');
    expect(await service.hasClientSecret()).toBe(false);
    await service.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(true);
    await service.setClientSecret('');
    expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(false);
    expect(store.entries.size).toBe(0);
    await service.setClientSecret(CONFIDENTIAL_CLIENT_SECRET);
    await service.setClientSecret(undefined);
    expect(store.entries.size).toBe(0);
    expect(await service.hasClientSecret()).toBe(false);
  });

  it('takes an empty or malformed stored secret for none: a public client', async () => {
    const setup = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await setup.setClientSecret('placeholder');
    const [account] = [...store.entries.keys()];
    const entry = JSON.parse(store.entries.get(account!)!) as { data: unknown };
    for (const data of ['', 42, { secret: 'x' }]) {
      store.entries.set(account!, JSON.stringify({ ...entry, data }));
      expect(await newService({ clientId: CONFIDENTIAL_CLIENT_ID }).hasClientSecret()).toBe(false);
    }
  });

  it('does not take a locked keychain for a public client: the sign-in says it is locked', async () => {
    store.unavailable = new KeychainLockedError('The keychain collection is locked.');
    const service = newService({ clientId: CONFIDENTIAL_CLIENT_ID });
    await expect(service.signIn({ timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'keychain_locked' });
  });
});
