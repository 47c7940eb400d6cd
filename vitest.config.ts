import { defineConfig } from 'vitest/config';

// Two suites: unit tests beside the code, and integration tests (`*.int.test.ts`) that run the
// app in-process against a real PostgreSQL started once by the global set-up.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,stripe-sim,widget,demo-site}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{server,stripe-sim}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
