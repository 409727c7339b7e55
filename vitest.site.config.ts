import { defineConfig } from 'vitest/config';

// Tests of the built site (dist/): link and budget gates, build-failure checks and real-browser tests.
// They run after `astro build`, one file at a time (each drives Chromium or a build of its own).
export default defineConfig({
  test: {
    include: ['test/site/**/*.test.ts', 'test/build/**/*.test.ts', 'test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
