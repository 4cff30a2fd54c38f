import { defineConfig } from 'vite';

/**
 * The preload: one CommonJS file with everything inlined but electron, because a sandboxed
 * preload can neither load ES modules nor require other files.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/preload',
    emptyOutDir: true,
    sourcemap: false,
    target: 'node20',
    rollupOptions: {
      input: { index: 'preload/index.ts' },
      output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      external: ['electron'],
    },
  },
});
