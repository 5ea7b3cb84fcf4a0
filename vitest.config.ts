import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Some suites build the whole repository once before their tests; on a busy machine that takes longer than the default 10 s.
    hookTimeout: 60_000,
  },
});
