// A venue's wall-clock time and the instant it names. Doors and sales windows are typed as the
// venue's local time (a promoter in London booking a Berlin show thinks in Berlin time), while the
// API takes and answers UTC instants. Intl knows every zone's offsets, daylight saving included.

/** The zone's offset from UTC at `instant`, in milliseconds (Europe/Berlin in July: +2 h). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * `2027-03-12T19:30` (an `<input type="datetime-local">` value) in `timeZone` as an ISO instant, or
 * null when it is not a date and time. A time skipped by a clock change is read with the offset
 * before it, as a wall clock would show it an hour on.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  // The offset at the wall time read as UTC is right except within hours of a change: one more
  // step with the offset at the first guess settles it.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** An ISO instant as a `datetime-local` value in `timeZone`; '' for none. */
export function isoToZoned(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 16);
}
