import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer: a React page served from app:// in production (relative asset URLs). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: false },
  server: { port: 5173, strictPort: true },
});
