import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkoutSessionSchema, toSession } from '../checkout/checkout.mapper.ts';
import type { SessionRow } from '../checkout/checkout.store.ts';
import { eventSchema, tierSchema, toEvent, toTier } from '../events/events.mapper.ts';
import type { EventRow, TierRow } from '../events/events.store.ts';
import { orderSchema, toOrder } from '../orders/orders.mapper.ts';
import type { OrderRow } from '../orders/orders.store.ts';
import { payoutSchema, toPayout } from '../payouts/payouts.mapper.ts';
import { apiKeySchema, toApiKey } from '../promoters/api-keys.mapper.ts';
import { scanResultSchema, toScanResult } from '../scans/scans.mapper.ts';
import { storefrontEventSchema, toStorefrontEvent } from '../storefront/storefront.mapper.ts';
import { signTicketPayload } from '../tickets/qr.ts';
import { ticketSchema, toTicket } from '../tickets/tickets.mapper.ts';
import type { TicketDetailRow } from '../tickets/tickets.store.ts';
import { toVenue, venueSchema } from '../venues/venues.mapper.ts';
import {
  toDelivery,
  toEndpoint,
  webhookDeliverySchema,
  webhookEndpointSchema,
} from '../webhooks/webhooks.mapper.ts';
import { toWidgetEvent, widgetEventSchema } from '../widget/widget.mapper.ts';

// Each mapper's answer for rows as the database returns them (Dates, nulls, numbers), checked
// against the schema the OpenAPI document is built from. zod drops keys it does not know, so an
// answer with a field the schema lacks does not come back equal.
const expectToMeet = (schema: z.ZodType, answer: unknown) => expect(schema.parse(answer)).toEqual(answer);

const now = new Date('2026-05-20T12:04:31Z');
const qrSecret = 'evtsecret_4k2m9x7q1w3z8c5v';

const venueRow = {
  id: 'vn_strange_brew',
  promoter_id: 'pr_strange_brew',
  mode: 'test' as const,
  name: 'Strange Brew',
  city: 'Bristol',
  city_id: 'bristol',
  timezone: 'Europe/London',
  created_at: new Date('2026-04-02T10:15:00Z'),
};

const eventRow: EventRow = {
  id: 'evt_mura_masa_bristol',
  promoter_id: venueRow.promoter_id,
  mode: 'test',
  slug: 'mura-masa-bristol',
  title: 'Mura Masa · UK tour',
  status: 'live',
  venue_id: venueRow.id,
  doors: new Date('2026-09-12T18:00:00Z'),
  currency: 'gbp',
  network: true,
  rotating_qr: false,
  hold_minutes: 15,
  qr_secret: qrSecret,
  created_at: new Date('2026-04-02T10:20:00Z'),
  published_at: new Date('2026-04-02T10:30:00Z'),
};

const tierRows: TierRow[] = [
  {
    id: 'tier_4k2m9x7q1w3z8c5v',
    event_id: eventRow.id,
    slug: 'early-bird',
    name: 'Early bird',
    price: 1200,
    stock: 200,
    sold: 48,
    reserved: 4,
    max_per_order: 10,
    position: 0,
    sales_start: null,
    sales_end: new Date('2026-08-31T23:00:00Z'),
  },
  {
    id: 'tier_9c5v1w3z8x7q4k2m',
    event_id: eventRow.id,
    slug: 'standard',
    name: 'Standard',
    price: 1800,
    stock: 200,
    sold: 200,
    reserved: 3,
    max_per_order: 10,
    position: 1,
    sales_start: new Date('2026-09-01T00:00:00Z'),
    sales_end: null,
  },
];

const ticketRow = (id: string, scannedAt: Date | null): TicketDetailRow => ({
  id,
  order_id: 'ord_3k9x2m7q4w1z8c5v',
  event_id: eventRow.id,
  tier_id: 'tier_4k2m9x7q1w3z8c5v',
  status: 'valid',
  qr_payload: signTicketPayload(qrSecret, id),
  created_at: now,
  qr_secret: qrSecret,
  rotating_qr: false,
  scanned_at: scannedAt,
});
const ticketRows = [
  ticketRow('tkt_8f3k2m9q4w7x1z5c', new Date('2026-09-12T18:41:07Z')),
  ticketRow('tkt_2c5z1x7w4q9m2k3f', null),
];

const orderRow: OrderRow = {
  id: 'ord_3k9x2m7q4w1z8c5v',
  promoter_id: eventRow.promoter_id,
  mode: 'test',
  event_id: eventRow.id,
  session_id: 'cs_7h2k9m4q1x8w3z5c',
  status: 'partially_refunded',
  buyer_email: 'sam@example.com',
  amount: 2400,
  amount_refunded: 1200,
  currency: 'gbp',
  payment_intent_id: 'pi_3PqRsT2eZvKYlo2C1a2b3c4d',
  email_status: 'failed',
  email_error: '550 mailbox unavailable',
  ticket_link_key: 'k3m9q2x7w4z8c5v1',
  ticket_link_version: 1,
  created_at: now,
};
const refundRows = [
  {
    id: 're_3PqRsT2eZvKYlo2C0x1y2z3a',
    order_id: orderRow.id,
    amount: 1200,
    created_at: now,
    recorded_at: now,
  },
];
const orderDetails = { tickets: ticketRows, refunds: refundRows };

const sessionRow: SessionRow = {
  id: 'cs_7h2k9m4q1x8w3z5c',
  promoter_id: eventRow.promoter_id,
  mode: 'test',
  event_id: eventRow.id,
  status: 'open',
  customer_email: 'sam@example.com',
  amount_total: 2400,
  currency: 'gbp',
  client_secret: 'cs_7h2k9m4q1x8w3z5c_secret_p4k8w2m9q7x1z3c5v8b6n0r',
  success_url: 'https://strangebrew.example/thanks?session={CHECKOUT_SESSION_ID}',
  cancel_url: null,
  payment_intent_id: null,
  order_id: null,
  expires_at: new Date('2026-05-20T12:17:02Z'),
  created_at: new Date('2026-05-20T12:02:02Z'),
  completed_at: null,
  payment_status: 'unpaid',
  intent_cancel_pending: false,
  settle_at: new Date('2026-05-20T12:30:00Z'),
  settle_attempts: 1,
  settle_error: null,
};
const items = [
  { session_id: sessionRow.id, tier_id: 'tier_4k2m9x7q1w3z8c5v', quantity: 2, unit_price: 1200 },
];

describe('the mappers answer what their schemas describe', () => {
  it('events and tiers', () => {
    expectToMeet(eventSchema, toEvent(eventRow, tierRows, 1));
    expectToMeet(eventSchema, toEvent({ ...eventRow, status: 'draft', published_at: null }, [], 0));
    for (const tier of tierRows) expectToMeet(tierSchema, toTier(tier));
  });

  it('tickets, orders and scans', () => {
    for (const row of ticketRows) expectToMeet(ticketSchema, toTicket(row, now));
    expectToMeet(orderSchema, toOrder(orderRow, orderDetails, now));
    expectToMeet(orderSchema, toOrder({ ...orderRow, payment_intent_id: null }, orderDetails, now));
    const scan = { scanId: 'scn_1', scannedAt: now, gate: 'Gate 2' };
    expectToMeet(
      scanResultSchema,
      toScanResult(ticketRows[0] ?? null, { valid: true }, now, { scan, admission: scan }),
    );
    expectToMeet(scanResultSchema, toScanResult(null, { valid: false, reason: 'forged' }, now, { scan }));
    expectToMeet(
      scanResultSchema,
      toScanResult(ticketRows[0] ?? null, { valid: true }, now, {
        scan,
        admission: scan,
        displaced: { ...scan, gate: null },
      }),
    );
  });

  it('checkout sessions, open and complete', () => {
    const publicUrl = 'http://localhost:4000';
    expectToMeet(checkoutSessionSchema, toSession(sessionRow, items, null, publicUrl));
    const complete = { ...sessionRow, status: 'complete' as const, order_id: orderRow.id, settle_at: null };
    const order = toOrder(orderRow, orderDetails, now);
    const ticketsUrl = `${publicUrl}/tickets/${orderRow.id}?token=t1.k3m9q2x7w4z8c5v1`;
    expectToMeet(checkoutSessionSchema, toSession(complete, items, order, publicUrl, ticketsUrl));
  });

  it('venues, keys, the storefront and the widget', () => {
    expectToMeet(venueSchema, toVenue(venueRow));
    const key = {
      id: 'key_5n7b3v9c1x2z4m6k',
      promoter_id: venueRow.promoter_id,
      mode: 'live' as const,
      key_hash: 'c0ffee',
      last4: 'q8w2',
      name: null,
      created_at: now,
      revoked_at: now,
      kind: 'admin' as const,
      last_used_at: now,
      event_ids: null,
    };
    expectToMeet(apiKeySchema, toApiKey(key));
    expectToMeet(apiKeySchema, toApiKey({ ...key, kind: 'scanner', event_ids: ['evt_1'] }));
    const storefront = {
      ...eventRow,
      venue_name: venueRow.name,
      venue_city: venueRow.city,
      venue_city_id: venueRow.city_id,
      lowest_price: 1200,
      sold_out: false,
    };
    expectToMeet(storefrontEventSchema, toStorefrontEvent(storefront));
    const payments = {
      provider: 'stripe' as const,
      publishableKey: 'pk_test_entryrate_sim',
      stripeJsUrl: null,
    };
    expectToMeet(widgetEventSchema, toWidgetEvent(eventRow, venueRow, tierRows, payments, now));
  });

  it('payouts and webhooks', () => {
    const payout = {
      id: 'po_1PqRsT2eZvKYlo2CmN8bV4xZ',
      amount: 185_040,
      currency: 'gbp',
      status: 'in_transit' as const,
      arrivalDate: new Date('2026-09-15T00:00:00Z'),
      created: new Date('2026-09-13T02:00:00Z'),
    };
    expectToMeet(payoutSchema, toPayout(payout));
    const endpoint = {
      id: 'wh_4m2k9q7x1z3c8v5b',
      promoter_id: venueRow.promoter_id,
      mode: 'test' as const,
      url: 'https://strangebrew.example/hooks/entryrate',
      events: ['*' as const],
      secret: 'whsec_k3m9q2x7w4z8c5v1b6n0p2r4t6y8u0i2',
      status: 'disabled' as const,
      disabled_reason: 'failing for 3 days',
      disabled_at: now,
      last_success_at: null,
      created_at: now,
      deleted_at: null,
    };
    expectToMeet(webhookEndpointSchema, toEndpoint(endpoint));
    const delivery = {
      event_id: 'we_6v8b2n4m1k9q3x7z',
      endpoint_id: endpoint.id,
      type: 'order.completed' as const,
      status: 'pending' as const,
      attempts: 1,
      next_attempt_at: new Date(now.getTime() + 60_000),
      lease_token: 'lease_1',
      last_attempt_at: now,
      last_status_code: 500,
      last_error: 'HTTP 500',
      delivered_at: null,
      created_at: now,
      retry_from: null,
      retry_base: 0,
    };
    const attempt = {
      event_id: delivery.event_id,
      endpoint_id: endpoint.id,
      number: 1,
      at: now,
      status_code: 500,
      error: 'HTTP 500',
      duration_ms: 84,
    };
    expectToMeet(webhookDeliverySchema, toDelivery(delivery, [attempt], now));
  });
});
