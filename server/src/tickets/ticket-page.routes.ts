import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { AppDeps } from '../app.deps.ts';
import { ApiError } from '../http/errors.ts';
import { parse } from '../http/validate.ts';
import { orderIdParam } from '../orders/orders.schema.ts';
import { eventCalendar } from './calendar.ts';
import { renderLookupPage } from './page/lookup-page.ts';
import { TICKET_PAGE_POLICY } from './page/page-assets.routes.ts';
import { renderLinkProblemPage, renderTicketPage, ticketStatusText } from './page/ticket-page.ts';
import { QR_WINDOW_SECONDS } from './qr.ts';
import { qrSvg } from './qr-image.ts';
import {
  TICKET_LINKS_SENT,
  type TicketCodes,
  ticketLinkQuery,
  ticketLinksBody,
} from './ticket-page.schema.ts';
import { openTicketLink, requestTicketLinks } from './ticket-page.service.ts';
import type { OrderView } from './ticket-view.ts';

/**
 * The buyer's pages: the ticket page behind the signed link in every order mail, its live codes,
 * its calendar file, and "Lost your tickets?" (a form at /tickets and the widget's JSON route).
 */
export function ticketPageRouter({ db, config }: AppDeps): Router {
  const router = new Router();
  const context = { publicUrl: config.publicUrl };
  const formParser = bodyParser({ enableTypes: ['form'], formLimit: '4kb' });
  // The API's own parser reads JSON only and leaves any other body unread (as `{}`): this one page
  // takes a form, so its route reads a form body itself. Anything else stays `{}`: no email.
  const readForm = (ctx: Context, next: () => Promise<unknown>) => {
    if (!ctx.is('application/x-www-form-urlencoded')) return next();
    ctx.request.body = undefined;
    return formParser(ctx, next);
  };

  router.get('/tickets', (ctx) => page(ctx, 200, renderLookupPage({ kind: 'form' })));

  // A plain form post, so the page works without JavaScript; it answers the same for every address.
  router.post('/tickets', readForm, async (ctx) => {
    const email = String((ctx.request.body as Record<string, unknown> | undefined)?.email ?? '').trim();
    const parsed = ticketLinksBody.safeParse({ email });
    if (!parsed.success) {
      return page(
        ctx,
        400,
        renderLookupPage({
          kind: 'form',
          email,
          error: 'Enter the email address you bought the tickets with.',
        }),
      );
    }
    await requestTicketLinks(db, parsed.data.email);
    page(ctx, 200, renderLookupPage({ kind: 'sent', email: parsed.data.email }));
  });

  router.post('/v1/ticket-links', async (ctx) => {
    const { email } = parse(ticketLinksBody, ctx.request.body ?? {});
    await requestTicketLinks(db, email);
    ctx.status = 202;
    ctx.body = TICKET_LINKS_SENT;
  });

  router.get('/tickets/:orderId', async (ctx) => {
    const orderId = parse(orderIdParam, ctx.params.orderId, 'orderId');
    const { token } = parse(ticketLinkQuery, ctx.query);
    const now = new Date();
    let view: OrderView;
    try {
      view = await openTicketLink(db, orderId, token, { ...context, now });
    } catch (error) {
      // A person followed this link: answer with a page that says what to do, not JSON.
      if (!(error instanceof ApiError) || !error.code.startsWith('ticket_link.')) throw error;
      const problem = error.code === 'ticket_link.replaced' ? 'replaced' : 'invalid';
      return page(ctx, error.status, renderLinkProblemPage(problem));
    }
    const codes = new Map(
      await Promise.all(view.tickets.map(async (t) => [t.id, await qrSvg(t.qrPayload)] as const)),
    );
    const codesUrl = `/tickets/${encodeURIComponent(orderId)}/codes?token=${encodeURIComponent(token)}`;
    page(
      ctx,
      200,
      renderTicketPage(view, { codes, serverTime: now, codesUrl, windowSeconds: QR_WINDOW_SECONDS }),
    );
  });

  router.get('/tickets/:orderId/codes', async (ctx) => {
    const orderId = parse(orderIdParam, ctx.params.orderId, 'orderId');
    const { token } = parse(ticketLinkQuery, ctx.query);
    const now = new Date();
    const view = await openTicketLink(db, orderId, token, { ...context, now });
    ctx.set('Cache-Control', 'no-store');
    const codes: TicketCodes = {
      serverTime: now.toISOString(),
      windowSeconds: QR_WINDOW_SECONDS,
      tickets: await Promise.all(
        view.tickets.map(async (t) => ({
          id: t.id,
          status: t.status,
          statusText: ticketStatusText(t),
          qrSvg: await qrSvg(t.qrPayload),
        })),
      ),
    };
    ctx.body = codes;
  });

  router.get('/tickets/:orderId/calendar.ics', async (ctx) => {
    const orderId = parse(orderIdParam, ctx.params.orderId, 'orderId');
    const { token } = parse(ticketLinkQuery, ctx.query);
    const view = await openTicketLink(db, orderId, token, context);
    ctx.type = 'text/calendar; charset=utf-8';
    ctx.set('Content-Disposition', 'attachment; filename="event.ics"');
    ctx.set('Cache-Control', 'private, no-cache');
    ctx.body = eventCalendar(view);
  });

  return router;
}

/** An HTML page under the pages' policy; the link's token must not leak through a Referer. */
function page(ctx: Context, status: number, html: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Content-Security-Policy', TICKET_PAGE_POLICY);
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-cache');
  ctx.body = html;
}
