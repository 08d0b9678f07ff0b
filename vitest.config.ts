import { defineConfig } from 'vitest/config';

// Node by default; files that need a DOM say so with `// @vitest-environment jsdom` on their
// first line. Browser tests (test/e2e) drive Debian's Chromium themselves through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores here and in CI: Chromium tests and builds must not starve each other.
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
