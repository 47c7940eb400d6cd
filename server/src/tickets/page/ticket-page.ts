import { escapeHtml } from '../../lib/html.ts';
import type { OrderView, TicketView } from '../ticket-view.ts';
import { lookupForm } from './lookup-page.ts';
import { renderPageShell } from './page-shell.ts';

export interface TicketPageInput {
  /** Ticket id → inline `<svg>` markup of its current code, from `qrSvg` (trusted, placed as it is). */
  codes: Map<string, string>;
  serverTime: Date;
  /** The codes JSON endpoint, relative, with the token. */
  codesUrl: string;
  windowSeconds: number;
}

/** A ticket's status in words, as the page and its codes JSON (`statusText`) both show it. */
export function ticketStatusText(ticket: Pick<TicketView, 'status' | 'scannedAtLocal'>): string {
  switch (ticket.status) {
    case 'valid':
      return 'Valid';
    case 'scanned':
      return ticket.scannedAtLocal ? `Scanned at ${ticket.scannedAtLocal}` : 'Scanned';
    case 'void':
      return 'Void — no longer valid (refunded)';
  }
}

/** The buyer's ticket page: the order, then one card per ticket with its code, live when the event rotates. */
export function renderTicketPage(view: OrderView, page: TicketPageInput): string {
  const rotating = view.event.rotatingQr;
  const secondsLeft =
    page.windowSeconds - (Math.floor(page.serverTime.getTime() / 1000) % page.windowSeconds);
  const cards = view.tickets.map((ticket, index) =>
    ticketCard(ticket, {
      label: `Ticket ${index + 1} of ${view.tickets.length}`,
      svg: page.codes.get(ticket.id),
      rotating,
      windowSeconds: page.windowSeconds,
      secondsLeft,
    }),
  );
  return renderPageShell({
    title: `${view.event.title} — your tickets`,
    script: true,
    data: {
      'server-time': page.serverTime.toISOString(),
      'codes-url': page.codesUrl,
      'window-seconds': String(page.windowSeconds),
      rotating: String(rotating),
    },
    main: `<div class="banners">
${view.mode === 'test' ? '<p class="banner banner-test" role="note"><strong>Test order</strong> — these tickets are not valid for entry</p>\n' : ''}<div class="banner banner-offline" role="status" data-offline-banner></div>
</div>
${eventHeader(view)}
<div class="tickets">
${cards.join('\n')}
</div>
<p class="help">Lost a link, or need it sent again? <a href="/tickets">Find your tickets</a></p>`,
  });
}

// Past this many characters a title is set smaller, so the doors and the codes stay near the top.
const LONG_TITLE = 60;

function eventHeader(view: OrderView): string {
  const cancelled = view.event.status === 'cancelled';
  const refunded = view.refunded ? `<div><dt>Refunded</dt><dd>${escapeHtml(view.refunded)}</dd></div>` : '';
  return `<header class="event">
<p class="eyebrow">Your tickets</p>
<h1 dir="auto"${view.event.title.length > LONG_TITLE ? ' class="title-long"' : ''}>${escapeHtml(view.event.title)}</h1>
${cancelled ? cancelledNotice(view) : ''}<dl class="facts">
<div><dt>Doors</dt><dd><time datetime="${escapeHtml(view.event.doors)}">${escapeHtml(view.event.doorsLocal)}</time></dd></div>
<div><dt>Venue</dt><dd><bdi>${escapeHtml(view.venue.name)}</bdi>, <bdi>${escapeHtml(view.venue.city)}</bdi></dd></div>
<div><dt>Order</dt><dd><code class="id">${escapeHtml(view.orderId)}</code></dd></div>
<div><dt>Total</dt><dd>${escapeHtml(view.total)}</dd></div>
${refunded}</dl>
<p class="sold-by">Sold by <bdi>${escapeHtml(view.promoterName)}</bdi></p>
${cancelled ? '' : `<p><a class="button button-secondary" href="${escapeHtml(view.calendarUrl)}">Add to calendar</a></p>\n`}</header>`;
}

function cancelledNotice(view: OrderView): string {
  return `<div class="notice notice-cancelled" role="note">
<p><strong>This event has been cancelled.</strong> These tickets can't be used for entry.</p>
<p>Questions about a refund go to <bdi>${escapeHtml(view.promoterName)}</bdi>.</p>
</div>`;
}

function ticketCard(
  ticket: TicketView,
  card: {
    label: string;
    svg: string | undefined;
    rotating: boolean;
    windowSeconds: number;
    secondsLeft: number;
  },
): string {
  const id = escapeHtml(ticket.id);
  const isVoid = ticket.status === 'void';
  // A void ticket's code is left out altogether, so it can never be shown at a door.
  const code = isVoid ? '' : codeBlock(ticket, card);
  return `<section class="ticket" aria-label="${card.label}" data-ticket-id="${id}" data-status="${ticket.status}">
<div class="ticket-head">
<h2><span class="ticket-count">${card.label}</span> <bdi class="ticket-tier">${escapeHtml(ticket.tierName)}</bdi></h2>
<p class="status"><span class="status-dot" aria-hidden="true"></span><span data-status-text>${escapeHtml(ticketStatusText(ticket))}</span></p>
</div>
${code}<p class="void-note" data-void-note${isVoid ? '' : ' hidden'}>No code: this ticket can't be used for entry.</p>
<p class="ticket-id">Ticket ID <code class="id">${id}</code></p>
</section>`;
}

function codeBlock(
  ticket: TicketView,
  card: { svg: string | undefined; rotating: boolean; windowSeconds: number; secondsLeft: number },
): string {
  if (card.svg === undefined) {
    return '<div class="code" data-code><p class="code-missing">This code could not be loaded. Reload the page to try again.</p></div>\n';
  }
  const qr = `<div class="qr" role="img" aria-label="QR code for ticket ${escapeHtml(ticket.id)}" data-qr>${card.svg}</div>`;
  if (!card.rotating) {
    return `<div class="code" data-code>
${qr}
<p class="code-note">Show this code at the door. Turn your screen brightness up.</p>
</div>
`;
  }
  return `<div class="code" data-code>
${qr}
<p class="refresh" data-refresh>${countdownRing(card.secondsLeft / card.windowSeconds)}<span data-refresh-text>Refreshes in ${card.secondsLeft} s</span></p>
<p class="code-note">This code changes every ${card.windowSeconds} seconds. Screenshots won't get you in.</p>
</div>
`;
}

/** The ring the script drains as the window runs out; `left` is the share of the window still to go. */
function countdownRing(left: number): string {
  return `<svg class="ring" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><circle class="ring-track" cx="12" cy="12" r="9"/><circle class="ring-fill" cx="12" cy="12" r="9" pathLength="1" stroke-dasharray="1" stroke-dashoffset="${(1 - left).toFixed(3)}" data-ring/></svg>`;
}

/** The page for a link that is wrong (404) or was replaced by a newer one (410), with the lookup form. */
export function renderLinkProblemPage(problem: 'invalid' | 'replaced'): string {
  const notice =
    problem === 'replaced'
      ? `<h1 id="problem-title">This link has been replaced</h1>
<p>We've sent a newer link to these tickets, so this one has stopped working. Open the link in your most recent email from EntryRate, or get a fresh one below.</p>`
      : `<h1 id="problem-title">This link doesn't work</h1>
<p>It may have been copied only in part, or it may be mistyped. Get a fresh link to your tickets below.</p>`;
  return renderPageShell({
    title:
      problem === 'replaced'
        ? 'This link has been replaced — EntryRate'
        : "This link doesn't work — EntryRate",
    main: `<section class="intro" aria-labelledby="problem-title">
${notice}
</section>
<section class="panel" aria-labelledby="lookup-title">
${lookupForm({}, 'h2')}
</section>`,
  });
}
