import type { CheckoutSession } from '../../sdks/js/src/openapi.ts';
import { type NewTier, type NewVenue, promoterApi, widgetEvent } from './api-client.ts';
import type { EventOnSale } from './demo-site.ts';
import { demoEventId, demoUrl } from './stack.ts';

/**
 * A promoter's own backend, with its secret key. It puts an event of its own on sale (so the seats a
 * test counts are not also sold by tests running beside it) and sends buyers to hosted checkout.
 */
export class PromoterBackend {
  readonly stock = 20;
  private readonly sessions: string[] = [];
  private eventId = '';

  /**
   * Creates and publishes an event (by default "Hosted checkout night" with one tier, Early bird at
   * £12.00) at the demo venue, or at a new venue of the given name and city, and makes it the one
   * `createSession` and `available` speak of.
   */
  async putEventOnSale(
    options: {
      title?: string;
      tiers?: NewTier[];
      holdMinutes?: number;
      venue?: NewVenue;
      rotatingQr?: boolean;
    } = {},
  ): Promise<EventOnSale> {
    const { venueId } = options.venue
      ? { venueId: (await promoterApi<{ id: string }>('/v1/venues', options.venue)).id }
      : await promoterApi<{ venueId: string }>(`/v1/events/${demoEventId()}`);
    const title = options.title ?? 'Hosted checkout night';
    const event = await promoterApi<{ id: string }>('/v1/events', {
      title,
      slug: `e2e-${crypto.randomUUID().slice(0, 8)}`,
      venueId,
      doors: '2031-06-01T19:00:00Z',
      tiers: options.tiers ?? [{ name: 'Early bird', slug: 'early-bird', price: 1200, stock: this.stock }],
      ...(options.holdMinutes ? { holdMinutes: options.holdMinutes } : {}),
      ...(options.rotatingQr ? { rotatingQr: true } : {}),
    });
    await promoterApi(`/v1/events/${event.id}/publish`, { network: false });
    this.eventId = event.id;
    return { id: event.id, title };
  }

  /**
   * A session for `quantity` tickets of a tier (Early bird unless told), returning to the demo site on
   * success or cancel; with `stay`, no successUrl, so the hosted page shows the tickets itself.
   */
  async createSession(
    quantity: number,
    customerEmail: string,
    { tier = 'early-bird', stay = false }: { tier?: string; stay?: boolean } = {},
  ): Promise<CheckoutSession & { url: string }> {
    const session = await promoterApi<CheckoutSession>('/v1/checkout/sessions', {
      eventId: this.eventId,
      items: [{ tier, quantity }],
      customerEmail,
      ...(stay ? {} : { successUrl: demoUrl('/?paid={CHECKOUT_SESSION_ID}') }),
      cancelUrl: demoUrl('/'),
    });
    this.sessions.push(session.id);
    // An open session always has its hosted checkout `url`.
    if (session.url === null) throw new Error(`session ${session.id} has no hosted checkout url`);
    return { ...session, url: session.url };
  }

  session(id: string): Promise<CheckoutSession> {
    return promoterApi<CheckoutSession>(`/v1/checkout/sessions/${id}`);
  }

  /** Seats left in the first tier of the latest event, as the public widget API tells every buyer. */
  async available(): Promise<number> {
    const { tiers } = await widgetEvent(this.eventId);
    return tiers[0]?.available ?? Number.NaN;
  }

  /** Releases the seats of any session a test left open. */
  async cleanUp() {
    for (const id of this.sessions) {
      if ((await this.session(id)).status === 'open')
        await promoterApi(`/v1/checkout/sessions/${id}/cancel`, {});
    }
  }
}
