import type { OrderView } from '../../tickets/ticket-view.ts';
import { html, type SafeHtml } from './html.ts';
import {
  button,
  code,
  eventWhere,
  eventWhereText,
  heading,
  link,
  mailLayout,
  note,
  panel,
  panelTitle,
  paragraph,
  plainText,
  subjectFor,
  typed,
} from './layout.ts';
import type { RenderedMail } from './rendered-mail.ts';

const REPLACED =
  'Here is a fresh link to the tickets of each of your orders. Links we sent you before no longer work.';
const WHY = (email: string) =>
  `Sent to ${email} because someone asked EntryRate for the tickets bought with this address.`;
const IGNORE =
  "Didn't ask for this? You can ignore this email; only someone who can read it can use these links.";

const countOf = (view: OrderView) => {
  const voided = view.tickets.filter((t) => t.status === 'void').length;
  const all = `${view.tickets.length} ticket${view.tickets.length === 1 ? '' : 's'}`;
  return voided ? `${all} (${voided} void)` : all;
};

const flagsOf = (view: OrderView) =>
  [
    view.event.status === 'cancelled' && 'This event is cancelled.',
    view.mode === 'test' && 'Test order.',
  ].filter((flag): flag is string => typeof flag === 'string');

function orderHtml(view: OrderView): SafeHtml {
  const flags = flagsOf(view);
  return panel(html`
${panelTitle(typed(view.event.title))}
${paragraph(eventWhere(view))}
${paragraph(html`Order ${code(view.orderId)}<br>${countOf(view)}`, { muted: true })}
${flags.length > 0 && paragraph(html`<strong>${flags.join(' ')}</strong>`)}
${button(view.ticketsUrl, 'View your tickets')}`);
}

// One paragraph per order, so each link plainly belongs to the order above it.
const orderText = (view: OrderView): string[] => [
  view.event.title,
  ...eventWhereText(view),
  `Order ${view.orderId} · ${countOf(view)}`,
  ...flagsOf(view),
  'View your tickets:',
  view.ticketsUrl,
];

/**
 * The answer to "lost your tickets?": a fresh ticket page link for each of the address's orders,
 * latest event first. Only sent when `views` is not empty.
 */
export function renderTicketLinksMail(views: OrderView[], options: { lookupUrl: string }): RenderedMail {
  // The view carries no order date, so "newest" is the latest event: the one most likely wanted.
  const orders = [...views].sort((a, b) => Date.parse(b.event.doors) - Date.parse(a.event.doors));
  const allTest = orders.every((view) => view.mode === 'test');
  const subject = subjectFor(allTest ? 'test' : 'live', 'Your EntryRate tickets');
  const email = orders[0]?.buyerEmail ?? '';
  const count = `${orders.length} order${orders.length === 1 ? '' : 's'}`;

  const body = html`
${allTest && note('These are test orders.')}
${heading('Your tickets')}
${paragraph(REPLACED)}
${orders.map(orderHtml)}
${paragraph(html`Need them again later? Ask for new links at ${link(options.lookupUrl)}.`, { muted: true })}
${paragraph(IGNORE, { muted: true })}`;

  const text = plainText(
    'Your tickets',
    REPLACED,
    ...orders.map(orderText),
    ['Need them again later? Ask for new links at:', options.lookupUrl],
    IGNORE,
    WHY(email),
  );

  return {
    subject,
    text,
    html: mailLayout({
      title: subject,
      preheader: `Fresh links to your tickets: ${count}.`,
      body,
      footer: WHY(email),
    }),
    attachments: [],
  };
}
