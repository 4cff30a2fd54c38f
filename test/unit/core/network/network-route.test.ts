/** Which proxy a provider request takes: the setting, the environment, NO_PROXY, loopback. */
import { describe, expect, it } from 'vitest';
import {
  bypasses,
  describeProxy,
  describeRoute,
  parseProxyUrl,
  routeFor,
  type RouteConfig,
} from '../../../../main/core/network/network-route.ts';

const IDP = new URL('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X');
const route = (url: URL | string, config: RouteConfig) => {
  const { proxy, source, decidedBy } = routeFor(new URL(url), config);
  return { proxy: proxy?.href, source, decidedBy };
};

describe('routeFor', () => {
  it('takes HTTPS_PROXY for https and HTTP_PROXY for http, then ALL_PROXY; lower case first', () => {
    const env = {
      HTTPS_PROXY: 'http://secure:3128',
      HTTP_PROXY: 'http://plain:3128',
      ALL_PROXY: 'http://all:1',
    };
    expect(route(IDP, { env })).toEqual({
      proxy: 'http://secure:3128/',
      source: 'environment',
      decidedBy: 'HTTPS_PROXY',
    });
    expect(route('http://idp.example/x', { env })).toMatchObject({
      proxy: 'http://plain:3128/',
      decidedBy: 'HTTP_PROXY',
    });
    expect(route(IDP, { env: { ALL_PROXY: 'http://all:1' } })).toMatchObject({ decidedBy: 'ALL_PROXY' });
    expect(
      route(IDP, { env: { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' } }),
    ).toMatchObject({
      proxy: 'http://lower:1/',
      decidedBy: 'https_proxy',
    });
    expect(route(IDP, { env: { HTTPS_PROXY: '  ' } })).toEqual({ source: 'none' });
  });

  it('lets the proxy setting win over the environment, and direct mean none', () => {
    const env = { HTTPS_PROXY: 'http://env:3128' };
    expect(route(IDP, { env, proxySetting: 'http://setting:8080' })).toEqual({
      proxy: 'http://setting:8080/',
      source: 'setting',
      decidedBy: 'proxy setting',
    });
    expect(route(IDP, { env, proxySetting: 'direct' })).toEqual({
      source: 'none',
      decidedBy: 'proxy setting',
    });
    expect(route(IDP, { env, proxySetting: ' direct ' })).toEqual({
      source: 'none',
      decidedBy: 'proxy setting',
    });
    expect(route(IDP, { env, proxySetting: '' })).toMatchObject({ source: 'environment' });
  });

  it('never sends this computer’s own addresses through a proxy', () => {
    const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', ALL_PROXY: 'http://p:1' };
    for (const url of [
      'http://127.0.0.1:4000/',
      'http://localhost:4000/',
      'http://[::1]:4000/',
      'https://127.9.9.9/',
    ])
      expect(route(url, { env, proxySetting: 'http://q:2' })).toEqual({ source: 'loopback' });
  });

  it('keeps the hosts NO_PROXY lists direct', () => {
    const env = {
      HTTPS_PROXY: 'http://p:1',
      NO_PROXY: 'example.com, .corp.internal *.svc 10.0.0.0/8 idp.test:8443',
    };
    expect(route('https://example.com/', { env })).toEqual({ source: 'no_proxy', decidedBy: 'NO_PROXY' });
    expect(route('https://a.b.example.com/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://notexample.com/', { env })).toMatchObject({ source: 'environment' });
    expect(route('https://x.corp.internal/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://corp.internal/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://api.svc/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://10.20.30.40/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://11.0.0.1/', { env })).toMatchObject({ source: 'environment' });
    expect(route('https://idp.test:8443/', { env })).toMatchObject({ source: 'no_proxy' });
    expect(route('https://idp.test/', { env })).toMatchObject({ source: 'environment' });
    // NO_PROXY applies to the setting's proxy too: it lists hosts, whoever named the proxy.
    expect(
      route('https://example.com/', { env: { no_proxy: 'example.com' }, proxySetting: 'http://s:1' }),
    ).toEqual({
      source: 'no_proxy',
      decidedBy: 'no_proxy',
    });
  });
});

describe('bypasses', () => {
  it.each([
    ['*', 'https://anything.example/', true],
    ['EXAMPLE.com', 'https://Example.COM/', true],
    ['example.com:443', 'https://example.com/', true],
    ['example.com:80', 'https://example.com/', false],
    ['example.com:80', 'http://example.com/', true],
    ['10.0.0.0/33', 'https://10.0.0.1/', false],
    ['10.0.0.0/0', 'https://200.1.1.1/', true],
    ['192.168.1.0/24', 'https://192.168.1.77/', true],
    ['192.168.1.0/24', 'https://192.168.2.1/', false],
    ['192.168.1.0/24', 'https://example.com/', false],
    ['', 'https://example.com/', false],
    // Addresses and ranges that are not IPv4 match nothing, even with a mask that would.
    ['0.0.0.0/8', 'https://example.com/', false],
    ['not-an-ip/8', 'https://0.0.0.1/', false],
    ['10.0.0.0/x', 'https://10.0.0.0/', false],
    ['10.0.0.0/-1', 'https://10.0.0.0/', false],
    ['10.0.0.1/32', 'https://10.0.0.1/', true],
    ['0.0.10/8', 'https://0.1.1.1/', false],
    ['256.0.0.0/0', 'https://1.1.1.1/', false],
    ['255.0.0.0/8', 'https://255.1.1.1/', true],
    ['a1.0.0.0/0', 'https://1.1.1.1/', false],
    ['1a.0.0.0/0', 'https://1.1.1.1/', false],
    ['1.0.0.0.0/0', 'https://1.1.1.1/', false],
    // IPv6: bare (its colons are no port), or in brackets with or without a port.
    ['2001:db8::1', 'https://[2001:db8::1]/', true],
    ['[2001:db8::1]', 'https://[2001:db8::1]:8443/', true],
    ['[2001:db8::1]:443', 'https://[2001:db8::1]/', true],
    ['[2001:db8::1]:80', 'https://[2001:db8::1]/', false],
    ['2001:db8::2', 'https://[2001:db8::1]/', false],
    // A port that is not a number leaves the entry one name, which matches no host.
    ['example.com:abc', 'https://example.com/', false],
    ['example.com:443:1', 'https://example.com/', false],
  ])('NO_PROXY=%s for %s: %s', (list, url, expected) => {
    expect(bypasses(new URL(url), list)).toBe(expected);
  });
});

describe('describing a route', () => {
  it('reads a proxy URL with or without its scheme, and never shows its password', () => {
    expect(parseProxyUrl('proxy.corp:3128').href).toBe('http://proxy.corp:3128/');
    expect(parseProxyUrl('https://proxy.corp').href).toBe('https://proxy.corp/');
    expect(describeProxy(new URL('http://bob:hunter2@proxy:3128'))).toBe('http://bob:***@proxy:3128');
    expect(describeProxy(new URL('http://bob@proxy:3128'))).toBe('http://bob@proxy:3128');
    expect(describeProxy(new URL('http://proxy:3128'))).toBe('http://proxy:3128');
  });

  it('says where the route came from', () => {
    expect(describeRoute(routeFor(IDP, { env: { HTTPS_PROXY: 'http://u:pw@p:1' } }))).toBe(
      'through http://u:***@p:1 (from HTTPS_PROXY)',
    );
    expect(describeRoute({ source: 'loopback' })).toBe('direct (this computer: never through a proxy)');
    expect(describeRoute({ source: 'no_proxy', decidedBy: 'NO_PROXY' })).toBe('direct (listed in NO_PROXY)');
    expect(describeRoute({ source: 'none' })).toBe('direct (no proxy set)');
    expect(describeRoute({ source: 'none', decidedBy: 'proxy setting' })).toBe(
      'direct (proxy setting says direct)',
    );
    expect(describeRoute({ source: 'system' })).toBe('as the system’s proxy settings say');
  });
});
