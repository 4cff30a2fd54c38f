/**
 * Whether a certificate chain a server presented ends at one of the certificate authorities of the
 * `caFile` setting. The app asks this of chains Chromium did not trust (Chromium's own store is the
 * OS's), so a TLS-inspecting proxy's root can be trusted for this app alone, as the CLI does.
 */
import { X509Certificate } from 'node:crypto';

/** The certificates in a PEM bundle. */
export function certificatesIn(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/**
 * True when every certificate of `chain` (leaf first, as PEM) is signed by the next, the leaf is
 * valid now, and the last is one of `authorities` or signed by one of them.
 */
export function chainEndsAt(chain: string[], authorities: X509Certificate[], now = new Date()): boolean {
  const certificates = chain.map((pem) => new X509Certificate(pem));
  const [leaf] = certificates;
  if (!leaf || !validAt(leaf, now)) return false;
  for (let i = 0; i + 1 < certificates.length; i++) {
    if (!issuedBy(certificates[i]!, certificates[i + 1]!)) return false;
  }
  const top = certificates.at(-1)!;
  return authorities.some((ca) => ca.fingerprint256 === top.fingerprint256 || (ca.ca && issuedBy(top, ca)));
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

function validAt(certificate: X509Certificate, now: Date): boolean {
  // Stryker disable next-line EqualityOperator: the very millisecond of a validity bound is not testable.
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}
