import type { Database } from '../db/database.ts';
import { availableOf } from '../events/events.mapper.ts';
import { findEventById, listTiers } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { findVenueById } from '../venues/venues.store.ts';

export interface WidgetEvent {
  event: {
    id: string;
    title: string;
    doors: string;
    /** The venue's IANA time zone, so doors show in local time wherever the buyer is. */
    venue: { name: string; city: string; timezone: string };
    currency: string;
  };
  tiers: { id: string; slug: string; name: string; price: number; available: number; maxPerOrder: number }[];
  payments: ReturnType<PaymentGateway['publicConfig']>;
  serverTime: string;
}

/** What the widget shows for a live event: no promoter data beyond what a buyer sees. */
export async function getWidgetEvent(
  db: Database,
  payments: PaymentGateway,
  id: string,
): Promise<WidgetEvent> {
  const event = await findEventById(db, id);
  if (event?.status !== 'live') {
    throw new ApiError(404, 'event.not_found', `No event '${id}' is on sale.`);
  }
  const [venue, tiers] = await Promise.all([findVenueById(db, event.venue_id), listTiers(db, event.id)]);
  return {
    event: {
      id: event.id,
      title: event.title,
      doors: new Date(event.doors).toISOString(),
      venue: { name: venue?.name ?? '', city: venue?.city ?? '', timezone: venue?.timezone ?? 'UTC' },
      currency: event.currency,
    },
    tiers: tiers.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      price: t.price,
      available: availableOf(t),
      maxPerOrder: t.max_per_order,
    })),
    payments: payments.publicConfig(),
    serverTime: new Date().toISOString(),
  };
}
