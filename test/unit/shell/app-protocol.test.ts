/** The app:// protocol's file resolution and CSP (main/shell/app-protocol.ts). */
import { describe, expect, it } from 'vitest';
import { APP_CSP, resolveAppFile } from '../../../main/shell/app-protocol.ts';

describe('app:// files', () => {
  const root = '/opt/app/renderer';
  it.each([
    ['app://cognito-desktop/', `${root}/index.html`],
    ['app://cognito-desktop/index.html', `${root}/index.html`],
    ['app://cognito-desktop/assets/index-abc.js', `${root}/assets/index-abc.js`],
  ])('serves %s', (url, path) => {
    expect(resolveAppFile(root, url)).toMatchObject({ ok: true, path });
  });

  it.each([
    'app://cognito-desktop/../../etc/passwd.html',
    'app://cognito-desktop/%2e%2e/%2e%2e/etc/passwd.html',
    'app://cognito-desktop/..%2f..%2fsecret.json',
    'app://cognito-desktop/assets/..%2F..%2F..%2Fetc%2Fpasswd.html',
  ])('never resolves %s outside the renderer folder', (url) => {
    const result = resolveAppFile(root, url);
    if (result.ok) expect(result.path.startsWith(`${root}/`)).toBe(true);
  });

  it.each([
    'app://cognito-desktop/..%2f..%2fsecret.json',
    'app://cognito-desktop/assets/%5c..%5csecret.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'app://cognito-desktop/no-type',
    'app://cognito-desktop/%00.html',
  ])('refuses %s', (url) => {
    const result = resolveAppFile(root, url);
    expect(result.ok).toBe(false);
  });

  it('has a strict CSP: self only, no network, no inline', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).not.toContain('unsafe');
  });
});
