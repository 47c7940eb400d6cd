import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one instead.
// Indexes for the promoter API's lists, each in the order its list is read.
export async function up(db: Kysely<any>): Promise<void> {
  // GET /v1/events: one promoter and mode, soonest doors first.
  await db.schema
    .createIndex('events_owner_doors')
    .on('events')
    .columns(['promoter_id', 'mode', 'doors', 'id'])
    .execute();
  // GET /v1/storefront/events: only what the storefront can show, soonest doors first.
  await db.schema
    .createIndex('events_storefront_doors')
    .on('events')
    .columns(['doors', 'id'])
    .where(sql<boolean>`status = 'live' and network and mode = 'live'`)
    .execute();
  // The cityId filter finds a city's venues first.
  await db.schema.createIndex('venues_city').on('venues').column('city_id').execute();
  await db.schema
    .createIndex('venues_owner_created')
    .on('venues')
    .columns(['promoter_id', 'mode', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('api_keys_owner_created')
    .on('api_keys')
    .columns(['promoter_id', 'mode', 'created_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'api_keys_owner_created',
    'venues_owner_created',
    'venues_city',
    'events_storefront_doors',
    'events_owner_doors',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
}
