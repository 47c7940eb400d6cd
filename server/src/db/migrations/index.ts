import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T1500_initial.ts';
import * as checkoutLifecycle from './20261123T1530_checkout_lifecycle.ts';
import * as rateLimits from './20261123T1600_rate_limits.ts';
import * as unloggedRateLimits from './20261123T1700_unlogged_rate_limits.ts';

// Listed explicitly (not read from the folder) so the set of migrations is visible in review
// and works the same under tsx, bundlers and compiled output.
const migrations: Record<string, Migration> = {
  '20261123T1500_initial': initial,
  '20261123T1530_checkout_lifecycle': checkoutLifecycle,
  '20261123T1600_rate_limits': rateLimits,
  '20261123T1700_unlogged_rate_limits': unloggedRateLimits,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
