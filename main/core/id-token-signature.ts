/**
 * Verifies the signature of ID tokens against the provider's JWKS.
 *
 * openid-client checks an ID token's claims (issuer, audience, expiry, nonce) but, as OpenID Connect
 * allows for tokens received over TLS from the token endpoint, not its signature. We check it too,
 * with the keys from `jwks_uri`. A token signed with a `kid` we have not seen makes us fetch the
 * JWKS again at once, so a key rotation at the provider never fails a sign-in.
 */
import { webcrypto } from 'node:crypto';
import { AuthError } from './errors.ts';

interface Jwk {
  kid?: string;
  kty: string;
  alg?: string;
  use?: string;
  [key: string]: unknown;
}

const ALGORITHMS: Record<
  string,
  { import: RsaHashedImportParams | EcKeyImportParams; verify: AlgorithmIdentifier | EcdsaParams }
> = {
  RS256: { import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, verify: 'RSASSA-PKCS1-v1_5' },
  RS384: { import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }, verify: 'RSASSA-PKCS1-v1_5' },
  RS512: { import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, verify: 'RSASSA-PKCS1-v1_5' },
  ES256: { import: { name: 'ECDSA', namedCurve: 'P-256' }, verify: { name: 'ECDSA', hash: 'SHA-256' } },
  ES384: { import: { name: 'ECDSA', namedCurve: 'P-384' }, verify: { name: 'ECDSA', hash: 'SHA-384' } },
};

function invalid(detail: string): AuthError {
  return new AuthError(
    'provider_rejected',
    `The provider's ID token failed validation (${detail}). Check the discovery URL; if it persists, report it.`,
    { providerError: 'invalid_id_token' },
  );
}

function decodePart(part: string | undefined): unknown {
  try {
    return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Checks ID token signatures against one provider's JWKS, fetched on demand and cached. */
export class IdTokenSignatureVerifier {
  private keys: Jwk[] | undefined;
  /** Imported keys by JWK object: importing costs more than verifying. */
  private readonly imported = new WeakMap<Jwk, Promise<webcrypto.CryptoKey>>();

  constructor(
    private readonly jwksUri: string,
    private readonly fetchJwks: (url: string) => Promise<Response>,
  ) {}

  /** Resolves when `idToken` is signed by a key of the provider; rejects with `provider_rejected`. */
  async verify(idToken: string): Promise<void> {
    const [headerPart, payloadPart, signaturePart] = idToken.split('.');
    const header = decodePart(headerPart) as { alg?: string; kid?: string } | undefined;
    const algorithm = header?.alg ? ALGORITHMS[header.alg] : undefined;
    if (!header || !payloadPart || !signaturePart) throw invalid('not a signed JWT');
    if (!algorithm) throw invalid(`unsupported algorithm ${header.alg ?? 'none'}`);
    let jwk = (await this.currentKeys()).find((k) => this.matches(k, header));
    if (!jwk) {
      this.keys = undefined;
      jwk = (await this.currentKeys()).find((k) => this.matches(k, header));
    }
    if (!jwk) throw invalid('signed with a key the provider does not publish');
    const ok = await webcrypto.subtle.verify(
      algorithm.verify,
      await this.importKey(jwk, algorithm.import),
      Buffer.from(signaturePart, 'base64url'),
      Buffer.from(`${headerPart}.${payloadPart}`),
    );
    if (!ok) throw invalid('bad signature');
  }

  /** Imports a JWK once: importing costs more than verifying. */
  private importKey(
    jwk: Jwk,
    params: RsaHashedImportParams | EcKeyImportParams,
  ): Promise<webcrypto.CryptoKey> {
    let key = this.imported.get(jwk);
    if (!key) {
      key = webcrypto.subtle.importKey('jwk', jwk as webcrypto.JsonWebKey, params, false, ['verify']);
      this.imported.set(jwk, key);
    }
    return key;
  }

  private matches(jwk: Jwk, header: { alg?: string; kid?: string }): boolean {
    if (jwk.use !== undefined && jwk.use !== 'sig') return false;
    if (jwk.alg !== undefined && jwk.alg !== header.alg) return false;
    return header.kid === undefined || jwk.kid === header.kid;
  }

  private async currentKeys(): Promise<Jwk[]> {
    if (this.keys) return this.keys;
    const response = await this.fetchJwks(this.jwksUri);
    if (!response.ok) throw invalid(`the JWKS answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw invalid('the JWKS has no keys');
    this.keys = body.keys as Jwk[];
    return this.keys;
  }
}
