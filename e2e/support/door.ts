import { expect } from '@playwright/test';
import type { ApiKeyWithSecret, DoorCounts, Order, Ticket } from '../../sdks/js/src/openapi.ts';
import { promoterApi } from './api-client.ts';
import { sellTicket } from './paid-order.ts';
import type { PromoterBackend } from './promoter-backend.ts';
import { apiUrl } from './stack.ts';

// What a door test needs from the promoter's side: a scanner key for one event, tickets sold
// through Stripe (the stripe-sim), a refund, and the door counts as the API tells them.

/** A scanner key (`er_scan_test_…`) for this event only, as an owner makes one for a door device. */
export async function scannerKeyFor(eventId: string): Promise<string> {
  const key = await promoterApi<ApiKeyWithSecret>('/v1/api-keys', {
    kind: 'scanner',
    eventIds: [eventId],
    name: 'Front door phones',
  });
  return key.secret as string;
}

/** One ticket sold to `buyer`, as the buyer's order carries it. */
export async function soldTicket(backend: PromoterBackend, buyer: string): Promise<Ticket> {
  const orderId = await sellTicket(backend, buyer);
  const order = await promoterApi<Order>(`/v1/orders/${orderId}`);
  return order.tickets[0] as Ticket;
}

/** Refunds the ticket's order in full, and waits until the ticket is void. */
export async function refundTicket(ticket: Ticket): Promise<void> {
  await promoterApi(`/v1/orders/${ticket.orderId}/refund`, {});
  await expect
    .poll(async () => (await promoterApi<Order>(`/v1/orders/${ticket.orderId}`)).tickets[0]?.status, {
      timeout: 15_000,
    })
    .toBe('void');
}

/** The door counts, read with the scanner key as a device reads them. */
export async function doorCounts(key: string, eventId: string): Promise<DoorCounts> {
  const response = await fetch(apiUrl(`/v1/events/${eventId}/door`), {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as DoorCounts;
}
