import { defineConfig } from 'vitest/config';

// Four suites: unit tests beside the code; integration tests (`*.int.test.ts`) that run the app
// in-process against a real PostgreSQL started once by the global set-up; deploy tests
// (`*.deploy.test.ts`) that run the compiled server as processes against a PostgreSQL they start;
// and fault tests (`*.faults.test.ts`) that kill, stop and delay those processes.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{server,stripe-sim,widget,demo-site,mail-catcher,dashboard,scanner}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.deploy.test.ts', '**/*.faults.test.ts'],
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
      {
        test: {
          name: 'faults',
          include: ['server/test/faults/**/*.faults.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
