/**
 * The emulator's token-signing keys. The emulator signs the tokens it hands out itself, in Cognito's
 * shape (see emulator.ts), so it owns the keys: a rotation puts a new `kid` in front and keeps the old
 * one published, as Cognito does during a key rollover.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  createLocalJWKSet,
  type JWK,
  type JWTPayload,
} from 'jose';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The algorithms the emulator can sign with: Cognito's RS256, and two other providers use. */
export type SigningAlgorithm = 'RS256' | 'PS256' | 'EdDSA';

/** Keys of one algorithm; the first one signs, all are published. */
export class SigningKeys {
  private keys: SigningKey[] = [];

  private constructor(readonly alg: SigningAlgorithm) {}

  /** Creates a key set holding one fresh key. */
  static async create(alg: SigningAlgorithm = 'RS256'): Promise<SigningKeys> {
    const keys = new SigningKeys(alg);
    await keys.rotate();
    return keys;
  }

  /** Puts a new key in front (it signs from now on) and keeps one previous key published. Returns the new kid. */
  async rotate(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(this.alg, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: this.alg, use: 'sig' };
    this.keys = [{ kid, privateKey, publicJwk }, ...this.keys].slice(0, 2);
    return kid;
  }

  /** The kid that signs new tokens. */
  get currentKid(): string {
    return this.current().kid;
  }

  /** The public keys, as served at the JWKS URL. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /** Signs a payload with the current key. */
  sign(payload: JWTPayload): Promise<string> {
    const { kid, privateKey } = this.current();
    return new SignJWT(payload).setProtectedHeader({ alg: this.alg, kid }).sign(privateKey);
  }

  /**
   * A forged token for tests of the client's checks: `foreign-key` is signed by a key the JWKS does
   * not publish (under the current kid); `alg-none` carries no signature at all.
   */
  async forge(payload: JWTPayload, how: 'foreign-key' | 'alg-none'): Promise<string> {
    if (how === 'alg-none') {
      const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
    }
    const { privateKey } = await generateKeyPair(this.alg);
    return new SignJWT(payload).setProtectedHeader({ alg: this.alg, kid: this.currentKid }).sign(privateKey);
  }

  /** Verifies a token signed by one of the published keys, as of `nowSeconds`. */
  async verify(token: string, nowSeconds: number): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, createLocalJWKSet(this.jwks()), {
      currentDate: new Date(nowSeconds * 1000),
    });
    return payload;
  }

  private current(): SigningKey {
    const key = this.keys[0];
    if (!key) throw new Error('no signing key');
    return key;
  }
}

/** OpenID Connect Core 3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** A private RS256 JWK, as oidc-provider's `jwks` configuration wants it. */
export async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}
