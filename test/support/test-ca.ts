/**
 * A certificate authority made for one test run with the OS's `openssl`: what a TLS-inspecting
 * proxy presents (a root nobody trusts until told to), and a server certificate it issued.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCa {
  /** The root's name, as an error should show it. */
  rootName: string;
  /** The root certificate, PEM, and the file that holds it (what `caFile` points at). */
  caPem: string;
  caFile: string;
  /** The server's key and certificate (for `hostnames`, 127.0.0.1 and localhost). */
  key: string;
  cert: string;
}

export const TEST_ROOT_NAME = 'Test TLS Inspection Root';

export function makeTestCa(hostnames: string[]): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-ca-'));
  const at = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-subj',
    `/CN=${TEST_ROOT_NAME}/O=Example Corp`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
    '-subj',
    `/CN=${hostnames[0]}`,
  );
  const names = [...hostnames.map((h) => `DNS:${h}`), 'DNS:localhost', 'IP:127.0.0.1'];
  writeFileSync(
    at('server.ext'),
    `subjectAltName=${names.join(',')}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    at('server.pem'),
    '-extfile',
    at('server.ext'),
  );
  return {
    rootName: TEST_ROOT_NAME,
    caPem: readFileSync(at('ca.pem'), 'utf8'),
    caFile: at('ca.pem'),
    key: readFileSync(at('server.key'), 'utf8'),
    cert: readFileSync(at('server.pem'), 'utf8'),
  };
}

/** A certificate made by {@link issueCertificate}: its PEM and the files of it and its key. */
export interface IssuedCertificate {
  pem: string;
  certFile: string;
  keyFile: string;
}

/**
 * A certificate with the given subject, extensions (openssl's `-extfile` lines) and lifetime, signed
 * by `issuer` (self-signed without one): the pieces of the forged chains an attacker would try.
 */
export function issueCertificate(options: {
  subject: string;
  extensions: string;
  days: number;
  issuer?: IssuedCertificate;
}): IssuedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-desktop-cert-'));
  const at = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  writeFileSync(at('ext'), `${options.extensions}\n`);
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', at('key.pem'));
  openssl('req', '-new', '-key', at('key.pem'), '-out', at('csr.pem'), '-subj', `/CN=${options.subject}`);
  const signer = options.issuer
    ? ['-CA', options.issuer.certFile, '-CAkey', options.issuer.keyFile, '-CAcreateserial']
    : ['-key', at('key.pem')];
  openssl(
    'x509',
    '-req',
    '-in',
    at('csr.pem'),
    ...signer,
    '-days',
    String(options.days),
    '-out',
    at('cert.pem'),
    '-extfile',
    at('ext'),
  );
  return { pem: readFileSync(at('cert.pem'), 'utf8'), certFile: at('cert.pem'), keyFile: at('key.pem') };
}
