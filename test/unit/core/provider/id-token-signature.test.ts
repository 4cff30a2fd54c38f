/**
 * The ID-token signature check on its own: which tokens pass and which are refused, and when the
 * JWKS is fetched. Keys are made with jose; the JWKS is served by a counting stand-in
 * (both in test/support/jws-keys.ts).
 */
import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  IdTokenSignatureVerifier,
  SIGNATURE_ALGORITHMS,
} from '../../../../main/core/provider/id-token-signature.ts';
import { jwks, keyPair } from '../../../support/jws-keys.ts';

const refused = { code: 'provider_rejected', providerError: 'invalid_id_token' };

describe('IdTokenSignatureVerifier', () => {
  it.each(SIGNATURE_ALGORITHMS)('accepts a token signed by a published %s key', async (alg) => {
    const key = await keyPair(alg, 'k1');
    const source = jwks([[key.jwk]]);
    await expect(
      new IdTokenSignatureVerifier('https://idp/jwks', source.fetch).verify(await key.sign({})),
    ).resolves.toBeUndefined();
  });

  it('accepts a key published without use or alg, and a token without kid (both optional in JWK and JWS)', async () => {
    const bare = await keyPair('RS256', 'k1', { use: undefined, alg: undefined });
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[bare.jwk]]).fetch);
    await expect(verifier.verify(await bare.sign({}))).resolves.toBeUndefined();
    // The JWK has a kid, the token names none: any signing key may then have signed it.
    const unnamedKey = await keyPair('RS256', 'k1');
    const noKid = await unnamedKey.sign({}, { kid: undefined });
    expect(JSON.parse(Buffer.from(noKid.split('.')[0]!, 'base64url').toString())).not.toHaveProperty('kid');
    const unnamed = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[unnamedKey.jwk]]).fetch);
    await expect(unnamed.verify(noKid)).resolves.toBeUndefined();
  });

  it('accepts only the algorithms the provider advertises, and never a shared-secret one', async () => {
    const ps = await keyPair('PS256', 'k1');
    const rs = await keyPair('RS256', 'k2');
    const source = jwks([[ps.jwk, rs.jwk]]);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', source.fetch, [
      'PS256',
      'HS256',
      'none',
    ]);
    await expect(verifier.verify(await ps.sign({}))).resolves.toBeUndefined();
    await expect(verifier.verify(await rs.sign({}))).rejects.toThrow('unsupported algorithm RS256');
  });

  it('tries each key that could have signed a token without kid', async () => {
    const first = await keyPair('RS256', 'a');
    const second = await keyPair('RS256', 'b', {}, 1);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[first.jwk, second.jwk]]).fetch);
    await expect(verifier.verify(await second.sign({}, { kid: undefined }))).resolves.toBeUndefined();
    const stranger = await keyPair('RS256', 'c', {}, 2);
    await expect(verifier.verify(await stranger.sign({}, { kid: undefined }))).rejects.toThrow(
      'bad signature',
    );
  });

  it('says why it refused, and what to do', async () => {
    const key = await keyPair('RS256', 'k1');
    const other = await keyPair('RS256', 'k2');
    const impostor = await keyPair('RS256', 'k1', {}, 1);
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    const reason = async (token: string): Promise<string> =>
      verifier.verify(token).then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    expect(await reason(`${part({ alg: 'none' })}.${part({ sub: 'u' })}.c2ln`)).toContain(
      'unsupported algorithm none',
    );
    expect(await reason(`${part({ kid: 'k1' })}.${part({ sub: 'u' })}.c2ln`)).toContain(
      'unsupported algorithm none',
    );
    expect(await reason(`${part({ alg: 'HS256' })}.${part({ sub: 'u' })}.c2ln`)).toContain(
      'unsupported algorithm HS256',
    );
    expect(await reason(await other.sign({}))).toContain('signed with a key the provider does not publish');
    expect(await reason(await impostor.sign({}))).toContain('bad signature');
    expect(await reason(await impostor.sign({}))).toContain('Check the discovery URL');
    const [, payload, signature] = (await key.sign({})).split('.');
    expect(
      await reason(`${part({ alg: 'RS256', kid: 'k1', crit: ['exp'] })}.${payload}.${signature}`),
    ).toContain('a critical header extension this app does not support');
    expect(await reason(`${Buffer.from('{"alg":').toString('base64url')}.${payload}.${signature}`)).toContain(
      'not a signed JWT',
    );
    const down = new IdTokenSignatureVerifier('https://idp/jwks', () =>
      Promise.resolve(new Response('nope', { status: 503 })),
    );
    await expect(down.verify(await key.sign({}))).rejects.toThrow('the JWKS answered HTTP 503');
    const empty = new IdTokenSignatureVerifier('https://idp/jwks', () => Promise.resolve(Response.json({})));
    await expect(empty.verify(await key.sign({}))).rejects.toThrow('the JWKS has no keys');
  });

  it.each([
    ['no signature', (t: string) => t.split('.').slice(0, 2).join('.') + '.'],
    [
      'no payload',
      (t: string) => {
        const [h, , sig] = t.split('.');
        return `${h}..${sig}`;
      },
    ],
    ['two parts', (t: string) => t.split('.').slice(0, 2).join('.')],
  ])('refuses a token with %s before fetching any key', async (_, cut) => {
    const key = await keyPair('RS256', 'k1');
    const source = jwks([[key.jwk]]);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', source.fetch);
    await expect(verifier.verify(cut(await key.sign({})))).rejects.toThrow('not a signed JWT');
    expect(source.fetches()).toBe(0);
  });

  it('passes over JWKS entries that are not keys, and keys that do not import', async () => {
    const key = await keyPair('ES256', 'k1');
    const broken = { ...key.jwk, x: 'AA' };
    const verifier = (keys: unknown[]): IdTokenSignatureVerifier =>
      new IdTokenSignatureVerifier('https://idp/jwks', () => Promise.resolve(Response.json({ keys })));
    const token = await key.sign({});
    await expect(verifier([null, 5, 'key', broken, key.jwk]).verify(token)).resolves.toBeUndefined();
    // A key that does not import checks nothing.
    await expect(verifier([broken]).verify(token)).rejects.toMatchObject(refused);
  });

  it('imports each key once, for verifying only', async () => {
    const key = await keyPair('ES256', 'k1');
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    const imports = vi.spyOn(crypto.webcrypto.subtle, 'importKey');
    try {
      await verifier.verify(await key.sign({}));
      await verifier.verify(await key.sign({ n: 2 }));
      expect(imports).toHaveBeenCalledTimes(1);
      expect(imports.mock.calls[0]![4]).toEqual(['verify']);
    } finally {
      imports.mockRestore();
    }
  });

  it('refuses a token signed by another key under a published kid (bad signature)', async () => {
    const published = await keyPair('RS256', 'k1');
    const attacker = await keyPair('RS256', 'k1', {}, 1);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[published.jwk]]).fetch);
    await expect(verifier.verify(await attacker.sign({}))).rejects.toMatchObject(refused);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const key = await keyPair('RS256', 'k1');
    const token = await key.sign({ email: 'alice@example.com' });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'user', email: 'mallory@example.com' })).toString(
      'base64url',
    );
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    await expect(verifier.verify(`${header}.${payload}.${signature}`)).rejects.toMatchObject(refused);
  });

  it.each([
    ['alg none, no signature', { alg: 'none' }, ''],
    ['HS256 (a shared-secret algorithm)', { alg: 'HS256', kid: 'k1' }, 'c2ln'],
    ['no alg', { kid: 'k1' }, 'c2ln'],
  ])('refuses %s', async (_, header, signature) => {
    const key = await keyPair('RS256', 'k1');
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    await expect(verifier.verify(`${part(header)}.${part({ sub: 'u' })}.${signature}`)).rejects.toMatchObject(
      refused,
    );
  });

  it.each(['not a token', 'a.b', '..', ''])('refuses the malformed token %j', async (token) => {
    const key = await keyPair('RS256', 'k1');
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    await expect(verifier.verify(token)).rejects.toMatchObject(refused);
  });

  it('ignores keys published for encryption or for another algorithm', async () => {
    const forEncryption = await keyPair('RS256', 'k1', { use: 'enc' });
    const otherAlg = await keyPair('RS256', 'k2', { alg: 'RS512' });
    const verifier = new IdTokenSignatureVerifier(
      'https://idp/jwks',
      jwks([[forEncryption.jwk, otherAlg.jwk]]).fetch,
    );
    await expect(verifier.verify(await forEncryption.sign({}))).rejects.toMatchObject(refused);
    await expect(verifier.verify(await otherAlg.sign({}))).rejects.toMatchObject(refused);
  });

  it('fetches the JWKS once, again at once for an unknown kid (a key rollover), then caches', async () => {
    const old = await keyPair('RS256', 'old');
    const rolled = await keyPair('RS256', 'new');
    const source = jwks([[old.jwk], [old.jwk, rolled.jwk]]);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', source.fetch);
    await verifier.verify(await old.sign({}));
    await verifier.verify(await old.sign({}));
    expect(source.fetches()).toBe(1);
    await verifier.verify(await rolled.sign({}));
    expect(source.fetches()).toBe(2);
    await verifier.verify(await rolled.sign({}));
    expect(source.fetches()).toBe(2);
  });

  it('refuses when the JWKS cannot be had', async () => {
    const key = await keyPair('RS256', 'k1');
    const down = new IdTokenSignatureVerifier('https://idp/jwks', () =>
      Promise.resolve(new Response('nope', { status: 503 })),
    );
    await expect(down.verify(await key.sign({}))).rejects.toMatchObject(refused);
    const empty = new IdTokenSignatureVerifier('https://idp/jwks', () => Promise.resolve(Response.json({})));
    await expect(empty.verify(await key.sign({}))).rejects.toMatchObject(refused);
  });

  it('refuses a header that is not an object, and a token of more than three parts', async () => {
    const key = await keyPair('RS256', 'k1');
    const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', jwks([[key.jwk]]).fetch);
    for (const header of [5, null, 'RS256', ['RS256']])
      await expect(verifier.verify(`${part(header)}.${part({ sub: 'u' })}.c2ln`)).rejects.toThrow(
        'not a signed JWT',
      );
    await expect(verifier.verify(`${await key.sign({})}.extra`)).rejects.toThrow('not a signed JWT');
  });

  it('takes a key of another type or curve under the same kid for no match, and fetches the keys again', async () => {
    const pairs = [
      [await keyPair('ES256', 'k1'), await keyPair('RS256', 'k1')],
      [await keyPair('ES256', 'k1'), await keyPair('ES384', 'k1')],
      [await keyPair('RS256', 'k1'), await keyPair('ES256', 'k1')],
    ] as const;
    for (const [signer, other] of pairs) {
      const source = jwks([[{ ...other.jwk, alg: undefined }]]);
      const verifier = new IdTokenSignatureVerifier('https://idp/jwks', source.fetch);
      await expect(verifier.verify(await signer.sign({}))).rejects.toThrow(
        'signed with a key the provider does not publish',
      );
      expect(source.fetches()).toBe(2);
    }
  });

  it('fetches the keys again only for an unknown kid, not for a bad signature', async () => {
    const published = await keyPair('RS256', 'k1');
    const impostor = await keyPair('RS256', 'k1', {}, 1);
    const source = jwks([[published.jwk]]);
    const verifier = new IdTokenSignatureVerifier('https://idp/jwks', source.fetch);
    await expect(verifier.verify(await impostor.sign({}))).rejects.toThrow('bad signature');
    expect(source.fetches()).toBe(1);
  });
});
