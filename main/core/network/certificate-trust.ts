/**
 * Whether a certificate chain a server presented may be trusted for a host because it ends at one
 * of the certificate authorities of the `caFile` setting. The app asks this only of chains Chromium
 * refused for an unknown authority (Chromium's own store is the OS's): a TLS-inspecting proxy's
 * root is then trusted for this app alone, as the CLI does through Node's own checks.
 *
 * Chromium reports one error per chain, "unknown authority" before "wrong host" or "expired"
 * (its most serious first), so a chain it refused as unknown was never checked for the rest. This
 * module makes those checks itself, as RFC 5280 and the CA/Browser Forum's rules ask of a path:
 * the leaf names the host and is within its dates, every issuer is a CA (within its path length)
 * allowed to sign certificates and within its dates, each link is signed by the next, and a leaf
 * that limits its use allows server authentication. The certificates' extensions are read with a
 * maintained ASN.1 library; signatures, issuer names, the issuer's key usage (OpenSSL's
 * `X509_check_issued` refuses an issuer whose key usage lacks certificate signing), host names and
 * dates through Node's `X509Certificate`.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  anyExtendedKeyUsage,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_kp_serverAuth,
} from '@peculiar/asn1-x509';

/** The certificates in a PEM bundle. */
export function certificatesIn(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** What a certificate's extensions say of its use: absent extensions allow everything they govern. */
interface Uses {
  /** basicConstraints cA. */
  ca: boolean;
  /** basicConstraints pathLenConstraint: how many CA certificates may follow below it. */
  pathLength: number | undefined;
  /** extendedKeyUsage allows serverAuth (or anything), or the certificate has none. */
  serverAuth: boolean;
}

function usesOf(certificate: X509Certificate): Uses {
  const extensions = AsnConvert.parse(certificate.raw, Certificate).tbsCertificate.extensions ?? [];
  const extension = (id: string) => extensions.find((e) => e.extnID === id)?.extnValue.buffer;
  const constraints = extension(id_ce_basicConstraints);
  const extendedKeyUsage = extension(id_ce_extKeyUsage);
  const basic = constraints ? AsnConvert.parse(constraints, BasicConstraints) : undefined;
  const purposes = extendedKeyUsage ? AsnConvert.parse(extendedKeyUsage, ExtendedKeyUsage) : undefined;
  return {
    ca: basic?.cA === true,
    pathLength: basic?.pathLenConstraint,
    serverAuth: !purposes || purposes.some((p) => p === id_kp_serverAuth || p === anyExtendedKeyUsage),
  };
}

/**
 * True when `chain` (leaf first, as PEM) may be trusted for `host` (a name or an IP address):
 * every certificate in it is signed by the next and within its dates, the leaf names `host` and
 * allows server authentication, every issuer is a CA allowed to sign certificates (within its
 * path length), and the chain's last certificate is one of `authorities` or issued by one. A leaf
 * that is itself one of `authorities` (a pinned server certificate) must still name `host`.
 */
export function chainTrustedFor(
  host: string,
  chain: string[],
  authorities: X509Certificate[],
  now = new Date(),
): boolean {
  try {
    const certificates = chain.map((pem) => new X509Certificate(pem));
    const [leaf] = certificates;
    if (!leaf || !names(leaf, host) || !usesOf(leaf).serverAuth) return false;
    const top = certificates.at(-1)!;
    if (authorities.some((ca) => ca.fingerprint256 === top.fingerprint256))
      return validPath(certificates, now);
    return authorities.some((ca) => issuedBy(top, ca) && validPath([...certificates, ca], now));
  } catch {
    // A certificate that cannot be parsed is not one to trust.
    return false;
  }
}

/** Each certificate of `path` (leaf first) within its dates and signed by the next; each issuer a CA. */
function validPath(path: X509Certificate[], now: Date): boolean {
  return path.every((certificate, i) => {
    if (!validAt(certificate, now)) return false;
    const issuer = path[i + 1];
    if (issuer && !issuedBy(certificate, issuer)) return false;
    if (i === 0) return true;
    const uses = usesOf(certificate);
    // i − 1 CA certificates stand between this issuer and the leaf.
    const withinPath = uses.pathLength === undefined || i - 1 <= uses.pathLength;
    return uses.ca && withinPath;
  });
}

/**
 * The leaf names `host` (as Chromium gives it: an IPv6 address without brackets) in its DNS or IP
 * subject alternative names, as Chromium requires: never by its subject's common name.
 */
function names(leaf: X509Certificate, host: string): boolean {
  if (isIP(host)) return leaf.checkIP(host) !== undefined;
  return leaf.checkHost(host, { subject: 'never' }) !== undefined;
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

function validAt(certificate: X509Certificate, now: Date): boolean {
  // Stryker disable next-line EqualityOperator: the very millisecond of a validity bound is not testable.
  return new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);
}
