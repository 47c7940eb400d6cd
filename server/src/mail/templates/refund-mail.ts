import type { OrderView } from '../../tickets/ticket-view.ts';
import { html } from './html.ts';
import {
  button,
  code,
  eventWhere,
  eventWhereText,
  facts,
  footerFor,
  footerTextFor,
  heading,
  mailLayout,
  paragraph,
  plainText,
  subjectFor,
  TEST_MONEY_NOTE,
  typed,
} from './layout.ts';
import type { RenderedMail } from './rendered-mail.ts';

function whatTheTicketsDo(view: OrderView, full: boolean): string {
  if (full) return 'Your tickets are cancelled and no longer get anyone in.';
  const voided = view.tickets.filter((t) => t.status === 'void');
  if (voided.length === 0) return 'Your tickets still work as before.';
  // A partial refund can void some tickets: say which, so no one turns up with one of those.
  const list = voided.map((t) => `${t.tierName} (${t.id})`).join(', ');
  const one = voided.length === 1;
  return `${one ? 'This ticket is' : 'These tickets are'} void and no longer ${one ? 'gets' : 'get'} anyone in: ${list}. Your other tickets still work as before.`;
}

/** Tells the buyer a refund was made: how much, where the money goes, and what the tickets still do. */
export function renderRefundMail(view: OrderView, refund: { amount: string; full: boolean }): RenderedMail {
  const { title } = view.event;
  const subject = subjectFor(view.mode, `Refund of ${refund.amount} for ${title}`);
  const money =
    view.mode === 'test'
      ? `We've refunded ${refund.amount}. ${TEST_MONEY_NOTE}`
      : `We've refunded ${refund.amount} to the card you paid with. Refunds usually show on your statement within 5–10 working days.`;
  const tickets = whatTheTicketsDo(view, refund.full);
  const soFar = view.refunded !== null && view.refunded !== refund.amount ? view.refunded : null;
  const action = refund.full ? 'View your order' : 'View your tickets';

  const body = html`
${heading(`Refund of ${refund.amount}`)}
${paragraph(html`<strong>${typed(title)}</strong><br>${eventWhere(view)}`)}
${paragraph(money)}
${paragraph(refund.full ? html`<strong>${tickets}</strong>` : tickets)}
${facts([
  ['This refund', refund.amount],
  ...(soFar ? ([['Refunded so far', soFar]] as const) : []),
  ['Order total', view.total],
  ['Order', code(view.orderId)],
])}
${button(view.ticketsUrl, action)}
${paragraph(html`Sold by ${typed(view.promoterName)}. Questions about the refund are best sent to them.`, { muted: true })}`;

  const text = plainText(
    `Refund of ${refund.amount}`,
    [title, ...eventWhereText(view)],
    money,
    tickets,
    [
      `This refund: ${refund.amount}`,
      ...(soFar ? [`Refunded so far: ${soFar}`] : []),
      `Order total: ${view.total}`,
      `Order ${view.orderId}`,
    ],
    [`${action}:`, view.ticketsUrl],
    `Sold by ${view.promoterName}. Questions about the refund are best sent to them.`,
    footerTextFor(view),
  );

  return {
    subject,
    text,
    html: mailLayout({ title: subject, preheader: `${money} ${tickets}`, body, footer: footerFor(view) }),
    attachments: [],
  };
}
