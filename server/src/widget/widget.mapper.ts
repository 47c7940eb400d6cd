import { z } from 'zod';
import { availableOf } from '../events/events.mapper.ts';
import type { EventRow, TierRow } from '../events/events.store.ts';
import { utcInstant } from '../lib/dates.ts';
import { currencyCode, minorUnits } from '../lib/money.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import type { VenueRow } from '../venues/venues.store.ts';

export const widgetEventSchema = z
  .object({
    event: z.object({
      id: z.string().describe('`evt_…`'),
      title: z.string(),
      doors: utcInstant,
      venue: z.object({
        name: z.string(),
        city: z.string(),
        timezone: z.string().describe('IANA time zone, so doors show in local time wherever the buyer is.'),
      }),
      currency: currencyCode,
    }),
    tiers: z.array(
      z.object({
        id: z.string().describe('`tier_…`'),
        slug: z.string(),
        name: z.string(),
        price: minorUnits,
        available: z.number().int().min(0).describe('A hint: the hold at checkout is the guarantee.'),
        maxPerOrder: z.number().int().min(1),
      }),
    ),
    payments: z
      .object({
        provider: z.literal('stripe'),
        publishableKey: z.string().describe('`pk_test_…` or `pk_live_…`, for Stripe.js.'),
        stripeJsUrl: z.url().nullable().describe('Where to load Stripe.js from; null: js.stripe.com.'),
      })
      .describe('What the browser needs to load Stripe.js and mount the Payment Element.'),
    serverTime: utcInstant.describe("The server's clock, for the hold countdown."),
  })
  .meta({
    id: 'WidgetEvent',
    description: 'A live event as the widget shows it: nothing a buyer should not see.',
  });
export type WidgetEvent = z.infer<typeof widgetEventSchema>;

export function toWidgetEvent(
  event: EventRow,
  venue: VenueRow | undefined,
  tiers: TierRow[],
  payments: ReturnType<PaymentGateway['publicConfig']>,
  now: Date,
): WidgetEvent {
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
    payments,
    serverTime: now.toISOString(),
  };
}
