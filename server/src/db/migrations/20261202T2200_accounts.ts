import { type Kysely, sql } from 'kysely';

// Frozen. Dashboard accounts: people (email stored lower-cased, unique; the scrypt hash carries its
// own parameters), their memberships of promoters with a role, sign-in sessions (stored as the
// sha256 of the cookie's token, with a CSRF token, a sliding idle expiry and an absolute one), and
// the single-use tokens mailed to people: sign-up confirmations, password resets and team
// invitations, each stored as a sha256 too. The mail outbox learns the mails these send.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('persons_email_key', ['email'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('promoter_id', 'text', (c) => c.notNull().references('promoters.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('owner', 'manager', 'box_office', 'door')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pk', ['person_id', 'promoter_id'])
    .execute();
  // The team page, and the last-owner check, read a promoter's members.
  await db.schema
    .createIndex('memberships_promoter')
    .on('memberships')
    .columns(['promoter_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Slides with use (never past the absolute end): a session left idle ends on its own.
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('absolute_expires_at').execute();

  await db.schema
    .createTable('signups')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('promoter_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('password_resets_person').on('password_resets').column('person_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('promoter_id', 'text', (c) => c.notNull().references('promoters.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('owner', 'manager', 'box_office', 'door')`),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // Null when a secret key (no person) invited.
    .addColumn('invited_by', 'text', (c) => c.references('persons.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  // One open invitation per address and promoter: inviting again replaces it.
  await db.schema
    .createIndex('invitations_open')
    .on('invitations')
    .columns(['promoter_id', 'email'])
    .unique()
    .where(sql<boolean>`accepted_at is null and revoked_at is null`)
    .execute();

  await sql`alter table mail_outbox drop constraint mail_outbox_kind_check`.execute(db);
  await sql`alter table mail_outbox add constraint mail_outbox_kind_check check (kind in (
    'order', 'refund', 'cancellation', 'ticket_links',
    'signup_confirmation', 'account_exists', 'password_reset', 'team_invitation'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from mail_outbox where kind in
    ('signup_confirmation', 'account_exists', 'password_reset', 'team_invitation')`.execute(db);
  await sql`alter table mail_outbox drop constraint mail_outbox_kind_check`.execute(db);
  await sql`alter table mail_outbox add constraint mail_outbox_kind_check
    check (kind in ('order', 'refund', 'cancellation', 'ticket_links'))`.execute(db);
  for (const table of ['invitations', 'password_resets', 'signups', 'sessions', 'memberships', 'persons']) {
    await db.schema.dropTable(table).execute();
  }
}
