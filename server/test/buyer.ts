import { api } from './api.ts';

type Client = ReturnType<typeof api>;

/** What a buyer's browser does, as plain API calls (no key: the public widget path). */
export function buyerOf(baseUrl: string) {
  const client: Client = api(baseUrl);
  return {
    client,
    async openSession(
      eventId: string,
      items: { tierId?: string; tier?: string; quantity: number }[],
      key?: string,
      customerEmail = 'buyer@example.com',
    ) {
      return client.post(
        '/v1/checkout/sessions',
        { eventId, items, customerEmail },
        { key: null, ...(key ? { idempotencyKey: key } : {}) },
      );
    },
    async startPayment(session: { id: string; clientSecret: string }) {
      return client.post(
        `/v1/checkout/sessions/${session.id}/payment`,
        { clientSecret: session.clientSecret },
        {
          key: null,
        },
      );
    },
    async cancel(session: { id: string; clientSecret: string }) {
      return client.post(
        `/v1/checkout/sessions/${session.id}/cancel`,
        { clientSecret: session.clientSecret },
        {
          key: null,
        },
      );
    },
    async read(session: { id: string; clientSecret: string }) {
      return client.get(`/v1/checkout/sessions/${session.id}?clientSecret=${session.clientSecret}`, {
        key: null,
      });
    },
    /** Polls the session as the widget does until `done(session)` holds. */
    async waitFor(session: { id: string; clientSecret: string }, done: (s: any) => boolean) {
      for (let i = 0; i < 100; i++) {
        const res = await this.read(session);
        if (done(res.body)) return res.body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`session ${session.id} never reached the expected state`);
    },
  };
}
