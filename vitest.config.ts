import { defineConfig } from 'vitest/config';

// Unit tests only: browser tests live in test/browser and run against the built site (see scripts/test.mjs).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
