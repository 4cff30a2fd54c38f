/** Signing keys for ID-token signature tests, made with jose, and a JWKS endpoint that counts fetches. */
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SIGNATURE_ALGORITHMS } from '../../main/core/provider/id-token-signature.ts';

export type Alg = (typeof SIGNATURE_ALGORITHMS)[number];

/** Generated once per algorithm and `material` index: RSA key generation takes a third of a second. */
const generated = new Map<string, ReturnType<typeof generateKeyPair>>();

/** A signing key: `material` 1 is a different key from 0 (an impostor's), whatever the kid. */
export async function keyPair(alg: Alg, kid: string, extra: Partial<JWK> = {}, material = 0) {
  const cacheKey = `${alg}/${material}`;
  if (!generated.has(cacheKey)) generated.set(cacheKey, generateKeyPair(alg, { extractable: true }));
  const { privateKey, publicKey } = await generated.get(cacheKey)!;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig', ...extra };
  const sign = (payload: object, header: Record<string, unknown> = {}): Promise<string> =>
    new SignJWT({ sub: 'user', ...payload }).setProtectedHeader({ alg, kid, ...header }).sign(privateKey);
  return { jwk, sign, privateKey };
}

/** A JWKS endpoint that serves `sets[n]` on its n-th fetch (the last one from then on). */
export function jwks(sets: JWK[][]): { fetch: (url: string) => Promise<Response>; fetches: () => number } {
  let count = 0;
  return {
    fetch: () => {
      const keys = sets[Math.min(count, sets.length - 1)]!;
      count += 1;
      return Promise.resolve(Response.json({ keys }));
    },
    fetches: () => count,
  };
}
