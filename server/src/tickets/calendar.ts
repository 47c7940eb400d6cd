import type { OrderView } from './ticket-view.ts';

// RFC 5545 §3.1: content lines end in CRLF and are folded so no line exceeds 75 octets; a folded
// line goes on with one space, which counts towards the next line's 75.
const MAX_OCTETS = 75;

/** `2031-05-02T18:00:00.000Z` as a UTC DATE-TIME, `20310502T180000Z`. */
const utc = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');

// TEXT values escape backslash, semicolon, comma and newlines; other control characters but tab
// are not allowed in TEXT at all (§3.3.11), so they are dropped.
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  ';': '\\;',
  ',': '\\,',
  '\n': '\\n',
  '\t': '\t',
};
const text = (value: string) =>
  value.replace(/\r\n?/g, '\n').replace(/[\\;,]|\p{Cc}/gu, (c) => TEXT_ESCAPES[c] ?? '');

/** Folds one content line, splitting only between characters so no UTF-8 sequence is cut. */
function fold(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const room = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/**
 * The order's event as an iCalendar file with one VEVENT, for the order mail's attachment and the
 * ticket page's "Add to calendar" link. The data holds no end time, so the event has DTSTART only.
 */
export function eventCalendar(view: OrderView, options: { now?: Date } = {}): string {
  const count = `${view.tickets.length} ticket${view.tickets.length === 1 ? '' : 's'}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//EntryRate//Tickets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${view.orderId}@entryrate`,
    `DTSTAMP:${utc(options.now ?? new Date())}`,
    `DTSTART:${utc(new Date(view.event.doors))}`,
    `SUMMARY:${text(view.event.title)}`,
    `LOCATION:${text(`${view.venue.name}, ${view.venue.city}`)}`,
    `DESCRIPTION:${text(`Order ${view.orderId}: ${count}\nYour tickets: ${view.ticketsUrl}`)}`,
    `URL:${view.ticketsUrl}`,
    `STATUS:${view.event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
