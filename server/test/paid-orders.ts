import type { Database } from '../src/db/database.ts';
import { randomToken } from '../src/lib/ids.ts';
import { insertApiKey, insertPromoter } from '../src/promoters/promoters.store.ts';
import { insertVenue } from '../src/venues/venues.store.ts';
import { api } from './api.ts';
import { buyerOf } from './buyer.ts';
import type { PaidStack } from './stripe-fixture.ts';

export interface PaidOrder {
  orderId: string;
  paymentIntentId: string;
  session: { id: string; clientSecret: string };
  tickets: { id: string; tierId: string; status: string; qrPayload: string }[];
}

/** A buyer pays for tickets as the widget does (public session, PaymentIntent, card) until the order exists. */
export async function buyOrder(
  stack: PaidStack,
  order: { eventId: string; items: { tier: string; quantity: number }[]; email?: string },
): Promise<PaidOrder> {
  const buyer = buyerOf(stack.server.url);
  const created = await buyer.openSession(order.eventId, order.items, undefined, order.email);
  if (created.status !== 201) throw new Error(`session: ${created.status} ${JSON.stringify(created.body)}`);
  const session = created.body as { id: string; clientSecret: string };
  const pay = await buyer.startPayment(session);
  await stack.stripe.paymentIntents.confirm(pay.body.paymentIntentId, { payment_method: 'pm_card_visa' });
  const done = await buyer.waitFor(session, (s) => s.status === 'complete');
  return {
    orderId: done.orderId,
    paymentIntentId: pay.body.paymentIntentId,
    session,
    tickets: done.order.tickets,
  };
}

/** A live event of the key's promoter, through the API: one tier `ga` at £10. */
export async function liveEvent(
  baseUrl: string,
  options: { key?: string; venueId?: string; title?: string; rotatingQr?: boolean } = {},
): Promise<string> {
  const client = api(baseUrl);
  const key = options.key ? { key: options.key } : {};
  const created = await client.post(
    '/v1/events',
    {
      title: options.title ?? `Test night ${randomToken(6)}`,
      venueId: options.venueId ?? 'vn_strange_brew',
      doors: '2031-06-01T19:00:00Z',
      rotatingQr: options.rotatingQr ?? false,
      tiers: [{ name: 'GA', slug: 'ga', price: 1000, stock: 500 }],
    },
    key,
  );
  if (created.status !== 201) throw new Error(`event: ${created.status} ${JSON.stringify(created.body)}`);
  await client.post(`/v1/events/${created.body.id}/publish`, {}, key);
  return created.body.id;
}

/** Another promoter with a test key and a venue, written straight to the database. */
export async function otherPromoter(db: Database): Promise<{ key: string; venueId: string }> {
  const promoterId = await insertPromoter(db, { name: `Rival ${randomToken(4)}` });
  const key = `er_test_${randomToken(32)}`;
  await insertApiKey(db, { promoterId, mode: 'test', secret: key });
  const venueId = `vn_${randomToken()}`;
  await insertVenue(db, {
    id: venueId,
    promoter_id: promoterId,
    mode: 'test',
    name: 'The Other Place',
    city: 'Leeds',
    city_id: 'leeds',
    timezone: 'Europe/London',
  });
  return { key, venueId };
}

/** Waits until `check` holds, polling; fails with `what` after about ten seconds. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
