import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

/**
 * The main process and the CLI: ES modules for Node (openid-client v6 is ESM only, and Electron's
 * main process loads ESM). Production dependencies stay external: they ship in node_modules
 * inside app.asar, and keytar is a native module that cannot be bundled.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/main',
    emptyOutDir: true,
    sourcemap: false,
    target: 'node20',
    rollupOptions: {
      input: { index: 'main/index.ts', cli: 'main/cli-bin.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      external: ['electron', ...builtinModules, /^node:/, ...Object.keys(pkg.dependencies)],
    },
  },
});
