import { defineConfig } from 'vitest/config';

// Unit tests only. test/site, test/build and test/browser need the built site and run in vitest.site.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/site/**', 'test/build/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
