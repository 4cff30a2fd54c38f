/**
 * Verifies the signature of ID tokens against the provider's JWKS.
 *
 * openid-client checks an ID token's claims (issuer, audience, expiry, nonce) but, as OpenID Connect
 * allows for tokens received over TLS from the token endpoint, not its signature. We check it too,
 * with jose (openid-client's own JOSE library) and the keys from `jwks_uri`: every asymmetric
 * algorithm the provider advertises (RS*, PS*, ES*, EdDSA), never `none` or a shared-secret HS*.
 * A token signed with a `kid` we have not seen makes us fetch the JWKS again at once, so a key
 * rotation at the provider never fails a sign-in. Signature checks are a maintained library's job:
 * this module only chooses the algorithms and keys jose is given, and words its refusals.
 */
import type * as Jose from 'jose';
import { AuthError } from '../errors.ts';
import { t } from '../i18n.ts';
import { loadOnce } from '../load-once.ts';

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

type KeySet = ReturnType<typeof Jose.createLocalJWKSet>;

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

/** Loaded on first use: a command that only reads a valid session never verifies a token. */
const loadJose: () => Promise<typeof Jose> = loadOnce(() => import('jose'));

/** Checks ID token signatures against one provider's JWKS, fetched on demand and cached. */
export class IdTokenSignatureVerifier {
  /** The key set from the last JWKS fetch; it keeps each key imported once. */
  private keySet: Promise<KeySet> | undefined;
  private readonly algorithms: string[];

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
    const header = parts[0] ? decodeHeader(parts[0]) : undefined;
    // More than three parts (a JWE, say) gets past here; jose refuses it as not compact JWS.
    if (!header || !parts[1] || !parts[2]) throw invalid('not a signed JWT');
    const alg = typeof header.alg === 'string' ? header.alg : 'none';
    if (!this.algorithms.includes(alg)) throw invalid(`unsupported algorithm ${alg}`);
    // A critical extension must be understood to be accepted (RFC 7515 section 4.1.11); this app
    // understands none, whatever jose might.
    if ('crit' in header) throw invalid('a critical header extension this app does not support');
    const jose = await loadJose();
    try {
      await this.verifyWith(jose, idToken, await this.currentKeys(jose));
    } catch (error) {
      if ((error as Jose.errors.JOSEError).code !== 'ERR_JWKS_NO_MATCHING_KEY') throw mapped(error);
      // A kid we have not seen: the provider may have rotated its keys. Fetch them once more.
      this.keySet = undefined;
      await this.verifyWith(jose, idToken, await this.currentKeys(jose)).catch((again: unknown) => {
        throw mapped(again);
      });
    }
  }

  /** One check against `keys`; a token without `kid` that several keys could have signed tries each. */
  private async verifyWith(jose: typeof Jose, token: string, keys: KeySet): Promise<void> {
    const options = { algorithms: this.algorithms };
    try {
      await jose.compactVerify(token, keys, options);
    } catch (error) {
      if (!(error instanceof jose.errors.JWKSMultipleMatchingKeys)) throw error;
      for await (const key of error as unknown as AsyncIterable<Jose.CryptoKey>) {
        try {
          await jose.compactVerify(token, key, options);
          return;
        } catch {
          // Not this key: try the next.
        }
      }
      throw new jose.errors.JWSSignatureVerificationFailed();
    }
  }

  private currentKeys(jose: typeof Jose): Promise<KeySet> {
    this.keySet ??= this.fetchKeys(jose).catch((error: unknown) => {
      this.keySet = undefined;
      throw error;
    });
    return this.keySet;
  }

  private async fetchKeys(jose: typeof Jose): Promise<KeySet> {
    const response = await this.fetchJwks(this.jwksUri);
    if (!response.ok) throw invalid(`the JWKS answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw invalid('the JWKS has no keys');
    // Entries that are not objects are ignored, as RFC 7517 section 5 asks of keys not understood.
    const keys = body.keys.filter((jwk): jwk is Jose.JWK => jwk instanceof Object && !Array.isArray(jwk));
    return jose.createLocalJWKSet({ keys });
  }
}

/** jose's refusals, as the user reads them. */
function mapped(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') return invalid('signed with a key the provider does not publish');
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return invalid('bad signature');
  // The algorithm was checked before: what else jose refuses is not a compact JWS.
  return invalid('not a signed JWT');
}
