import { defineConfig } from 'vitest/config';

// Three suites: unit (pure rules, next to the code), web (components, happy-dom), and
// integration (the API on PGlite and PostgreSQL). Browser tests run under Playwright.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // One PGlite and one PostgreSQL database per worker, shared by its test files:
          // creating a PGlite store costs seconds and hundreds of MB, so files must not each open one.
          isolate: false,
          maxWorkers: 2,
          // Runs after the unit and web projects, with its own worker settings.
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/integration/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
