/**
 * Verifies the signature of ID tokens against the provider's JWKS.
 *
 * openid-client checks an ID token's claims (issuer, audience, expiry, nonce) but, as OpenID Connect
 * allows for tokens received over TLS from the token endpoint, not its signature. We check it too,
 * with the keys from `jwks_uri`: every asymmetric algorithm the provider advertises (RS*, PS*, ES*,
 * EdDSA), never `none` or a shared-secret HS*. A token signed with a `kid` we have not seen makes us
 * fetch the JWKS again at once, so a key rotation at the provider never fails a sign-in.
 *
 * The check itself is Node's `crypto.verify` (OpenSSL), called synchronously. jose, which we used
 * before, goes through WebCrypto, whose verify is a job on the thread pool: 0.25–0.3 ms of every
 * sign-in against 0.03 ms here. What jose decided besides the signature is decided here the same
 * way, and a test compares the two on the same tokens: which published keys may have signed a
 * token (RFC 7517's `kty`, `kid`, `alg`, `use`, `key_ops`, `crv`), RSA keys of 2048 bits or more,
 * and no `crit` header this code would not understand (RFC 7515 section 4.1.11).
 */
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { AuthError } from './errors.ts';
import { t } from './i18n.ts';
import { nodeCrypto } from './lazy-builtins.ts';

/** The algorithms an ID token may be signed with: asymmetric ones only. */
export const SIGNATURE_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** How one JWS algorithm is checked (RFC 7518 section 3, RFC 8037 section 3.1). */
interface AlgorithmCheck {
  /** The JWK key type that signs with it. */
  kty: 'RSA' | 'EC' | 'OKP';
  /** The curve an EC or OKP key must be on. */
  crv?: string;
  /** The digest `crypto.verify` applies (EdDSA hashes inside the algorithm). */
  hash: string | null;
  /** RSA-PSS: the salt is as long as the digest. */
  pssSaltLength?: number;
}

const CHECKS: Record<SignatureAlgorithm, AlgorithmCheck> = {
  RS256: { kty: 'RSA', hash: 'sha256' },
  RS384: { kty: 'RSA', hash: 'sha384' },
  RS512: { kty: 'RSA', hash: 'sha512' },
  PS256: { kty: 'RSA', hash: 'sha256', pssSaltLength: 32 },
  PS384: { kty: 'RSA', hash: 'sha384', pssSaltLength: 48 },
  PS512: { kty: 'RSA', hash: 'sha512', pssSaltLength: 64 },
  ES256: { kty: 'EC', crv: 'P-256', hash: 'sha256' },
  ES384: { kty: 'EC', crv: 'P-384', hash: 'sha384' },
  ES512: { kty: 'EC', crv: 'P-521', hash: 'sha512' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', hash: null },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', hash: null },
};

/** Smaller RSA keys are refused (RFC 7518 section 3.3). */
const MIN_RSA_BITS = 2048;

/** A base64url part of a compact JWS: its alphabet only, no padding (Buffer would skip other characters). */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A published key as the JWKS has it, with the key it imports to (once), or null if it cannot be one. */
interface PublishedKey {
  jwk: Record<string, unknown>;
  imported?: KeyObject | null;
}

function invalid(detail: string): AuthError {
  return new AuthError(
    'provider_rejected',
    t(
      "The provider's ID token failed validation ({{detail}}). Check the discovery URL; if it persists, report it.",
      { detail },
    ),
    { providerError: 'invalid_id_token' },
  );
}

/** The JOSE header: a JSON object (not null, an array or a plain value), or undefined. */
function decodeHeader(part: string): Record<string, unknown> | undefined {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: no header.
  }
  return header instanceof Object && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
}

/** Whether `jwk` may have signed a token with this header (RFC 7517 section 4; jose's rules). */
function mayHaveSigned(jwk: Record<string, unknown>, alg: SignatureAlgorithm, kid: unknown): boolean {
  const check = CHECKS[alg];
  const ops = jwk.key_ops;
  return (
    jwk.kty === check.kty &&
    // RSA keys have no curve: a `crv` member on one is ignored, as RFC 7517 section 4 has it.
    (check.kty === 'RSA' || jwk.crv === check.crv) &&
    (kid === undefined || (typeof kid === 'string' && kid === jwk.kid)) &&
    (jwk.alg === undefined || jwk.alg === alg) &&
    (jwk.use === undefined || jwk.use === 'sig') &&
    (ops === undefined || (Array.isArray(ops) && ops.includes('verify')))
  );
}

/** The public key `jwk` describes, or null when it describes none we can check with. */
function importKey(jwk: Record<string, unknown>): KeyObject | null {
  // A published private key (every kind has `d`) is a provider's mistake, not a key to trust.
  if ('d' in jwk) return null;
  try {
    const key = nodeCrypto().createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    // Stryker disable next-line OptionalChaining: equivalent: Node gives every public key its details.
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    return jwk.kty === 'RSA' && bits < MIN_RSA_BITS ? null : key;
  } catch {
    // Not a key (a broken modulus or point, an unknown curve): passed over.
    return null;
  }
}

/**
 * Whether `signature` is the signature of `signingInput` under `key`. `crypto.verify` answers false,
 * not an error, for signature bytes of any length (tried for each key type); keys and algorithms
 * reach it only in pairs that fit (see {@link mayHaveSigned}).
 */
function signatureHolds(
  check: AlgorithmCheck,
  key: KeyObject,
  signingInput: Buffer,
  signature: Buffer,
): boolean {
  const crypto = nodeCrypto();
  return crypto.verify(
    check.hash,
    signingInput,
    {
      key,
      ...(check.pssSaltLength !== undefined && {
        padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
        saltLength: check.pssSaltLength,
      }),
      // A JWS ECDSA signature is R and S side by side (RFC 7518 section 3.4), not DER; only ECDSA
      // reads this option.
      dsaEncoding: 'ieee-p1363',
    },
    signature,
  );
}

/** Checks ID token signatures against one provider's JWKS, fetched on demand and cached. */
export class IdTokenSignatureVerifier {
  /** The keys from the last JWKS fetch; each is imported once, when a token first needs it. */
  private keys: Promise<PublishedKey[]> | undefined;
  private readonly algorithms: SignatureAlgorithm[];

  /**
   * `advertised` is discovery's `id_token_signing_alg_values_supported`: the algorithms accepted
   * are those of {@link SIGNATURE_ALGORITHMS} it names (all of them when it names none).
   */
  constructor(
    private readonly jwksUri: string,
    private readonly fetchJwks: (url: string) => Promise<Response>,
    advertised?: readonly string[],
  ) {
    const allowed = SIGNATURE_ALGORITHMS.filter((alg) => advertised?.includes(alg));
    this.algorithms = allowed.length > 0 ? allowed : [...SIGNATURE_ALGORITHMS];
  }

  /** Resolves when `idToken` is signed by a key of the provider; rejects with `provider_rejected`. */
  async verify(idToken: string): Promise<void> {
    const parts = idToken.split('.');
    if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw invalid('not a signed JWT');
    const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
    const header = decodeHeader(encodedHeader);
    if (!header) throw invalid('not a signed JWT');
    const alg = this.algorithms.find((allowed) => allowed === header.alg);
    if (!alg) throw invalid(`unsupported algorithm ${typeof header.alg === 'string' ? header.alg : 'none'}`);
    // A critical extension must be understood to be accepted; this code understands none.
    if ('crit' in header) throw invalid('a critical header extension this app does not support');
    const signed = {
      check: CHECKS[alg],
      input: Buffer.from(`${encodedHeader}.${encodedPayload}`),
      signature: Buffer.from(encodedSignature, 'base64url'),
    };
    const matching = async (): Promise<PublishedKey[]> =>
      (await this.currentKeys()).filter((key) => mayHaveSigned(key.jwk, alg, header.kid));
    let candidates = await matching();
    if (candidates.length === 0) {
      // A kid we have not seen: the provider may have rotated its keys. Fetch them once more.
      this.keys = undefined;
      candidates = await matching();
      if (candidates.length === 0) throw invalid('signed with a key the provider does not publish');
    }
    // A token without kid that several keys could have signed: any one of them may have.
    for (const candidate of candidates) {
      if (candidate.imported === undefined) candidate.imported = importKey(candidate.jwk);
      if (
        candidate.imported &&
        signatureHolds(signed.check, candidate.imported, signed.input, signed.signature)
      )
        return;
    }
    throw invalid('bad signature');
  }

  private currentKeys(): Promise<PublishedKey[]> {
    this.keys ??= this.fetchKeys().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async fetchKeys(): Promise<PublishedKey[]> {
    const response = await this.fetchJwks(this.jwksUri);
    if (!response.ok) throw invalid(`the JWKS answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw invalid('the JWKS has no keys');
    // Entries that are not objects are ignored, as RFC 7517 section 5 asks of keys not understood.
    return body.keys
      .filter((jwk): jwk is Record<string, unknown> => jwk instanceof Object)
      .map((jwk) => ({ jwk }));
  }
}
