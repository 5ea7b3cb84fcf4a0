import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous on purpose: builds run on loaded 2-core machines. Speed is measured by a
    // benchmark, never by a test's time limit.
    testTimeout: 300_000,
    // Two files at a time, whatever the cores: most files wait on a build, a browser, Java
    // or LibreOffice in another process much of the time (vitest takes one file at a time
    // on a 2-core machine otherwise).
    maxWorkers: 2,
    hookTimeout: 300_000,
  },
});
