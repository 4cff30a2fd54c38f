/**
 * The app's ID-token signature check (jose, behind the app's choice of algorithms and keys) decides
 * as jose on its own does: for each algorithm, the same tokens and key sets go to both, and both
 * must reach the decision written here. A wrapper that let a forgery through would fail here.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CompactSign, compactVerify, createLocalJWKSet, errors, type JWK } from 'jose';
import {
  IdTokenSignatureVerifier,
  SIGNATURE_ALGORITHMS,
} from '../../../../main/core/provider/id-token-signature.ts';
import { jwks, keyPair, type Alg } from '../../../support/jws-keys.ts';

interface Case {
  name: string;
  token: string;
  keys: JWK[];
  accepted: boolean;
}

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decoded = (encoded: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(encoded, 'base64url').toString()) as Record<string, unknown>;

/** Another algorithm a key of the same type could sign with: a token relabelled to it must fail. */
const RELABELLED: Record<Alg, Alg> = {
  RS256: 'RS384',
  RS384: 'PS384',
  RS512: 'RS256',
  PS256: 'RS256',
  PS384: 'PS512',
  PS512: 'PS256',
  ES256: 'ES384',
  ES384: 'ES256',
  ES512: 'ES256',
  EdDSA: 'Ed25519',
  Ed25519: 'EdDSA',
};

async function cases(alg: Alg): Promise<Case[]> {
  const key = await keyPair(alg, 'k1');
  const impostor = await keyPair(alg, 'k1', {}, 1);
  const second = await keyPair(alg, 'k2', {}, 1);
  const token = await key.sign({ email: 'alice@example.com' });
  const [header = '', payload = '', signature = ''] = token.split('.');
  const flipped = Buffer.from(signature, 'base64url');
  flipped[0]! ^= 1;
  const withoutKid = { ...decoded(header), kid: undefined };
  const withCrit = await new CompactSign(Buffer.from(part({ sub: 'user' }), 'base64url'))
    .setProtectedHeader({ alg, kid: 'k1', crit: ['x-ext'], 'x-ext': 1 })
    .sign(key.privateKey, { crit: { 'x-ext': true } });
  const privateJwk = {
    ...(await crypto.subtle.exportKey('jwk', key.privateKey)),
    key_ops: undefined,
    ext: undefined,
    kid: 'k1',
    alg,
  } as JWK;
  const noKidToken = await second.sign({}, { kid: undefined });
  return [
    { name: 'as signed', token, keys: [key.jwk], accepted: true },
    {
      name: 'signed without kid, two keys published',
      token: noKidToken,
      keys: [key.jwk, second.jwk],
      accepted: true,
    },
    {
      name: 'published without kid, use or alg',
      token: await key.sign({}, { kid: undefined }),
      keys: [{ ...key.jwk, kid: undefined, use: undefined, alg: undefined }],
      accepted: true,
    },
    {
      name: 'published with key_ops verify',
      token,
      keys: [{ ...key.jwk, key_ops: ['verify'] }],
      accepted: true,
    },
    {
      name: 'signature changed',
      token: `${header}.${payload}.${flipped.toString('base64url')}`,
      keys: [key.jwk],
      accepted: false,
    },
    {
      name: 'payload changed',
      token: `${header}.${part({ sub: 'user', email: 'mallory@example.com' })}.${signature}`,
      keys: [key.jwk],
      accepted: false,
    },
    {
      name: `relabelled ${RELABELLED[alg]}`,
      token: `${part({ ...decoded(header), alg: RELABELLED[alg] })}.${payload}.${signature}`,
      keys: [{ ...key.jwk, alg: undefined }],
      accepted: false,
    },
    {
      name: 'kid removed after signing',
      token: `${part(withoutKid)}.${payload}.${signature}`,
      keys: [key.jwk],
      accepted: false,
    },
    {
      name: 'signed by another key under the same kid',
      token: await impostor.sign({}),
      keys: [key.jwk],
      accepted: false,
    },
    { name: 'kid not published', token, keys: [{ ...key.jwk, kid: 'other' }], accepted: false },
    { name: 'key published for encryption', token, keys: [{ ...key.jwk, use: 'enc' }], accepted: false },
    {
      name: 'key published for another algorithm',
      token,
      keys: [{ ...key.jwk, alg: RELABELLED[alg] }],
      accepted: false,
    },
    {
      name: 'key published without verify in key_ops',
      token,
      keys: [{ ...key.jwk, key_ops: ['encrypt'] }],
      accepted: false,
    },
    { name: 'private key published', token, keys: [privateJwk], accepted: false },
    {
      name: 'published with a member its key type does not define',
      token,
      keys: [{ ...key.jwk, ...(key.jwk.kty === 'RSA' ? { crv: 'P-256' } : { e: 'AQAB' }) }],
      accepted: true,
    },
    {
      name: 'kid that is not a string',
      token: await key.sign({}, { kid: 5 }),
      keys: [{ ...key.jwk, kid: 5 as unknown as string }],
      accepted: false,
    },
    { name: 'critical header extension', token: withCrit, keys: [key.jwk], accepted: false },
    { name: 'signature with padding', token: `${token}=`, keys: [key.jwk], accepted: false },
    {
      name: 'signature with a character outside base64url',
      token: `${header}.${payload}.${signature.slice(0, 4)}!${signature.slice(4)}`,
      keys: [key.jwk],
      accepted: false,
    },
    { name: 'signature cut short', token: token.slice(0, -4), keys: [key.jwk], accepted: false },
  ];
}

/** jose's decision, as this app made it before: each key that could have signed a token without kid is tried. */
async function joseAccepts(token: string, keys: JWK[]): Promise<boolean> {
  const options = { algorithms: [...SIGNATURE_ALGORITHMS] };
  try {
    await compactVerify(token, createLocalJWKSet({ keys }), options);
    return true;
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) return false;
    for await (const key of error as unknown as AsyncIterable<CryptoKey>) {
      if (
        await compactVerify(token, key, options).then(
          () => true,
          () => false,
        )
      )
        return true;
    }
    return false;
  }
}

function oursAccepts(token: string, keys: JWK[]): Promise<boolean> {
  return new IdTokenSignatureVerifier('https://idp/jwks', jwks([keys]).fetch).verify(token).then(
    () => true,
    () => false,
  );
}

describe('ID-token signature check against jose', () => {
  it.each(SIGNATURE_ALGORITHMS)('%s: the same decision as jose on each case', async (alg) => {
    for (const { name, token, keys, accepted } of await cases(alg)) {
      const decisions = { ours: await oursAccepts(token, keys), jose: await joseAccepts(token, keys) };
      expect({ case: name, ...decisions }).toEqual({ case: name, ours: accepted, jose: accepted });
    }
  });

  it('refuses an RSA key under 2048 bits, as jose does', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    const signingInput = `${part({ alg: 'RS256', kid: 'weak' })}.${part({ sub: 'user' })}`;
    const signature = crypto.sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
    const token = `${signingInput}.${signature}`;
    const keys = [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: 'weak' }];
    expect(
      crypto.verify('sha256', Buffer.from(signingInput), publicKey, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    expect({ ours: await oursAccepts(token, keys), jose: await joseAccepts(token, keys) }).toEqual({
      ours: false,
      jose: false,
    });
  });
});
