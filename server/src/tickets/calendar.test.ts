import { describe, expect, it } from 'vitest';
import { orderView } from '../../test/order-views.ts';
import { eventCalendar } from './calendar.ts';

const now = new Date('2031-04-01T09:30:15.123Z');

/** Unfolds and splits an iCalendar file into its properties, undoing TEXT escapes. */
function parse(ics: string): Map<string, string[]> {
  const properties = new Map<string, string[]>();
  for (const line of ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
    properties.set(name, [...(properties.get(name) ?? []), value]);
  }
  return properties;
}

const one = (ics: string, name: string) => parse(ics).get(name)?.[0];

describe('eventCalendar', () => {
  it('is one confirmed VEVENT with the order, the doors and the ticket page', () => {
    const ics = eventCalendar(orderView(), { now });
    const properties = parse(ics);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//EntryRate//Tickets//EN\r\n')).toBe(
      true,
    );
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(properties.get('CALSCALE')).toEqual(['GREGORIAN']);
    expect(properties.get('METHOD')).toEqual(['PUBLISH']);
    expect(properties.get('BEGIN')).toEqual(['VCALENDAR', 'VEVENT']);
    expect(properties.get('UID')).toEqual(['ord_3k9x2m7qp0a1b2c3@entryrate']);
    expect(properties.get('DTSTAMP')).toEqual(['20310401T093015Z']);
    expect(properties.get('DTSTART')).toEqual(['20310502T180000Z']);
    expect(properties.get('SUMMARY')).toEqual(['Mura Masa · UK tour']);
    expect(properties.get('LOCATION')).toEqual(['O2 Academy Brixton, London']);
    expect(properties.get('DESCRIPTION')).toEqual([
      'Order ord_3k9x2m7qp0a1b2c3: 3 tickets\nYour tickets: https://tickets.entryrate.example/t/ord_3k9x2m7qp0a1b2c3?token=abc',
    ]);
    expect(properties.get('URL')).toEqual([orderView().ticketsUrl]);
    expect(properties.get('STATUS')).toEqual(['CONFIRMED']);
    // No end time is known, and none is made up.
    expect(properties.has('DTEND')).toBe(false);
    expect(properties.has('DURATION')).toBe(false);
  });

  it('converts doors given with an offset to UTC', () => {
    const view = orderView();
    view.event.doors = '2031-05-02T19:00:00+01:00';
    expect(one(eventCalendar(view, { now }), 'DTSTART')).toBe('20310502T180000Z');
  });

  it('marks the event of a cancelled event as cancelled', () => {
    const view = orderView();
    view.event.status = 'cancelled';
    expect(one(eventCalendar(view, { now }), 'STATUS')).toBe('CANCELLED');
  });

  it('ends every line with CRLF and no bare LF or CR', () => {
    const ics = eventCalendar(orderView(), { now });
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes backslashes, semicolons, commas and newlines, and drops other control characters', () => {
    const view = orderView();
    view.event.title = 'Rock; Paper, Scissors \\ Live\nSecond line\r\nThird\u0007';
    const ics = eventCalendar(view, { now });
    expect(ics).toContain('SUMMARY:Rock\\; Paper\\, Scissors \\\\ Live\\nSecond line\\nThird\r\n');
    expect(one(ics, 'SUMMARY')).toBe('Rock; Paper, Scissors \\ Live\nSecond line\nThird');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character, and unfolds to the original', () => {
    const title = [...'Ünïcödé 🎉 Fête de la Musique — 東京 · '.repeat(8)].slice(0, 200).join('');
    expect([...title]).toHaveLength(200);
    const view = orderView({ venue: { name: 'مسرح الحمراء', city: 'Zürich', timezone: 'Europe/Zurich' } });
    view.event.title = title;
    const ics = eventCalendar(view, { now });
    const lines = ics.split('\r\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      // A line split inside an emoji would hold a lone surrogate, which UTF-8 cannot carry.
      expect(Buffer.from(line).toString('utf8')).toBe(line);
    }
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
    expect(one(ics, 'SUMMARY')).toBe(title);
    expect(one(ics, 'LOCATION')).toBe('مسرح الحمراء, Zürich');
  });

  it('moves a character that would cross the 75th octet to the next line', () => {
    const view = orderView();
    view.event.title = `${'a'.repeat(65)}🎉b`; // 'SUMMARY:' + 65 = 73 octets, and the emoji is 4
    const lines = eventCalendar(view, { now }).split('\r\n');
    const at = lines.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(lines[at]).toBe(`SUMMARY:${'a'.repeat(65)}`);
    expect(lines[at + 1]).toBe(' 🎉b');
  });
});
