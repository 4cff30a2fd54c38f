import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `npm run dev` only: Vite's dev server injects an inline script (React refresh) and talks to the
 * page over a WebSocket, which the production CSP forbids. The built app keeps the strict policy.
 */
function devServerCsp(): Plugin {
  return {
    name: 'cognito-desktop-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'none'", "connect-src 'self' ws://localhost:5173"),
  };
}

/** The renderer: a React page served from app:// in production (relative asset URLs). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devServerCsp()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: false },
  server: { port: 5173, strictPort: true },
});
