import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // The build suites build every sheet before their tests; a loaded machine needs more than the default 10 s.
    hookTimeout: 60_000,
  },
});
