import { describe, expect, it } from 'vitest';
import {
  MAX_PROXY_ATTEMPTS,
  ProxySignIn,
  proxyAccount,
  type ProxySignInAnswer,
  type ProxySignInRequest,
} from '../../../../main/core/network/proxy-sign-in.ts';
import { MemorySecretStore } from '../../../fakes/memory-secret-store.ts';

const SERVICE = 'cognito-desktop-test';
const CHALLENGE = { host: 'proxy.corp', port: 3128, realm: 'Corp', attempt: 1 };
const ALICE = { username: 'alice', password: 'correct horse' };

/** A person who answers each question with the next of `answers`, and the questions they saw. */
function person(...answers: ProxySignInAnswer[]) {
  const asked: ProxySignInRequest[] = [];
  const ask = (request: ProxySignInRequest) => {
    asked.push(request);
    return new Promise<ProxySignInAnswer>((resolve) => setTimeout(() => resolve(answers.shift()), 5));
  };
  return { ask, asked };
}

describe('ProxySignIn', () => {
  it('asks once per proxy and keeps the answer in memory only, unless told to remember', async () => {
    const store = new MemorySecretStore();
    const { ask, asked } = person({ credentials: ALICE, remember: false });
    const proxy = new ProxySignIn(ask, store, SERVICE);
    // Three requests meet the proxy at once: one question.
    const answers = await Promise.all([
      proxy.answer(CHALLENGE),
      proxy.answer(CHALLENGE),
      proxy.answer(CHALLENGE),
    ]);
    expect(answers).toEqual([ALICE, ALICE, ALICE]);
    expect(asked).toEqual([{ proxy: 'proxy.corp:3128', realm: 'Corp', refused: false }]);
    expect(await proxy.answer(CHALLENGE)).toEqual(ALICE);
    expect(asked).toHaveLength(1);
    expect(store.entries.size).toBe(0);
  });

  it('remembers in the keychain when asked to, and a new run uses that without asking', async () => {
    const store = new MemorySecretStore();
    await new ProxySignIn(person({ credentials: ALICE, remember: true }).ask, store, SERVICE).answer(
      CHALLENGE,
    );
    expect(JSON.parse((await store.get(SERVICE, proxyAccount('proxy.corp:3128'))) ?? '')).toEqual(ALICE);
    const later = person();
    expect(await new ProxySignIn(later.ask, store, SERVICE).answer(CHALLENGE)).toEqual(ALICE);
    expect(later.asked).toEqual([]);
  });

  it('forgets refused credentials, keychain included, and asks again saying so; gives up after three', async () => {
    const store = new MemorySecretStore();
    const wrong = { username: 'alice', password: 'wrong' };
    const { ask, asked } = person(
      { credentials: wrong, remember: true },
      { credentials: ALICE, remember: false },
      { credentials: wrong, remember: false },
    );
    const proxy = new ProxySignIn(ask, store, SERVICE);
    expect(await proxy.answer(CHALLENGE)).toEqual(wrong);
    expect(await proxy.answer({ ...CHALLENGE, attempt: 2 })).toEqual(ALICE);
    expect(asked.map((a) => a.refused)).toEqual([false, true]);
    expect(store.entries.size).toBe(0);
    expect(await proxy.answer({ ...CHALLENGE, attempt: MAX_PROXY_ATTEMPTS })).toEqual(wrong);
    expect(await proxy.answer({ ...CHALLENGE, attempt: MAX_PROXY_ATTEMPTS + 1 })).toBeUndefined();
    expect(asked).toHaveLength(3);
  });

  it('keeps remembered credentials under the proxy’s own keychain account, and in memory once read', async () => {
    const store = new MemorySecretStore();
    await new ProxySignIn(person({ credentials: ALICE, remember: true }).ask, store, SERVICE).answer(
      CHALLENGE,
    );
    expect([...store.entries.keys()]).toEqual([`${SERVICE}\u0000proxy:proxy.corp:3128`]);
    const later = new ProxySignIn(person().ask, store, SERVICE);
    expect(await later.answer(CHALLENGE)).toEqual(ALICE);
    store.unavailable = new Error('the keychain went away');
    expect(await later.answer(CHALLENGE)).toEqual(ALICE);
  });

  it('after a refusal and a cancel, does not offer the refused credentials again', async () => {
    const { ask, asked } = person({ credentials: ALICE, remember: false }, undefined, {
      credentials: ALICE,
      remember: false,
    });
    const proxy = new ProxySignIn(ask, new MemorySecretStore(), SERVICE);
    await proxy.answer(CHALLENGE);
    expect(await proxy.answer({ ...CHALLENGE, attempt: 2 })).toBeUndefined();
    expect(await proxy.answer(CHALLENGE)).toEqual(ALICE);
    expect(asked).toHaveLength(3);
  });

  it('cancels when the person cancels, and asks again next time', async () => {
    const { ask, asked } = person(undefined, { credentials: ALICE, remember: false });
    const proxy = new ProxySignIn(ask, new MemorySecretStore(), SERVICE);
    expect(await proxy.answer(CHALLENGE)).toBeUndefined();
    expect(await proxy.answer(CHALLENGE)).toEqual(ALICE);
    expect(asked).toHaveLength(2);
  });

  it('ignores what is not credentials in the keychain, and a keychain that fails', async () => {
    const store = new MemorySecretStore();
    await store.set(SERVICE, proxyAccount('proxy.corp:3128'), '{"username":"u","password":5}');
    const { ask, asked } = person({ credentials: ALICE, remember: true });
    expect(await new ProxySignIn(ask, store, SERVICE).answer(CHALLENGE)).toEqual(ALICE);
    expect(asked).toHaveLength(1);
    store.unavailable = new Error('no keychain');
    expect(
      await new ProxySignIn(person({ credentials: ALICE, remember: true }).ask, store, SERVICE).answer(
        CHALLENGE,
      ),
    ).toEqual(ALICE);
  });
});
