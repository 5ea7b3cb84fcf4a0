import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Hooks build whole projects too; on a busy machine that takes longer than the 10 s default.
    hookTimeout: 60_000,
  },
});
