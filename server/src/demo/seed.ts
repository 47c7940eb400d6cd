import { findPerson, insertMembership, insertPerson } from '../accounts/accounts.store.ts';
import { hashPassword } from '../accounts/passwords.ts';
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
/** The demo's door scanner key (scans and door counts only), for /scan/; public on purpose, like the key above. */
export const DEMO_SCANNER_KEY = 'er_scan_test_demo_strange_brew_door';
export const DEMO_PROMOTER_ID = 'pr_demo_strange_brew';
export const DEMO_VENUE_ID = 'vn_strange_brew';
export const DEMO_EVENT_ID = 'evt_mura_masa_bristol';
/** The demo promoter's Stripe Connect account: the stripe-sim holds its payouts. */
export const DEMO_STRIPE_ACCOUNT_ID = 'acct_demo_strange_brew';

/**
 * The demo promoter's owner, to sign in to the dashboard with. Public on purpose (README,
 * demo.json), like the demo key: it only exists in a local demo's database.
 */
export const DEMO_OWNER = {
  id: 'psn_demo_strange_brew_owner',
  email: 'owner@strange-brew.example',
  name: 'Strange Brew owner',
  password: 'strange-brew-demo-2026',
} as const;

/**
 * Creates the demo promoter, venue and live event once, and its dashboard owner (who joined
 * later than the promoter: a database seeded before has the promoter but not them); later starts
 * keep whatever is there.
 */
export async function seedDemo(
  db: Database,
  options: { holdMinutes: number },
): Promise<{ created: boolean }> {
  const created = await seedDemoPromoter(db, options);
  await seedDemoOwner(db);
  return { created };
}

async function seedDemoOwner(db: Database): Promise<void> {
  if (await findPerson(db, DEMO_OWNER.id)) return;
  const passwordHash = await hashPassword(DEMO_OWNER.password);
  await db.transaction().execute(async (tx) => {
    const person = await insertPerson(tx, {
      id: DEMO_OWNER.id,
      email: DEMO_OWNER.email,
      name: DEMO_OWNER.name,
      password_hash: passwordHash,
    });
    // Someone signed up with the demo address in this database: leave their account alone.
    if (person)
      await insertMembership(tx, { personId: person.id, promoterId: DEMO_PROMOTER_ID, role: 'owner' });
  });
}

async function seedDemoPromoter(db: Database, options: { holdMinutes: number }): Promise<boolean> {
  if (await promoterExists(db, DEMO_PROMOTER_ID)) return false;
  const owner = { promoterId: DEMO_PROMOTER_ID, mode: 'test' as const };
  await db.transaction().execute(async (tx) => {
    await insertPromoter(tx, { id: DEMO_PROMOTER_ID, name: 'Strange Brew' });
    await setStripeAccount(tx, DEMO_PROMOTER_ID, DEMO_STRIPE_ACCOUNT_ID);
    await insertApiKey(tx, { ...owner, secret: DEMO_TEST_KEY, name: 'Demo test key' });
    await insertApiKey(tx, {
      ...owner,
      secret: DEMO_SCANNER_KEY,
      kind: 'scanner',
      name: 'Demo door scanner',
    });
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
  return true;
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
