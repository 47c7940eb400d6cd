import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EVENT_ID } from '../src/demo/seed.ts';
import { api } from './api.ts';
import {
  type MailStack,
  mailsTo,
  mailWorkerAt,
  startMailStack,
  ticketLinkIn,
  ticketLinksIn,
} from './mail-fixture.ts';
import { buyOrder, liveEvent } from './paid-orders.ts';
import { sendStripeEvent } from './stripe-fixture.ts';

let stack: MailStack;
let client: ReturnType<typeof api>;
let n = 0;
const buyerEmail = () => `buyer${++n}-${Date.now()}@example.com`;
const THREE_TICKETS = [
  { tier: 'early-bird', quantity: 2 },
  { tier: 'standard', quantity: 1 },
];

beforeAll(async () => {
  // A per-client budget the whole file fits in; the last test spends the rest of it.
  stack = await startMailStack({ env: { RATE_LIMIT_TICKET_LINKS: '20' } });
  client = api(stack.server.url);
});
afterAll(() => stack.stop());

/** A page of the server, by path (or by URL, on this server). */
async function page(path: string) {
  const res = await fetch(`${stack.server.url}${path.replace(/^https?:\/\/[^/]+/, '')}`);
  return { status: res.status, headers: res.headers, html: await res.text() };
}

describe('the order mail', () => {
  it('carries every ticket, both parts, the QR codes, the link and an .ics, in the promoter’s name', async () => {
    const email = buyerEmail();
    const order = await buyOrder(stack, { eventId: DEMO_EVENT_ID, items: THREE_TICKETS, email });
    await stack.deliver();
    const mail = await stack.catcher.waitFor((m) => m.envelope.to.includes(email));

    expect(mail.subject).toBe('[TEST] Your tickets for Mura Masa · UK tour');
    expect(mail.from).toMatch(/^"?Strange Brew"? <tickets@entryrate\.localhost>$/);
    expect(mail.messageId).toMatch(/^<mail_\w+@entryrate\.localhost>$/);
    expect(order.tickets).toHaveLength(3);
    const images = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(images).toHaveLength(3);
    for (const ticket of order.tickets) {
      expect(mail.text).toContain(ticket.id);
      expect(mail.html).toContain(ticket.id);
      const image = images.find((a) => a.contentId?.includes(ticket.id));
      expect(image, `inline code of ${ticket.id}`).toBeDefined();
      expect(mail.html).toContain(`cid:${image?.contentId?.replace(/^<|>$/g, '')}`);
    }
    expect(mail.text).toContain('Early bird');
    expect(mail.text).toContain('Standard');
    expect(mail.text).toContain('£42.00');
    const ics = mail.attachments.find((a) => a.filename === 'event.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics?.content.toString('utf8') ?? '';
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toContain('SUMMARY:Mura Masa');
    expect(calendar).toContain(`UID:${order.orderId}@entryrate`);

    const link = ticketLinkIn(mail);
    const opened = await page(link);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const ticket of order.tickets) expect(opened.html).toContain(ticket.id);
    expect(opened.html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);

    const read = await client.get(`/v1/orders/${order.orderId}`);
    expect(read.body).toMatchObject({ emailStatus: 'sent', emailError: null });
  });

  it('is sent once, however often the payment is reported and the worker runs', async () => {
    const email = buyerEmail();
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
      email,
    });
    // Stripe delivers the payment's event again, with a new event id; two worker passes run at once.
    const intent = await stack.stripe.paymentIntents.retrieve(order.paymentIntentId);
    const again = await sendStripeEvent(stack, {
      id: `evt_again_${order.orderId}`,
      type: 'payment_intent.succeeded',
      data: { object: intent },
    });
    expect(again.status).toBe(200);
    await Promise.all([stack.deliver(), stack.deliver()]);
    await stack.deliver();
    await stack.catcher.waitFor((m) => m.envelope.to.includes(email));
    expect(mailsTo(stack.catcher, email)).toHaveLength(1);
  });

  it('shows a rotating event’s codes only behind the link', async () => {
    const eventId = await liveEvent(stack.server.url, { title: 'Rotating night', rotatingQr: true });
    const email = buyerEmail();
    const order = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 2 }], email });
    await stack.deliver();
    const mail = await stack.catcher.waitFor((m) => m.envelope.to.includes(email));
    expect(mail.attachments.filter((a) => a.contentType === 'image/png')).toHaveLength(0);
    for (const ticket of order.tickets) expect(mail.text).toContain(ticket.id);
    expect(mail.text).toMatch(/changes every 30 seconds/);

    const link = new URL(ticketLinkIn(mail), stack.server.url);
    const codes = await client.get(`/tickets/${order.orderId}/codes${link.search}`, { key: null });
    expect(codes.status).toBe(200);
    expect(codes.headers.get('cache-control')).toBe('no-store');
    expect(codes.body.windowSeconds).toBe(30);
    expect(codes.body.tickets.map((t: { id: string }) => t.id)).toEqual(
      order.tickets.map((t) => t.id).sort(),
    );
    expect(codes.body.tickets[0]).toMatchObject({ status: 'valid', statusText: 'Valid' });
    expect(codes.body.tickets[0].qrSvg).toMatch(/^<svg/);
  });
});

describe('refund and cancellation mails', () => {
  it('mail each refund once, saying how much, and a full refund voids the tickets', async () => {
    const email = buyerEmail();
    const order = await buyOrder(stack, { eventId: DEMO_EVENT_ID, items: THREE_TICKETS, email });
    const part = await client.post(`/v1/orders/${order.orderId}/refund`, { amount: 1200 });
    expect(part.status).toBe(200);
    // The same refund reported again by Stripe changes nothing and mails nothing.
    await stack.deliver();
    const rest = await client.post(`/v1/orders/${order.orderId}/refund`, {});
    expect(rest.status).toBe(200);
    await stack.deliver();
    await stack.deliver();
    const mails = mailsTo(stack.catcher, email);
    expect(mails.map((m) => m.subject)).toEqual([
      '[TEST] Your tickets for Mura Masa · UK tour',
      expect.stringMatching(/refund/i),
      expect.stringMatching(/refund/i),
    ]);
    expect(mails[1]?.text).toContain('£12.00');
    expect(mails[1]?.text).toMatch(/still work/i);
    expect(mails[2]?.text).toContain('£30.00');
    expect(mails[2]?.text).toMatch(/no longer/i);
    expect(mails[2]?.text).toMatch(/test order: no real money moved/i);
  });

  it('tell every buyer of a cancelled event once, and what happened to their money', async () => {
    const eventId = await liveEvent(stack.server.url, { title: 'Called off' });
    const first = buyerEmail();
    const second = buyerEmail();
    await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 1 }], email: first });
    const refunded = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 2 }], email: second });
    await client.post(`/v1/orders/${refunded.orderId}/refund`, {});
    await stack.deliver();
    expect((await client.post(`/v1/events/${eventId}/cancel`, {})).status).toBe(200);
    expect((await client.post(`/v1/events/${eventId}/cancel`, {})).status).toBe(200);
    await stack.deliver();
    await stack.deliver();
    const cancelled = (email: string) =>
      mailsTo(stack.catcher, email).filter((m) => /cancelled/.test(m.subject));
    expect(cancelled(first)).toHaveLength(1);
    expect(cancelled(second)).toHaveLength(1);
    expect(cancelled(first)[0]?.subject).toBe('[TEST] Called off is cancelled');
    expect(cancelled(first)[0]?.text).toMatch(/No refund has been made yet/);
    expect(cancelled(second)[0]?.text).toMatch(/refunded £20\.00/);
  });
});

describe('resending an order', () => {
  it('goes to a corrected address, with a new link that revokes the old one', async () => {
    const typo = buyerEmail();
    const order = await buyOrder(stack, { eventId: DEMO_EVENT_ID, items: THREE_TICKETS, email: typo });
    await stack.deliver();
    const oldLink = ticketLinkIn(await stack.catcher.waitFor((m) => m.envelope.to.includes(typo)));

    const fixed = buyerEmail();
    const resent = await client.post(`/v1/orders/${order.orderId}/resend`, { email: fixed });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: order.orderId, buyerEmail: fixed, emailStatus: 'pending' });
    await stack.deliver();
    const mail = await stack.catcher.waitFor((m) => m.envelope.to.includes(fixed));
    expect(mail.subject).toBe('[TEST] Your tickets for Mura Masa · UK tour (sent again)');
    for (const ticket of order.tickets) expect(mail.text).toContain(ticket.id);

    expect((await page(ticketLinkIn(mail))).status).toBe(200);
    const old = await page(oldLink);
    expect(old.status).toBe(410);
    expect(old.html).toMatch(/newer link/i);
    expect((await client.get(`/v1/orders/${order.orderId}`)).body.emailStatus).toBe('sent');
  });

  it('refuses a bad address with the field named, and an order of nobody’s', async () => {
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
    });
    const bad = await client.post(`/v1/orders/${order.orderId}/resend`, { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'request.invalid', param: 'email' });
    const missing = await client.post('/v1/orders/ord_nope/resend', {});
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('order.not_found');
  });
});

describe('mail the server refuses, or cannot reach', () => {
  it('records a permanent refusal on the order, for the promoter to see', async () => {
    const email = `bounce-${Date.now()}@example.com`;
    stack.catcher.setRejectRecipients((address) => address === email);
    try {
      const order = await buyOrder(stack, {
        eventId: DEMO_EVENT_ID,
        items: [{ tier: 'standard', quantity: 1 }],
        email,
      });
      await stack.deliver();
      const read = await client.get(`/v1/orders/${order.orderId}`);
      expect(read.body.emailStatus).toBe('failed');
      expect(read.body.emailError).toMatch(/550/);
      expect(mailsTo(stack.catcher, email)).toHaveLength(0);
    } finally {
      stack.catcher.setRejectRecipients(null);
    }
  });

  it('delivers every mail exactly once when the mail server comes back', async () => {
    const clock = { now: new Date() };
    const worker = mailWorkerAt(stack, clock);
    await stack.catcher.stopSmtp();
    const emails = [buyerEmail(), buyerEmail(), buyerEmail()];
    const orders = [];
    try {
      for (const email of emails) {
        orders.push(
          await buyOrder(stack, {
            eventId: DEMO_EVENT_ID,
            items: [{ tier: 'standard', quantity: 1 }],
            email,
          }),
        );
      }
      clock.now = new Date(Date.now() + 1_000);
      const down = await worker.runOnce();
      expect(down.mails).toMatchObject({ sent: 0, retrying: 3, failed: 0 });
      // Still down at the first retry.
      clock.now = new Date(clock.now.getTime() + 60_000);
      expect((await worker.runOnce()).mails).toMatchObject({ sent: 0, retrying: 3 });
      for (const order of orders) {
        expect((await client.get(`/v1/orders/${order.orderId}`)).body.emailStatus).toBe('pending');
      }
    } finally {
      await stack.catcher.startSmtp();
    }
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    expect((await worker.runOnce()).mails).toMatchObject({ sent: 3, retrying: 0, failed: 0 });
    clock.now = new Date(clock.now.getTime() + 60 * 60_000);
    expect((await worker.runOnce()).mails).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    for (const email of emails) expect(mailsTo(stack.catcher, email)).toHaveLength(1);
    for (const order of orders) {
      expect((await client.get(`/v1/orders/${order.orderId}`)).body.emailStatus).toBe('sent');
    }
  });
});

describe('lost tickets', () => {
  it('mails a fresh link to every order of an address, and revokes the old links', async () => {
    const email = buyerEmail();
    const first = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
      email,
    });
    const eventId = await liveEvent(stack.server.url, { title: 'Second night' });
    const second = await buyOrder(stack, { eventId, items: [{ tier: 'ga', quantity: 2 }], email });
    await stack.deliver();
    const oldLinks = mailsTo(stack.catcher, email).map(ticketLinkIn);
    expect(oldLinks).toHaveLength(2);

    // Case and spaces do not matter; the widget sends JSON from any origin.
    const asked = await client.post(
      '/v1/ticket-links',
      { email: email.toUpperCase() },
      {
        key: null,
        headers: { Origin: 'https://promoter.example' },
      },
    );
    expect(asked.status).toBe(202);
    expect(asked.headers.get('access-control-allow-origin')).toBe('*');
    await stack.deliver();
    const mail = await stack.catcher.waitFor(
      (m) => m.envelope.to.includes(email) && m.subject === '[TEST] Your EntryRate tickets',
    );
    expect(mail.from).toMatch(/EntryRate/);
    const fresh = ticketLinksIn(mail);
    expect(fresh).toHaveLength(2);
    for (const order of [first, second]) {
      const link = fresh.find((url) => url.includes(order.orderId)) as string;
      expect((await page(link)).status).toBe(200);
    }
    for (const link of oldLinks) expect((await page(link)).status).toBe(410);
  });

  it('answers the same for an address with no orders, and sends it nothing', async () => {
    const nobody = `nobody-${Date.now()}@example.com`;
    const known = buyerEmail();
    await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
      email: known,
    });
    const [a, b] = await Promise.all([
      client.post('/v1/ticket-links', { email: nobody }, { key: null }),
      client.post('/v1/ticket-links', { email: known }, { key: null }),
    ]);
    expect(a.status).toBe(b.status);
    expect(a.body).toEqual(b.body);
    await stack.deliver();
    expect(mailsTo(stack.catcher, nobody)).toHaveLength(0);
  });

  it('sends an address at most three such mails an hour', async () => {
    const email = buyerEmail();
    await buyOrder(stack, { eventId: DEMO_EVENT_ID, items: [{ tier: 'standard', quantity: 1 }], email });
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/v1/ticket-links', { email }, { key: null })).status).toBe(202);
    }
    await stack.deliver();
    expect(
      mailsTo(stack.catcher, email).filter((m) => m.subject === '[TEST] Your EntryRate tickets'),
    ).toHaveLength(3);
  });

  it('works as a plain form at /tickets, and refuses a bad address beside the field', async () => {
    const form = await page('/tickets');
    expect(form.status).toBe(200);
    expect(form.html).toContain('method="post"');
    const post = (email: string) =>
      fetch(`${stack.server.url}/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }),
      });
    const sent = await post('someone@example.com');
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('someone@example.com');
    const bad = await post('nope');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/aria-invalid="true"/);
    const invalid = await client.post('/v1/ticket-links', { email: 'nope' }, { key: null });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'request.invalid', param: 'email' });
  });
});

describe('the ticket page link', () => {
  it('answers a page, not JSON, for a link we never issued, and JSON errors for its codes', async () => {
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
    });
    for (const url of [
      `/tickets/${order.orderId}`,
      `/tickets/${order.orderId}?token=1.${'a'.repeat(32)}`,
      '/tickets/ord_nope?token=x',
    ]) {
      const res = await page(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.html).toMatch(/Lost your tickets\?/);
    }
    const codes = await client.get(`/tickets/${order.orderId}/codes?token=nope`, { key: null });
    expect(codes.status).toBe(404);
    expect(codes.body.error.code).toBe('ticket_link.invalid');
  });

  it('serves the event as a calendar file', async () => {
    const email = buyerEmail();
    const order = await buyOrder(stack, {
      eventId: DEMO_EVENT_ID,
      items: [{ tier: 'standard', quantity: 1 }],
      email,
    });
    await stack.deliver();
    const link = new URL(
      ticketLinkIn(await stack.catcher.waitFor((m) => m.envelope.to.includes(email))),
      stack.server.url,
    );
    const res = await fetch(`${stack.server.url}/tickets/${order.orderId}/calendar.ics${link.search}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = await res.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('DTSTART:');
  });
});

describe('asking for links', () => {
  it('is limited per client, with Retry-After', async () => {
    let answer = await api(stack.server.url).post(
      '/v1/ticket-links',
      { email: 'flood@example.com' },
      { key: null },
    );
    for (let i = 0; i < 20 && answer.status === 202; i++) {
      answer = await api(stack.server.url).post(
        '/v1/ticket-links',
        { email: 'flood@example.com' },
        { key: null },
      );
    }
    expect(answer.status).toBe(429);
    expect(answer.body.error.code).toBe('rate_limit.exceeded');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
