import QRCode from 'qrcode';
import { eventCalendar } from '../../tickets/calendar.ts';
import { QR_WINDOW_SECONDS } from '../../tickets/qr.ts';
import type { OrderView, TicketView } from '../../tickets/ticket-view.ts';
import { html, type SafeHtml } from './html.ts';
import {
  button,
  code,
  eventWhere,
  eventWhereText,
  footerFor,
  footerTextFor,
  heading,
  link,
  mailLayout,
  note,
  orderFacts,
  orderFactsText,
  panel,
  panelTitle,
  paragraph,
  plainText,
  subheading,
  subjectFor,
  typed,
} from './layout.ts';
import type { MailAttachment, RenderedMail } from './rendered-mail.ts';

const ROTATING_REASON = `Your code changes every ${QR_WINDOW_SECONDS} seconds, so it is only shown on your ticket page — a screenshot will not get you in.`;
const VOID = 'Void: this ticket no longer gets anyone in.';
const ON_PAGE = 'Your code is on your ticket page.';
const QR_SIZE = 240; // CSS pixels; the PNG is 320 wide so it stays sharp on high-density screens

const hasCode = (view: OrderView, ticket: TicketView) => !view.event.rotatingQr && ticket.status !== 'void';
const cidOf = (ticket: TicketView) => `qr-${ticket.id}@entryrate`;
const scannedNote = (ticket: TicketView) =>
  ticket.status === 'scanned' && ticket.scannedAtLocal
    ? `Scanned at the door ${ticket.scannedAtLocal}.`
    : null;

async function qrAttachment(ticket: TicketView): Promise<MailAttachment> {
  const options = { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 320 } as const;
  const content = await QRCode.toBuffer(ticket.qrPayload, options);
  return { filename: `ticket-${ticket.id}.png`, content, contentType: 'image/png', cid: cidOf(ticket) };
}

// The code sits on its own white cell with the PNG's quiet zone inside it, so it scans in dark mode too.
const qrImage = (ticket: TicketView): SafeHtml =>
  html`<table role="presentation" align="center" cellpadding="0" cellspacing="0" border="0" style="margin:4px auto 16px;"><tr>
<td bgcolor="#ffffff" style="padding:8px;background-color:#ffffff;border-radius:4px;">
<img src="cid:${cidOf(ticket)}" width="${QR_SIZE}" height="${QR_SIZE}" alt="QR code for ticket ${ticket.id}" style="display:block;width:${QR_SIZE}px;height:${QR_SIZE}px;border:0;background-color:#ffffff;">
</td></tr></table>`;

function ticketHtml(view: OrderView, ticket: TicketView, index: number): SafeHtml {
  const scanned = scannedNote(ticket);
  return panel(html`
${panelTitle(typed(ticket.tierName))}
${paragraph(html`Ticket ${index + 1} of ${view.tickets.length} · ${code(ticket.id)}`, { muted: true })}
${ticket.status === 'void' && paragraph(html`<strong>${VOID}</strong>`)}
${view.event.rotatingQr && ticket.status !== 'void' && paragraph(ON_PAGE, { muted: true })}
${scanned && paragraph(scanned, { muted: true })}
${hasCode(view, ticket) && qrImage(ticket)}`);
}

function ticketText(view: OrderView, ticket: TicketView, index: number): string[] {
  const lines = [`${index + 1}. ${ticket.tierName}`, `   Ticket ${ticket.id}`];
  if (ticket.status === 'void') lines.push(`   ${VOID}`);
  else if (view.event.rotatingQr) lines.push(`   ${ON_PAGE}`);
  else lines.push(`   QR code: attached as ticket-${ticket.id}.png`);
  const scanned = scannedNote(ticket);
  if (scanned) lines.push(`   ${scanned}`);
  return lines;
}

/**
 * The buyer's tickets: every ticket of the order with its code (static events) or a pointer to the
 * ticket page (rotating ones), the order's money, and the event as an .ics attachment.
 */
export async function renderOrderMail(view: OrderView, options: { resent: boolean }): Promise<RenderedMail> {
  const { title } = view.event;
  const subject = subjectFor(view.mode, `Your tickets for ${title}${options.resent ? ' (sent again)' : ''}`);
  const codes = await Promise.all(view.tickets.filter((t) => hasCode(view, t)).map(qrAttachment));
  const count = `${view.tickets.length} ticket${view.tickets.length === 1 ? '' : 's'}`;
  const lookupUrl = `${new URL(view.ticketsUrl).origin}/tickets`;
  const test = view.mode === 'test' && 'This is a test order: no real money moved.';
  const cancelled = view.event.status === 'cancelled' && 'This event is cancelled.';
  const howToShow = view.event.rotatingQr
    ? 'Show your ticket page at the door.'
    : 'Show the QR code of each ticket at the door, from this email or from your ticket page.';
  const intro = options.resent ? `Here are your tickets again. ${howToShow}` : howToShow;

  const body = html`
${test && note(test)}
${cancelled && note(html`<strong>${cancelled}</strong>`)}
${heading(typed(title))}
${paragraph(eventWhere(view))}
${paragraph(intro)}
${button(view.ticketsUrl, 'View your tickets')}
${subheading(`Your tickets (${view.tickets.length})`)}
${view.event.rotatingQr && note(ROTATING_REASON)}
${view.tickets.map((ticket, i) => ticketHtml(view, ticket, i))}
${subheading('Your order')}
${orderFacts(view)}
${paragraph(html`Sold by ${typed(view.promoterName)}.`)}
${paragraph(html`To add the event to your calendar, open the attached <strong>event.ics</strong>.`)}
${paragraph(html`Lost this email? Get a fresh link to your tickets at ${link(lookupUrl)}.`, { muted: true })}`;

  const text = plainText(
    test,
    cancelled,
    [title, ...eventWhereText(view)],
    intro,
    ['View your tickets:', view.ticketsUrl],
    view.event.rotatingQr
      ? [`Your tickets (${view.tickets.length})`, ROTATING_REASON]
      : `Your tickets (${view.tickets.length})`,
    ...view.tickets.map((ticket, i) => ticketText(view, ticket, i)),
    orderFactsText(view),
    `Sold by ${view.promoterName}.`,
    'To add the event to your calendar, open the attached event.ics.',
    ['Lost this email? Get a fresh link to your tickets at:', lookupUrl],
    footerTextFor(view),
  );

  const calendar: MailAttachment = {
    filename: 'event.ics',
    content: eventCalendar(view),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  };
  return {
    subject,
    text,
    html: mailLayout({
      title: subject,
      preheader: `${count} · ${view.event.doorsLocal} · ${view.venue.name}`,
      body,
      footer: footerFor(view),
    }),
    attachments: [...codes, calendar],
  };
}
