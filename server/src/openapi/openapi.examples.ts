import type { CheckoutSession, PaymentStart } from '../checkout/checkout.mapper.ts';
import type { Event, Tier } from '../events/events.mapper.ts';
import type { Page } from '../http/pagination.ts';
import type { Order } from '../orders/orders.mapper.ts';
import type { Payout } from '../payouts/payouts.mapper.ts';
import type { ApiKey } from '../promoters/api-keys.mapper.ts';
import type { ScanResult } from '../scans/scans.mapper.ts';
import type { StorefrontEvent } from '../storefront/storefront.mapper.ts';
import type { Ticket } from '../tickets/tickets.mapper.ts';
import type { Venue } from '../venues/venues.mapper.ts';
import type { WebhookDelivery, WebhookEndpoint } from '../webhooks/webhooks.mapper.ts';
import type { WidgetEvent } from '../widget/widget.mapper.ts';

// One promoter's night, told once: Strange Brew in Bristol sells Mura Masa, a buyer takes two
// early-bird tickets, one is scanned at the door. Every operation's example is cut from this, and
// a unit test parses each one with the schema it stands for.

export const exampleVenue: Venue = {
  id: 'vn_strange_brew',
  name: 'Strange Brew',
  city: 'Bristol',
  cityId: 'bristol',
  timezone: 'Europe/London',
  createdAt: '2026-04-02T10:15:00.000Z',
};

/** The early-bird tier of `exampleEvent`. */
export const exampleTier: Tier = {
  id: 'tier_4k2m9x7q1w3z8c5v',
  slug: 'early-bird',
  name: 'Early bird',
  price: 1200,
  stock: 200,
  sold: 48,
  available: 148,
  maxPerOrder: 10,
  salesStart: null,
  salesEnd: '2026-08-31T23:00:00.000Z',
};

const standard: Tier = {
  id: 'tier_9c5v1w3z8x7q4k2m',
  slug: 'standard',
  name: 'Standard',
  price: 1800,
  stock: 200,
  sold: 0,
  available: 200,
  maxPerOrder: 10,
  salesStart: null,
  salesEnd: null,
};

export const exampleEvent: Event = {
  id: 'evt_mura_masa_bristol',
  slug: 'mura-masa-bristol',
  title: 'Mura Masa · UK tour',
  status: 'live',
  venueId: exampleVenue.id,
  doors: '2026-09-12T18:00:00.000Z',
  currency: 'gbp',
  network: true,
  rotatingQr: false,
  holdMinutes: 15,
  lowestPrice: 1200,
  scans: 1,
  tiers: [exampleTier, standard],
  createdAt: '2026-04-02T10:20:00.000Z',
  publishedAt: '2026-04-02T10:30:00.000Z',
};

/** The body that made `exampleEvent` (a draft until published). */
export const exampleEventCreate = {
  title: exampleEvent.title,
  slug: exampleEvent.slug,
  venueId: exampleEvent.venueId,
  doors: '2026-09-12T19:00:00+01:00',
  currency: 'gbp',
  tiers: [
    { name: 'Early bird', price: 1200, stock: 200, maxPerOrder: 10, salesEnd: exampleTier.salesEnd },
    { name: 'Standard', price: 1800, stock: 200 },
  ],
};

export const exampleEventDraft: Event = {
  ...exampleEvent,
  status: 'draft',
  scans: 0,
  tiers: [
    { ...exampleTier, sold: 0, available: 200 },
    { ...standard, sold: 0, available: 200 },
  ],
  publishedAt: null,
};

const tickets: Ticket[] = [
  {
    id: 'tkt_8f3k2m9q4w7x1z5c',
    orderId: 'ord_3k9x2m7q4w1z8c5v',
    eventId: exampleEvent.id,
    tierId: exampleTier.id,
    status: 'valid',
    qrPayload: 'tkt_8f3k2m9q4w7x1z5c.Xq3v9LkP2mW8rT5yB1nZcA',
    scannedAt: '2026-09-12T18:41:07.000Z',
  },
  {
    id: 'tkt_2c5z1x7w4q9m2k3f',
    orderId: 'ord_3k9x2m7q4w1z8c5v',
    eventId: exampleEvent.id,
    tierId: exampleTier.id,
    status: 'valid',
    qrPayload: 'tkt_2c5z1x7w4q9m2k3f.Hn7cR2xQ9vL4pK8wM3tY6b',
    scannedAt: null,
  },
];
export const exampleTicket = tickets[0] as Ticket;

const orderPayment: NonNullable<Order['payment']> = {
  paymentIntentId: 'pi_3PqRsT2eZvKYlo2C1a2b3c4d',
  amount: 2400,
  currency: 'gbp',
  status: 'succeeded',
};

export const exampleOrder: Order = {
  id: 'ord_3k9x2m7q4w1z8c5v',
  status: 'paid',
  eventId: exampleEvent.id,
  buyerEmail: 'sam@example.com',
  amount: 2400,
  amountRefunded: 0,
  currency: 'gbp',
  tickets,
  refunds: [],
  payment: orderPayment,
  emailStatus: 'sent',
  emailError: null,
  createdAt: '2026-05-20T12:04:31.000Z',
};

export const exampleRefundedOrder: Order = {
  ...exampleOrder,
  status: 'partially_refunded',
  amountRefunded: 1200,
  refunds: [{ id: 're_3PqRsT2eZvKYlo2C0x1y2z3a', amount: 1200, createdAt: '2026-05-22T09:15:00.000Z' }],
  payment: { ...orderPayment, status: 'partially_refunded' },
};

/** An open session holding the two early-bird tickets of `exampleOrder`, before it is paid. */
export const exampleSession: CheckoutSession = {
  id: 'cs_7h2k9m4q1x8w3z5c',
  status: 'open',
  paymentStatus: 'unpaid',
  eventId: exampleEvent.id,
  customerEmail: exampleOrder.buyerEmail,
  items: [{ tierId: exampleTier.id, quantity: 2, unitPrice: 1200 }],
  amountTotal: 2400,
  currency: 'gbp',
  expiresAt: '2026-05-20T12:17:02.000Z',
  clientSecret: 'cs_7h2k9m4q1x8w3z5c_secret_p4k8w2m9q7x1z3c5v8b6n0r',
  url: 'https://api.entryrate.co.uk/embed.html#session=cs_7h2k9m4q1x8w3z5c&secret=cs_7h2k9m4q1x8w3z5c_secret_p4k8w2m9q7x1z3c5v8b6n0r',
  successUrl: 'https://strangebrew.example/thanks',
  cancelUrl: 'https://strangebrew.example/mura-masa',
  orderId: null,
  order: null,
  ticketsUrl: null,
  settlement: { status: 'settled', nextAttemptAt: null, error: null },
  createdAt: '2026-05-20T12:02:02.000Z',
};

export const exampleCompleteSession: CheckoutSession = {
  ...exampleSession,
  status: 'complete',
  paymentStatus: 'paid',
  url: null,
  orderId: exampleOrder.id,
  order: exampleOrder,
  ticketsUrl: `https://api.entryrate.co.uk/tickets/${exampleOrder.id}?token=t1.k3m9q2x7w4z8c5v1`,
};

export const exampleSessionCreate = {
  eventId: exampleEvent.id,
  items: [{ tier: exampleTier.slug, quantity: 2 }],
  customerEmail: exampleOrder.buyerEmail,
  successUrl: exampleSession.successUrl,
  cancelUrl: exampleSession.cancelUrl,
};

export const examplePaymentStart: PaymentStart = {
  status: 'open',
  orderId: null,
  paymentIntentId: 'pi_3PqRsT2eZvKYlo2C1a2b3c4d',
  clientSecret: 'pi_3PqRsT2eZvKYlo2C1a2b3c4d_secret_Xy7Zq9Lm2Np4Rs6Tu8Vw',
};

const exampleScan = {
  scanId: '0b7f3c2e-5d41-4a8e-9c6b-2f1e8d7a6c55',
  scannedAt: exampleTicket.scannedAt ?? '2027-05-02T20:14:09.000Z',
  gate: 'Gate 2',
};

export const exampleScanResult: ScanResult = {
  valid: true,
  ticket: exampleTicket,
  scannedAt: exampleTicket.scannedAt,
  scan: exampleScan,
  admission: exampleScan,
  displaced: null,
};

export const examplePayout: Payout = {
  id: 'po_1PqRsT2eZvKYlo2CmN8bV4xZ',
  amount: 185_040,
  currency: 'gbp',
  status: 'paid',
  arrivalDate: '2026-09-15T00:00:00.000Z',
  createdAt: '2026-09-13T02:00:00.000Z',
};

export const exampleWebhookEndpoint: WebhookEndpoint = {
  id: 'wh_4m2k9q7x1z3c8v5b',
  url: 'https://strangebrew.example/hooks/entryrate',
  events: ['order.completed', 'order.refunded'],
  status: 'enabled',
  disabledReason: null,
  disabledAt: null,
  createdAt: '2026-04-02T11:00:00.000Z',
};

export const exampleWebhookDelivery: WebhookDelivery = {
  eventId: 'we_6v8b2n4m1k9q3x7z',
  type: 'order.completed',
  status: 'delivered',
  attempts: 2,
  attemptLog: [
    { at: '2026-05-20T12:05:41.000Z', status: 200, error: null, durationMs: 142 },
    { at: '2026-05-20T12:04:32.000Z', status: 503, error: 'HTTP 503', durationMs: 1210 },
  ],
  lastStatusCode: 200,
  lastError: null,
  lastAttemptAt: '2026-05-20T12:05:41.000Z',
  nextAttemptAt: null,
  deliveredAt: '2026-05-20T12:05:41.000Z',
  createdAt: '2026-05-20T12:04:31.000Z',
};

export const exampleApiKey: ApiKey = {
  id: 'key_5n7b3v9c1x2z4m6k',
  mode: 'test',
  kind: 'secret',
  eventIds: null,
  name: 'Box office till',
  last4: 'q8w2',
  createdAt: '2026-04-02T10:05:00.000Z',
  revokedAt: null,
  lastUsedAt: '2026-04-03T18:42:00.000Z',
};

export const exampleStorefrontEvent: StorefrontEvent = {
  id: exampleEvent.id,
  slug: exampleEvent.slug,
  title: exampleEvent.title,
  doors: exampleEvent.doors,
  venue: { name: exampleVenue.name, city: exampleVenue.city, cityId: exampleVenue.cityId },
  currency: 'gbp',
  lowestPrice: 1200,
  soldOut: false,
};

export const exampleWidgetEvent: WidgetEvent = {
  event: {
    id: exampleEvent.id,
    title: exampleEvent.title,
    doors: exampleEvent.doors,
    venue: { name: exampleVenue.name, city: exampleVenue.city, timezone: exampleVenue.timezone },
    currency: 'gbp',
  },
  tiers: exampleEvent.tiers.map(({ id, slug, name, price, available, maxPerOrder }) => ({
    id,
    slug,
    name,
    price,
    available,
    maxPerOrder,
  })),
  payments: { provider: 'stripe', publishableKey: 'pk_live_51PqRsT2eZvKYlo2C', stripeJsUrl: null },
  serverTime: '2026-05-20T12:01:58.000Z',
};

/** The first page of a list of `data`, 20 to a page. */
export function examplePage<T>(data: T[]): Page<T> {
  return { data, pagination: { page: 1, limit: 20, total: data.length, pages: 1 } };
}
