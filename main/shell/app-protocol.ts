/**
 * The `app://` protocol that serves the built renderer in production (not `file://`, which would
 * give the page the whole disk's origin). Pure path logic here; main/index.ts registers it.
 */
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cognito-desktop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The Content-Security-Policy of every app page: only the app's own scripts and styles, no
 * network, no plugins, no framing.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type AppFile = { ok: true; path: string; contentType: string } | { ok: false; status: 403 | 404 };

/**
 * The file under `rootDir` that `requestUrl` names. Only `app://cognito-desktop/…`; `..` and
 * encoded separators can never leave `rootDir`; `/` is index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): AppFile {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 404 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 404 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 404 };
  const root = resolve(rootDir);
  const path = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (path !== root && !path.startsWith(root + sep)) return { ok: false, status: 403 };
  const contentType = CONTENT_TYPES[extname(path)];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, path, contentType };
}

/** Headers of every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}
