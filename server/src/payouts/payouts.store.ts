import type { Executor } from '../db/database.ts';

/** The promoter's Stripe Connect account, or null when none is connected. */
export async function findStripeAccountOf(db: Executor, promoterId: string): Promise<string | null> {
  const row = await db
    .selectFrom('promoters')
    .select('stripe_account_id')
    .where('id', '=', promoterId)
    .executeTakeFirst();
  return row?.stripe_account_id ?? null;
}

/** The promoter a Connect event (`event.account`) is about. */
export async function findPromoterByStripeAccount(
  db: Executor,
  accountId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('promoters')
    .select('id')
    .where('stripe_account_id', '=', accountId)
    .executeTakeFirst();
  return row?.id;
}

export async function setStripeAccount(db: Executor, promoterId: string, accountId: string): Promise<void> {
  await db
    .updateTable('promoters')
    .set({ stripe_account_id: accountId })
    .where('id', '=', promoterId)
    .execute();
}
