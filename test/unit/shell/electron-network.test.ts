/**
 * The app's network adapter over a stand-in for Electron's session: the proxy configuration it
 * asks Chromium for, the certificates it trusts besides the OS's, and the typed errors for
 * Chromium's `net::ERR_…` failures.
 */
import { describe, expect, it } from 'vitest';
import { certificatesIn, chainTrustedFor } from '../../../main/core/network/certificate-trust.ts';
import { fromChromiumNetError } from '../../../main/core/network/network-errors.ts';
import {
  describeChromiumRoute,
  electronNetwork,
  type NetworkSession,
} from '../../../main/shell/electron-network.ts';
import { issueCertificate, makeTestCa, type TestCa } from '../../support/test-ca.ts';

const SETTINGS = { proxy: '', caFile: '' };
const advice = { proxyCredentials: 'Sign in when asked.' };

/** A session that records what it was asked, and answers fetches with `answer`. */
function standInSession(answer: () => Promise<Response> = () => Promise.resolve(new Response('{}'))) {
  const record = {
    proxies: [] as unknown[],
    fetches: [] as { url: string; init: Record<string, unknown> }[],
    verify: undefined as
      | ((request: { errorCode: number; certificate: unknown }, callback: (result: number) => void) => void)
      | null
      | undefined,
  };
  const session = {
    fetch: (url: string, init: Record<string, unknown>) => {
      record.fetches.push({ url, init });
      return answer();
    },
    setProxy: (config: unknown) => {
      record.proxies.push(config);
      return Promise.resolve();
    },
    resolveProxy: () => Promise.resolve('PROXY proxy.corp:3128; DIRECT'),
    setCertificateVerifyProc: (proc: typeof record.verify) => {
      record.verify = proc;
    },
  } as unknown as NetworkSession;
  return { session, record };
}

describe('electronNetwork', () => {
  it('follows the system’s proxy unless the setting names one, or says direct', async () => {
    const { session, record } = standInSession();
    await electronNetwork(session)(SETTINGS).fetch('https://idp.example/x');
    electronNetwork(session)({ ...SETTINGS, proxy: 'direct' });
    electronNetwork(session)({ ...SETTINGS, proxy: 'proxy.corp:3128' });
    electronNetwork(session)({ ...SETTINGS, proxy: 'https://secure.corp:443' });
    expect(record.proxies).toEqual([
      { mode: 'system' },
      { mode: 'direct' },
      { mode: 'fixed_servers', proxyRules: 'proxy.corp:3128', proxyBypassRules: '<local>' },
      { mode: 'fixed_servers', proxyRules: 'https://secure.corp', proxyBypassRules: '<local>' },
    ]);
  });

  it('sends every request through the session, never to the app’s own protocol handlers', async () => {
    const { session, record } = standInSession();
    const network = electronNetwork(session)(SETTINGS);
    await network.fetch('https://idp.example/token', { method: 'POST', body: 'a=b' });
    expect(record.fetches).toEqual([
      {
        url: 'https://idp.example/token',
        init: { method: 'POST', body: 'a=b', bypassCustomProtocolHandlers: true },
      },
    ]);
    await expect(network.routeOf(new URL('https://idp.example/'))).resolves.toBe(
      'through http://proxy.corp:3128 (from the system’s proxy settings)',
    );
  });

  it('turns Chromium’s failures into the typed errors, naming the proxy the setting gave', async () => {
    const failing = (message: string) =>
      electronNetwork(standInSession(() => Promise.reject(new Error(message))).session, {
        probeIssuer: () => Promise.resolve(undefined),
      })({
        ...SETTINGS,
        proxy: 'http://proxy.corp:3128',
      });
    await expect(
      failing('net::ERR_PROXY_CONNECTION_FAILED').fetch('https://idp.example/'),
    ).rejects.toMatchObject({
      code: 'proxy_unreachable',
      message: expect.stringContaining(
        'Could not reach the proxy http://proxy.corp:3128 (from proxy setting)',
      ) as string,
    });
    await expect(
      failing('net::ERR_CERT_AUTHORITY_INVALID').fetch('https://idp.example/'),
    ).rejects.toMatchObject({
      code: 'tls_untrusted',
      message: expect.stringContaining('The connection to idp.example is not trusted') as string,
    });
    const strange = new Error('not a network error');
    await expect(failing(strange.message).fetch('https://idp.example/')).rejects.toThrow(
      'not a network error',
    );
  });
});

describe('fromChromiumNetError', () => {
  it.each([
    ['net::ERR_CERT_DATE_INVALID', 'tls_untrusted', /has expired or is not valid yet/],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls_untrusted', /is for another host name/],
    [
      'net::ERR_TUNNEL_CONNECTION_FAILED',
      'proxy_unreachable',
      /proxy set in the system’s settings: Chromium says ERR_TUNNEL/,
    ],
    [
      'net::ERR_PROXY_AUTH_REQUESTED',
      'proxy_auth',
      /requires a user name and password\. Sign in when asked\./,
    ],
    ['net::ERR_INVALID_AUTH_CREDENTIALS', 'proxy_auth', /refused the user name and password/],
    [
      'net::ERR_INTERNET_DISCONNECTED',
      'network',
      /^Could not reach the provider: this computer is offline \(ERR_INTERNET_DISCONNECTED\)\. Check your internet connection/,
    ],
    [
      'net::ERR_CONNECTION_REFUSED',
      'network',
      /^Could not reach the provider: nothing answers at idp\.example \(ERR_CONNECTION_REFUSED\)\. Check that the provider is running/,
    ],
    [
      'net::ERR_NAME_NOT_RESOLVED',
      'network',
      /^Could not reach the provider: the name idp\.example was not found \(ERR_NAME_NOT_RESOLVED\)\. Check the discovery URL’s host name/,
    ],
    [
      'net::ERR_CONNECTION_TIMED_OUT',
      'network',
      /\(ERR_CONNECTION_TIMED_OUT\)\. Check your internet connection/,
    ],
    [
      'net::ERR_CONNECTION_RESET',
      'network',
      /^Could not reach the provider \(ERR_CONNECTION_RESET\)\. Check your internet/,
    ],
    ['net::ERR_CERT_INVALID', 'tls_untrusted', /this computer does not trust/],
    ['net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM', 'tls_untrusted', /this computer does not trust/],
    [
      'net::ERR_PROXY_CERTIFICATE_INVALID',
      'proxy_unreachable',
      /Chromium says ERR_PROXY_CERTIFICATE_INVALID/,
    ],
    ['net::ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'proxy_unreachable', /Could not reach the proxy/],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'proxy_auth', /requires a user name and password/],
  ])('%s → %s', (message, code, text) => {
    const cause = new Error(message);
    const error = fromChromiumNetError(cause, 'idp.example', undefined, advice);
    expect(error?.cause).toBe(cause);
    expect(error?.code).toBe(code);
    expect(error?.message).toMatch(text);
  });

  it('leaves other errors alone', () => {
    expect(fromChromiumNetError(new Error('boom'), 'idp.example', undefined, advice)).toBeUndefined();
  });
});

describe('describeChromiumRoute', () => {
  it.each([
    ['DIRECT', false, 'direct (the system’s proxy settings)'],
    ['', true, 'direct (the proxy setting)'],
    ['PROXY p:3128', true, 'through http://p:3128 (from the proxy setting)'],
    ['HTTPS p:443; DIRECT', false, 'through https://p:443 (from the system’s proxy settings)'],
    ['SOCKS5 s:1080', false, 'through socks://s:1080 (from the system’s proxy settings)'],
  ])('%s', (answer, fromSetting, said) => {
    expect(describeChromiumRoute(answer, fromSetting)).toBe(said);
  });
});

describe('trusting the caFile setting’s authorities', () => {
  const ca: TestCa = makeTestCa(['idp.test']);
  const other: TestCa = makeTestCa(['idp.test']);

  it('accepts a chain that ends at one of them for the host asked, and only that', () => {
    const authorities = certificatesIn(ca.caPem);
    expect(authorities).toHaveLength(1);
    expect(chainTrustedFor('idp.test', [ca.cert], authorities)).toBe(true);
    expect(chainTrustedFor('idp.test', [ca.cert, ca.caPem], authorities)).toBe(true);
    expect(chainTrustedFor('127.0.0.1', [ca.cert], authorities)).toBe(true);
    expect(chainTrustedFor('::1', [ca.cert], authorities)).toBe(false);
    expect(certificatesIn('no certificate here')).toEqual([]);
    expect(chainTrustedFor('idp.test', [other.cert], authorities)).toBe(false);
    // A chain whose links do not sign each other is refused even if it ends at the authority.
    expect(chainTrustedFor('idp.test', [other.cert, ca.caPem], authorities)).toBe(false);
    expect(chainTrustedFor('idp.test', [], authorities)).toBe(false);
    expect(chainTrustedFor('idp.test', ['not a certificate'], authorities)).toBe(false);
    // Any one of several authorities will do; a server certificate itself may be pinned.
    expect(chainTrustedFor('idp.test', [ca.cert], [...certificatesIn(other.caPem), ...authorities])).toBe(
      true,
    );
    expect(chainTrustedFor('idp.test', [ca.cert], certificatesIn(ca.cert))).toBe(true);
    expect(chainTrustedFor('idp.other', [ca.cert], certificatesIn(ca.cert))).toBe(false);
    expect(chainTrustedFor('idp.test', [other.cert], certificatesIn(ca.cert))).toBe(false);
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect(chainTrustedFor('idp.test', [ca.cert], authorities, later)).toBe(false);
  });

  describe('forged chains an attacker holding a certificate from the trusted CA would try', () => {
    const root = issueCertificate({
      subject: 'Inspection Root',
      extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign',
      days: 40,
    });
    const authorities = certificatesIn(root.pem);
    const serverExtensions = (host: string, eku = 'serverAuth'): string =>
      `subjectAltName=DNS:${host}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=${eku}`;
    const intermediate = (extensions: string, days = 30) =>
      issueCertificate({ subject: 'Inspection Intermediate', extensions, days, issuer: root });
    const goodIntermediate = intermediate('basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign');
    const leafUnder = (issuer: ReturnType<typeof intermediate>, host = 'idp.test', eku?: string) =>
      issueCertificate({ subject: host, extensions: serverExtensions(host, eku), days: 20, issuer });
    const intranet = leafUnder(root, 'intranet.corp');

    it.each([
      [
        'a chain through a proper intermediate',
        () => [leafUnder(goodIntermediate).pem, goodIntermediate.pem],
        true,
      ],
      ['a valid certificate for another host', () => [intranet.pem], false],
      [
        'a leaf-signed forgery (the intranet server’s certificate as issuer)',
        () => [leafUnder(intranet).pem, intranet.pem],
        false,
      ],
      [
        'a CA without certificate-signing use',
        () => {
          const noSigning = intermediate(
            'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature',
          );
          return [leafUnder(noSigning).pem, noSigning.pem];
        },
        false,
      ],
      [
        'an intermediate beyond its issuer’s path length',
        () => {
          const limited = intermediate(
            'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign',
          );
          const below = issueCertificate({
            subject: 'Below',
            extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign',
            days: 30,
            issuer: limited,
          });
          return [leafUnder(below).pem, below.pem, limited.pem];
        },
        false,
      ],
      ['a leaf for client authentication only', () => [leafUnder(root, 'idp.test', 'clientAuth').pem], false],
    ])('%s → trusted: %s', (_name, chain, trusted) => {
      expect(chainTrustedFor('idp.test', chain(), authorities)).toBe(trusted);
    });

    it.each([
      [
        'a leaf with no basic constraints at all',
        () =>
          issueCertificate({
            subject: 'idp.test',
            extensions: 'subjectAltName=DNS:idp.test',
            days: 5,
            issuer: root,
          }),
        true,
      ],
      [
        'a leaf for server and client authentication',
        () => leafUnder(root, 'idp.test', 'serverAuth,clientAuth'),
        true,
      ],
      ['a leaf for any purpose', () => leafUnder(root, 'idp.test', 'anyExtendedKeyUsage'), true],
      [
        'a leaf naming the host only in its common name',
        () =>
          issueCertificate({
            subject: 'idp.test',
            extensions: 'basicConstraints=CA:FALSE',
            days: 5,
            issuer: root,
          }),
        false,
      ],
      [
        'a leaf for the IPv6 loopback, asked by address',
        () => issueCertificate({ subject: 'v6', extensions: 'subjectAltName=IP:::1', days: 5, issuer: root }),
        true,
      ],
    ])('%s → trusted: %s', (name, leaf, trusted) => {
      const host = name.includes('IPv6') ? '::1' : 'idp.test';
      expect(chainTrustedFor(host, [leaf().pem], authorities)).toBe(trusted);
    });

    it('takes an intermediate whose path length is 0 signing the leaf itself', () => {
      const limited = intermediate(
        'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign',
      );
      expect(chainTrustedFor('idp.test', [leafUnder(limited).pem, limited.pem], authorities)).toBe(true);
    });

    it('refuses a chain whose issuer only has the trusted root’s name (an impostor’s key signed it)', () => {
      const impostor = issueCertificate({
        subject: 'Inspection Root',
        extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign',
        days: 40,
      });
      expect(chainTrustedFor('idp.test', [leafUnder(impostor).pem], authorities)).toBe(false);
      expect(chainTrustedFor('idp.test', [leafUnder(impostor).pem, impostor.pem], authorities)).toBe(false);
    });

    it('refuses an issuer that is no CA at all (no basic constraints), even at the top', () => {
      const plain = issueCertificate({
        subject: 'Plain',
        extensions: 'subjectAltName=DNS:plain.test',
        days: 30,
        issuer: root,
      });
      expect(chainTrustedFor('idp.test', [leafUnder(plain).pem, plain.pem], authorities)).toBe(false);
    });

    it('refuses a leaf not valid yet, and pins a leaf among other authorities', () => {
      const leaf = leafUnder(root);
      expect(chainTrustedFor('idp.test', [leaf.pem], authorities, new Date(Date.now() - 86_400_000))).toBe(
        false,
      );
      const others = certificatesIn(makeTestCa(['x.test']).caPem);
      expect(chainTrustedFor('idp.test', [leaf.pem], [...others, ...certificatesIn(leaf.pem)])).toBe(true);
    });

    it('refuses an expired intermediate, though the leaf and the root are still valid', () => {
      const shortLived = intermediate('basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign', 1);
      const chain = [leafUnder(shortLived).pem, shortLived.pem];
      expect(chainTrustedFor('idp.test', chain, authorities)).toBe(true);
      expect(chainTrustedFor('idp.test', chain, authorities, new Date(Date.now() + 3 * 86_400_000))).toBe(
        false,
      );
    });

    it('through the app’s network adapter: only Chromium’s “unknown authority” is overturned, and only for a valid chain', async () => {
      const { writeFileSync, mkdtempSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const caFile = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-cafile-')), 'root.pem');
      writeFileSync(caFile, root.pem);
      // A minute on: the certificates made below are valid from the second they were made.
      let at = new Date(Date.now() + 60_000);
      const { session, record } = standInSession();
      electronNetwork(session, { now: () => at })({ proxy: '', caFile });
      const verdict = (hostname: string, errorCode: number, pems: string[]): number => {
        let result = NaN;
        const certificate = pems.reduceRight<unknown>(
          (issuerCert, data) => ({ data, issuerCert }),
          undefined,
        );
        record.verify!({ hostname, errorCode, certificate } as never, (r) => (result = r));
        return result;
      };
      const good = [leafUnder(goodIntermediate).pem, goodIntermediate.pem];
      expect(verdict('idp.test', -202, good)).toBe(0);
      expect(verdict('evil.test', -202, good)).toBe(-3);
      expect(verdict('intranet.corp', -202, [intranet.pem])).toBe(0);
      expect(verdict('idp.test', -202, [intranet.pem])).toBe(-3);
      expect(verdict('idp.test', -202, [leafUnder(intranet).pem, intranet.pem])).toBe(-3);
      // Chromium's other objections stand, even for a chain that ends at the caFile.
      expect(verdict('idp.test', -200, good)).toBe(-3);
      expect(verdict('idp.test', -201, good)).toBe(-3);
      const shortLived = intermediate('basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign', 1);
      const expiring = [leafUnder(shortLived).pem, shortLived.pem];
      expect(verdict('idp.test', -202, expiring)).toBe(0);
      at = new Date(Date.now() + 3 * 86_400_000);
      expect(verdict('idp.test', -202, expiring)).toBe(-3);
    });
  });

  it('names the issuer of a certificate Chromium refused, asking the server itself', async () => {
    const { createServer } = await import('node:https');
    const { listen, closeServer } = await import('../../../main/core/loopback/http-server.ts');
    const server = createServer({ key: ca.key, cert: ca.cert }, (_req, res) => res.end('{}'));
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const { session } = standInSession(() => Promise.reject(new Error('net::ERR_CERT_AUTHORITY_INVALID')));
      Object.assign(session, { resolveProxy: () => Promise.resolve('DIRECT') });
      await expect(
        electronNetwork(session)(SETTINGS).fetch(`https://127.0.0.1:${port}/`),
      ).rejects.toMatchObject({
        code: 'tls_untrusted',
        message: expect.stringContaining(`its certificate was issued by "${ca.rootName}`) as string,
      });
    } finally {
      await closeServer(server);
    }
  });

  it('lets Chromium decide what it verified itself, and trusts what ends at the caFile', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const caFile = join(mkdtempSync(join(tmpdir(), 'cognito-desktop-cafile-')), 'root.pem');
    writeFileSync(caFile, ca.caPem);
    const { session, record } = standInSession();
    electronNetwork(session)({ proxy: '', caFile });
    const verdict = (errorCode: number, pems: string[]): number => {
      let result = NaN;
      const certificate = pems.reduceRight<unknown>((issuerCert, data) => ({ data, issuerCert }), undefined);
      record.verify!({ hostname: 'idp.test', errorCode, certificate } as never, (r) => (result = r));
      return result;
    };
    expect(verdict(0, [other.cert])).toBe(-3);
    expect(verdict(-202, [ca.cert, ca.caPem])).toBe(0);
    expect(verdict(-202, [other.cert])).toBe(-3);
    electronNetwork(session)(SETTINGS);
    expect(record.verify).toBeNull();
    expect(() => electronNetwork(session)({ proxy: '', caFile: '/nonexistent.pem' })).toThrow(
      expect.objectContaining({ code: 'invalid_settings', setting: 'caFile' }) as Error,
    );
  });
});
