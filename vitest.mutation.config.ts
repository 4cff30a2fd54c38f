import { defineConfig } from 'vitest/config';

/**
 * The tests the mutation run (`npm run test:mutation`) uses: the unit tests of decisions, which run
 * in milliseconds. The integration tests (real provider, keychain, browser, processes) cover the
 * same code too, but at seconds a run they are too slow to repeat for every mutant.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Linting is not code under mutation, and costs seconds a run; the catalog check reads the
    // source, which the mutation run instruments.
    exclude: ['test/unit/lint-fences.test.ts', 'test/unit/translation-catalogs.test.ts'],
    environment: 'node',
  },
});
