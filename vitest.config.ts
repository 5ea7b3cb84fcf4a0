import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous on purpose: builds run on loaded 2-core machines. Speed is measured by a
    // benchmark, never by a test's time limit.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
