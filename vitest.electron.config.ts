import { defineConfig } from 'vitest/config';

/** The journeys in the real Electron app (npm run test:electron). */
export default defineConfig({
  test: {
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
