import { defineConfig } from 'vitest/config';

// Three suites: unit tests beside the code; integration tests (`*.int.test.ts`) that run the app
// in-process against a real PostgreSQL started once by the global set-up; and deploy tests
// (`*.deploy.test.ts`) that run the compiled server as processes against a PostgreSQL they start.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,stripe-sim,widget,demo-site}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.deploy.test.ts'],
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
      {
        test: {
          name: 'deploy',
          include: ['server/test/deploy/**/*.deploy.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
