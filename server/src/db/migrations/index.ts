import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T1500_initial.ts';

// Listed explicitly (not read from the folder) so the set of migrations is visible in review
// and works the same under tsx, bundlers and compiled output.
const migrations: Record<string, Migration> = {
  '20261123T1500_initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
