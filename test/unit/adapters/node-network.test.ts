/** The CLI's network: the certificates it trusts, and the typed errors a network causes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { nodeNetworkFetch, trustedCertificates } from '../../../main/adapters/node-network.ts';
import { issueCertificate, type IssuedCertificate } from '../../support/test-ca.ts';
import { toAuthError, type AuthError } from '../../../main/core/errors.ts';
import {
  proxyNeedsCredentials,
  proxyRefusedTunnel,
  proxyUnreachable,
  untrustedCertificate,
} from '../../../main/core/network/network-errors.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-ca-unit-')), name);
  writeFileSync(path, text);
  return path;
}

describe('trustedCertificates', () => {
  it('trusts Node’s roots, the system’s, NODE_EXTRA_CA_CERTS and the caFile setting', () => {
    const extra = file('extra.pem', `${PEM}extra`);
    const mine = file('mine.pem', `${PEM}mine`);
    const trusted = trustedCertificates(mine, { NODE_EXTRA_CA_CERTS: extra });
    expect(trusted.slice(0, rootCertificates.length)).toEqual([...rootCertificates]);
    expect(trusted.at(-2)).toBe(`${PEM}extra`);
    expect(trusted.at(-1)).toBe(`${PEM}mine`);
    if (process.platform === 'linux') expect(trusted.length).toBeGreaterThan(rootCertificates.length + 2);
  });

  it('names the caFile setting when its file cannot be read or holds no certificate', () => {
    expect(() => trustedCertificates('/nonexistent/root.pem', {})).toThrow(
      expect.objectContaining({
        code: 'invalid_settings',
        setting: 'caFile',
        message: 'The certificates file /nonexistent/root.pem (caFile) cannot be read: ENOENT.',
      }) as Error,
    );
    const notPem = file('root.der', 'binary');
    expect(() => trustedCertificates(notPem, {})).toThrow(
      `The certificates file ${notPem} (caFile) holds no PEM certificate.`,
    );
    expect(() => trustedCertificates(undefined, { NODE_EXTRA_CA_CERTS: notPem })).toThrow(
      expect.not.objectContaining({ setting: 'caFile' }) as Error,
    );
  });
});

describe('the network’s errors', () => {
  const advice = { proxyCredentials: 'Put them in HTTPS_PROXY.' };

  it('say what is wrong and what to do, never "check your internet connection"', () => {
    const errors: [AuthError, string, RegExp][] = [
      [
        proxyUnreachable('http://p:1', 'HTTPS_PROXY', 'the connection was refused', null),
        'proxy_unreachable',
        /^Could not reach the proxy http:\/\/p:1 \(from HTTPS_PROXY\): the connection was refused\. Check/,
      ],
      [
        proxyUnreachable('http://p:1', undefined, 'it did not answer', null),
        'proxy_unreachable',
        /^Could not reach the proxy http:\/\/p:1: it did not answer\./,
      ],
      [
        proxyNeedsCredentials('http://p:1', false, advice, null),
        'proxy_auth',
        /^The proxy http:\/\/p:1 requires a user name and password\. Put them in HTTPS_PROXY\.$/,
      ],
      [
        proxyNeedsCredentials('http://u:***@p:1', true, advice, null),
        'proxy_auth',
        /^The proxy http:\/\/u:\*\*\*@p:1 refused the user name and password\. Check them; Put them/,
      ],
      [
        proxyRefusedTunnel('http://p:1', 'idp:443', 403, null),
        'network',
        /^The proxy http:\/\/p:1 would not connect to idp:443 \(HTTP 403\)\./,
      ],
      [
        untrustedCertificate('idp:443', 'untrusted', 'Corp Root', null),
        'tls_untrusted',
        /^The connection to idp:443 is not trusted: its certificate was issued by "Corp Root" this computer does not trust\. A network that inspects TLS .*COGNITO_CA_FILE/,
      ],
      [
        untrustedCertificate('idp:443', 'untrusted', undefined, null),
        'tls_untrusted',
        /its certificate was issued by a certificate authority this computer does not trust\./,
      ],
      [
        untrustedCertificate('idp:443', 'expired', 'Corp Root', null),
        'tls_untrusted',
        /its certificate issued by "Corp Root" has expired or is not valid yet\. Check the computer’s date/,
      ],
      [
        untrustedCertificate('idp:443', 'wrong-host', undefined, null),
        'tls_untrusted',
        /its certificate is for another host name\./,
      ],
    ];
    for (const [error, code, message] of errors) {
      expect(error.code).toBe(code);
      expect('cause' in error).toBe(true);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/internet connection/);
    }
  });

  it('come through openid-client as they were thrown', () => {
    const typed = proxyUnreachable('http://p:1', 'HTTPS_PROXY', 'the connection was refused', null);
    const wrapped = new oidc.ClientError('something went wrong', { cause: typed });
    expect(toAuthError(wrapped)).toBe(typed);
  });
});

describe('the CLI’s certificate checks with the caFile setting', () => {
  const root = issueCertificate({
    subject: 'CLI Inspection Root',
    extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign',
    days: 2,
  });
  const stranger = issueCertificate({
    subject: 'Another Root',
    extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign',
    days: 2,
  });
  const server = (issuer: IssuedCertificate, names: string) =>
    issueCertificate({
      subject: 'server',
      extensions: `subjectAltName=${names}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth`,
      days: 1,
      issuer,
    });

  /** What the CLI's fetch makes of a server on 127.0.0.1 presenting `certificate`. */
  async function fetchFrom(certificate: IssuedCertificate): Promise<unknown> {
    const { createServer } = await import('node:https');
    const { readFileSync } = await import('node:fs');
    const { listen, closeServer } = await import('../../../main/core/loopback/http-server.ts');
    const https = createServer(
      { key: readFileSync(certificate.keyFile), cert: certificate.pem },
      (_req, res) => res.end('{}'),
    );
    const port = await listen(https, 0, '127.0.0.1');
    try {
      const fetch = nodeNetworkFetch({ caFile: root.certFile, env: {}, proxySetting: '' });
      return await fetch(`https://127.0.0.1:${port}/`).then((response) => response.status, toAuthError);
    } finally {
      await closeServer(https);
    }
  }

  it('trusts a certificate for the host from the caFile’s authority', async () => {
    await expect(fetchFrom(server(root, 'IP:127.0.0.1'))).resolves.toBe(200);
  });

  it('refuses a certificate from another authority', async () => {
    await expect(fetchFrom(server(stranger, 'IP:127.0.0.1'))).resolves.toMatchObject({
      code: 'tls_untrusted',
    });
  });

  it('refuses a certificate from the caFile’s authority for another host', async () => {
    await expect(fetchFrom(server(root, 'DNS:intranet.corp'))).resolves.toMatchObject({
      code: 'tls_untrusted',
      message: expect.stringContaining('another host name') as string,
    });
  });
});
