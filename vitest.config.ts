import { defineConfig } from 'vitest/config';

// One runner for every tier; the folders say the tier (unit, integration, e2e).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    pool: 'forks',
    // Sized for the 2-core CI machine: vitest's default there is one worker (cores - 1), which leaves
    // the second core idle while a file waits on Chromium, OCR or a child process.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every child started through tests/support/children.ts is stopped after its file, and by the
    // run's teardown if its worker died; a file that still does not end fails instead of hanging.
    teardownTimeout: 20_000,
    // expect.poll's 1 s default is shorter than a UI round trip through the host on a loaded machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    setupFiles: ['tests/support/children-setup.ts'],
    globalSetup: ['tests/support/children-global.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
