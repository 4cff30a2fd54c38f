import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Three projects: fast unit tests (decisions, with fakes), renderer component tests (jsdom), and
 * integration tests against real parts (emulator, keychain, Chromium), run one file at a time
 * because they share fixed loopback ports and one keychain.
 */
// The app speaks the OS's language when the language setting is empty, and tests assert English
// texts: they run as on an English system whatever this one speaks (workers inherit it; Node and
// Chromium read it at start). Tests of German set the language explicitly.
process.env.LC_ALL = 'C.UTF-8';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/unit/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/idp/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          // electron-store imports `electron`: processed by Vitest, it gets the mocked one in the
          // test that loads the built main process.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
