import type { DeliveryRow, EndpointRow } from './webhooks.store.ts';

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  status: 'enabled' | 'disabled';
  /** Why and since when the endpoint gets no deliveries; null while enabled. */
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
}

/** The answer to a creation: the only time the signing secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  /** `delivering` while a worker holds it: `nextAttemptAt` is then when its lease runs out. */
  status: 'pending' | 'delivering' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null);

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    status: row.status,
    disabledReason: row.disabled_reason,
    disabledAt: iso(row.disabled_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toDelivery(row: DeliveryRow, now: Date): WebhookDelivery {
  const leased = row.status === 'pending' && row.lease_token !== null && row.next_attempt_at !== null;
  return {
    eventId: row.event_id,
    type: row.type,
    status: leased && new Date(row.next_attempt_at as Date) > now ? 'delivering' : row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    deliveredAt: iso(row.delivered_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
