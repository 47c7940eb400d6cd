import type { Database } from '../db/database.ts';
import { findEventById, listTiers } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { findVenueById } from '../venues/venues.store.ts';
import { toWidgetEvent, type WidgetEvent } from './widget.mapper.ts';

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
  return toWidgetEvent(event, venue, tiers, payments.publicConfig(), new Date());
}
