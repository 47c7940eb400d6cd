import type { OrderView } from '../../tickets/ticket-view.ts';
import { html } from './html.ts';
import {
  button,
  eventWhere,
  eventWhereText,
  footerFor,
  footerTextFor,
  heading,
  mailLayout,
  orderFacts,
  orderFactsText,
  paragraph,
  plainText,
  subjectFor,
  TEST_MONEY_NOTE,
  typed,
} from './layout.ts';
import type { RenderedMail } from './rendered-mail.ts';

// Only what the view shows: a refund is the promoter's decision, so nothing is promised.
function whatHappenedToTheMoney(view: OrderView): string | null {
  if (view.refunded === null && view.total === 'Free') return null;
  const said =
    view.status === 'refunded'
      ? `You've been refunded ${view.refunded}.`
      : view.status === 'partially_refunded'
        ? `You've been refunded ${view.refunded} so far.`
        : `No refund has been made yet. Refunds are made by ${view.promoterName}; when one is made you'll get an email saying how much.`;
  return view.mode === 'test' ? `${said} ${TEST_MONEY_NOTE}` : said;
}

/** Tells the buyer the event is cancelled, and honestly what has happened to their money so far. */
export function renderCancellationMail(view: OrderView): RenderedMail {
  const { title } = view.event;
  const subject = subjectFor(view.mode, `${title} is cancelled`);
  const cancelled = 'This event has been cancelled and will not go ahead.';
  const money = whatHappenedToTheMoney(view);

  const body = html`
${heading(html`${typed(title)} is cancelled`)}
${paragraph(eventWhere(view))}
${paragraph(html`<strong>${cancelled}</strong>`)}
${money && paragraph(money)}
${orderFacts(view)}
${button(view.ticketsUrl, 'View your order')}
${paragraph(html`Sold by ${typed(view.promoterName)}.`, { muted: true })}`;

  const text = plainText(
    `${title} is cancelled`,
    eventWhereText(view),
    cancelled,
    money,
    orderFactsText(view),
    ['View your order:', view.ticketsUrl],
    `Sold by ${view.promoterName}.`,
    footerTextFor(view),
  );

  return {
    subject,
    text,
    html: mailLayout({ title: subject, preheader: money ?? cancelled, body, footer: footerFor(view) }),
    attachments: [],
  };
}
