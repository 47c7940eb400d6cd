import type { Database } from '../db/database.ts';
import { createEvent, publishEvent } from '../events/events.service.ts';
import { setStripeAccount } from '../payouts/payouts.store.ts';
import { insertApiKey, insertPromoter, promoterExists } from '../promoters/promoters.store.ts';
import { insertVenue } from '../venues/venues.store.ts';

/**
 * The demo promoter's test-mode key. It is public on purpose (README, demo.json): it only reaches
 * test-mode data of a local demo, which never touches Stripe's live mode.
 */
export const DEMO_TEST_KEY = 'er_test_demo_strange_brew_local_only';
export const DEMO_PROMOTER_ID = 'pr_demo_strange_brew';
export const DEMO_VENUE_ID = 'vn_strange_brew';
export const DEMO_EVENT_ID = 'evt_mura_masa_bristol';
/** The demo promoter's Stripe Connect account: the stripe-sim holds its payouts. */
export const DEMO_STRIPE_ACCOUNT_ID = 'acct_demo_strange_brew';

/** Creates the demo promoter, venue and live event once; later starts keep whatever is there. */
export async function seedDemo(
  db: Database,
  options: { holdMinutes: number },
): Promise<{ created: boolean }> {
  if (await promoterExists(db, DEMO_PROMOTER_ID)) return { created: false };
  const owner = { promoterId: DEMO_PROMOTER_ID, mode: 'test' as const };
  await db.transaction().execute(async (tx) => {
    await insertPromoter(tx, { id: DEMO_PROMOTER_ID, name: 'Strange Brew' });
    await setStripeAccount(tx, DEMO_PROMOTER_ID, DEMO_STRIPE_ACCOUNT_ID);
    await insertApiKey(tx, { ...owner, secret: DEMO_TEST_KEY, name: 'Demo test key' });
    await insertVenue(tx, {
      id: DEMO_VENUE_ID,
      promoter_id: DEMO_PROMOTER_ID,
      mode: 'test',
      name: 'Strange Brew',
      city: 'Bristol',
      city_id: 'bristol',
      timezone: 'Europe/London',
    });
  });
  await createEvent(
    db,
    owner,
    {
      title: 'Mura Masa · UK tour',
      slug: 'mura-masa-bristol',
      venueId: DEMO_VENUE_ID,
      doors: demoDoors(),
      currency: 'gbp',
      rotatingQr: false,
      tiers: [
        { name: 'Early bird', price: 1200, stock: 200, maxPerOrder: 10 },
        { name: 'Standard', price: 1800, stock: 200, maxPerOrder: 10 },
      ],
    },
    { holdMinutes: options.holdMinutes, id: DEMO_EVENT_ID },
  );
  await publishEvent(db, owner, DEMO_EVENT_ID, { network: true });
  return { created: true };
}

/**
 * Doors three months after the demo is first seeded, at 19:00 UTC: a fixed date would pass one
 * day, and an event whose doors have passed cannot be published.
 */
function demoDoors(): string {
  const doors = new Date(Date.now() + 90 * 86_400_000);
  doors.setUTCHours(19, 0, 0, 0);
  return doors.toISOString();
}
