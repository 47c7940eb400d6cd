// The sales chart's bars from the API's days with sales: every day between the first sale and the
// last shown (a day without sales is a gap a person should see), by week once that is too many
// bars to read.

export interface SalesDay {
  /** `YYYY-MM-DD` on the venue's calendar. */
  date: string;
  tickets: number;
  revenue: number;
}

export interface Bar {
  /** The first day the bar counts. */
  start: string;
  /** The last day it counts (the same as start for a day). */
  end: string;
  tickets: number;
  revenue: number;
}

const DAY = 86_400_000;
/** More bars than this and each day's is too thin to read: the chart shows weeks. */
export const MAX_DAILY_BARS = 45;

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export function salesBars(days: readonly SalesDay[]): Bar[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [dayNumber(d.date), d]));
  const numbers = [...byDay.keys()];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const width = last - first + 1 > MAX_DAILY_BARS ? 7 : 1;
  const bars: Bar[] = [];
  for (let start = first; start <= last; start += width) {
    const end = Math.min(start + width - 1, last);
    let tickets = 0;
    let revenue = 0;
    for (let day = start; day <= end; day++) {
      tickets += byDay.get(day)?.tickets ?? 0;
      revenue += byDay.get(day)?.revenue ?? 0;
    }
    bars.push({ start: dateOf(start), end: dateOf(end), tickets, revenue });
  }
  return bars;
}
