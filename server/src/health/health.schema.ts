import { z } from 'zod';
import { utcInstant } from '../lib/dates.ts';

export const healthSchema = z
  .object({ status: z.literal('ok'), time: utcInstant })
  .meta({ id: 'Health', description: 'The process is up.' });
export type Health = z.infer<typeof healthSchema>;

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    database: z.enum(['up', 'down']),
    pendingMigrations: z
      .array(z.string())
      .describe('Migrations this code expects that the database has not run (a release step still to come).'),
    time: utcInstant,
  })
  .meta({
    id: 'Readiness',
    description: 'Whether this process can serve: database reachable, schema current.',
  });
export type Readiness = z.infer<typeof readinessSchema>;
