import { expect, vi } from 'vitest';
import type { CheckoutSession, Client, Order, PaymentStart, WidgetEvent } from '../api';
import type { KeyValue } from '../idempotency';
import { createCheckoutFlow } from './checkout-flow';
import type { Card, FlowEnv } from './types';

// For the flow's unit tests: one event with a paid and a free tier, sessions of it, and a flow over a
// fake API that answers with them.

export const EVENT: WidgetEvent = {
  event: {
    id: 'evt_1',
    title: 'Mura Masa',
    doors: '2031-06-01T19:00:00Z',
    venue: { name: 'Strange Brew', city: 'Bristol', timezone: 'Europe/London' },
    currency: 'gbp',
  },
  tiers: [
    { id: 'tier_early', slug: 'early-bird', name: 'Early bird', price: 1200, available: 5, maxPerOrder: 10 },
    { id: 'tier_free', slug: 'guest-list', name: 'Guest list', price: 0, available: 50, maxPerOrder: 4 },
  ],
  payments: { provider: 'stripe', publishableKey: 'pk_test_1', stripeJsUrl: null },
  serverTime: '2031-05-01T12:00:00Z',
};

/** An open session holding `quantity` of `tierId`, at that tier's price. */
export function session(
  tierId = 'tier_early',
  quantity = 2,
  extra: Partial<CheckoutSession> = {},
): CheckoutSession {
  const unitPrice = EVENT.tiers.find((t) => t.id === tierId)?.price ?? 0;
  return {
    id: 'cs_1',
    status: 'open',
    paymentStatus: 'unpaid',
    eventId: 'evt_1',
    customerEmail: 'ada@example.com',
    items: [{ tierId, quantity, unitPrice }],
    amountTotal: unitPrice * quantity,
    currency: 'gbp',
    expiresAt: '2031-05-01T12:15:00Z',
    clientSecret: 'cs_1_secret_x',
    url: null,
    successUrl: null,
    cancelUrl: null,
    orderId: null,
    order: null,
    ticketsUrl: null,
    settlement: { status: 'settled', nextAttemptAt: null, error: null },
    createdAt: '2031-05-01T12:00:00Z',
    ...extra,
  };
}

export const ORDER: Order = {
  id: 'ord_1',
  status: 'paid',
  eventId: 'evt_1',
  amount: 0,
  amountRefunded: 0,
  currency: 'gbp',
  buyerEmail: 'ada@example.com',
  tickets: [
    {
      id: 'tkt_1',
      orderId: 'ord_1',
      eventId: 'evt_1',
      tierId: 'tier_free',
      status: 'valid',
      qrPayload: 'x',
      scannedAt: null,
    },
  ],
  refunds: [],
  payment: null,
  emailStatus: 'pending',
  emailError: null,
  createdAt: '2031-05-01T12:01:00Z',
};

/** `s`, completed with ORDER. */
export const completed = (s: CheckoutSession): CheckoutSession => ({
  ...s,
  status: 'complete',
  paymentStatus: 'paid',
  orderId: ORDER.id,
  order: ORDER,
});

const memory = (): KeyValue & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};

const PAID: PaymentStart = {
  status: 'open',
  orderId: null,
  paymentIntentId: 'pi_1',
  clientSecret: 'pi_1_secret',
};
const FREE: PaymentStart = {
  status: 'complete',
  orderId: 'ord_1',
  paymentIntentId: null,
  clientSecret: null,
};

/** A flow over a fake API whose session starts as `held` and is complete once paid. */
export function setup(held: CheckoutSession, env: Partial<FlowEnv> = {}) {
  let current = held;
  const api = {
    base: 'http://api.test',
    event: vi.fn(async () => EVENT),
    createSession: vi.fn(async (_body: string, _key: string) => current),
    update: vi.fn(async () => current),
    pay: vi.fn(async () => {
      current = completed(current);
      return current.amountTotal ? PAID : FREE;
    }),
    cancel: vi.fn(async () => ({ ...current, status: 'cancelled' as const })),
    session: vi.fn(async () => current),
    qr: () => '',
  };
  const host = new EventTarget();
  const heard: [string, unknown][] = [];
  for (const name of ['ready', 'tier-selected', 'checkout-started', 'completed', 'expired', 'closed']) {
    host.addEventListener(`entryrate:${name}`, (e) => heard.push([name, (e as CustomEvent).detail]));
  }
  const store = memory();
  const navigate = vi.fn();
  const flow = createCheckoutFlow({
    api: api as unknown as Client,
    store,
    host,
    scope: 'evt_1:inline',
    sessionName: 'entryrate:session:evt_1:inline',
    eventId: 'evt_1',
    search: '',
    navigate,
    poll: { every: 1, within: 50 },
    ...env,
  });
  /** Resolves once the flow is at `at`. */
  const reach = (at: string) =>
    vi.waitFor(() => expect(flow.state.step.at).toBe(at), { timeout: 1000, interval: 1 });
  const setCurrent = (s: CheckoutSession) => {
    current = s;
  };
  return { flow, api, heard, store, navigate, reach, setCurrent };
}

/** Loads, chooses `quantity` of `tierId`, gives an email and continues to payment. */
export async function holdTickets(t: ReturnType<typeof setup>, tierId: string, quantity: number) {
  t.flow.send({ type: 'load' });
  await t.reach('select');
  t.flow.send({ type: 'quantity', tierId, quantity });
  t.flow.send({ type: 'email', email: ' ada@example.com ' });
  t.flow.send({ type: 'continue' });
  await t.reach('pay');
}

export const card = (
  confirm: Card['confirm'] = async () => null,
): Card & { [k: string]: ReturnType<typeof vi.fn> } => ({
  submit: vi.fn(async () => null),
  confirm: vi.fn(confirm),
});
