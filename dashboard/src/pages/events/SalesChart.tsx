import { useId } from 'preact/hooks';
import { formatDate, formatMoney } from '../../format.ts';
import { type Bar, type SalesDay, salesBars } from './sales-series.ts';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 4, right: 0, bottom: 1, left: 0 };
/** Wider than this a lone bar reads as a block, not a day. */
const MAX_BAR = 48;

/** `2027-03-01` as the venue's calendar names it, without a time zone shift. */
const dayLabel = (date: string) => formatDate(`${date}T12:00:00Z`, 'UTC');

const barLabel = (bar: Bar) =>
  bar.start === bar.end ? dayLabel(bar.start) : `${dayLabel(bar.start)} – ${dayLabel(bar.end)}`;

/**
 * Tickets sold per day (or week) on the venue's calendar, as plain SVG bars: no chart library, the
 * theme's colours, and the same figures in a table for screen readers.
 */
export function SalesChart({ sales, currency }: { sales: readonly SalesDay[]; currency: string }) {
  const titleId = useId();
  const bars = salesBars(sales);
  if (bars.length === 0)
    return <p class="muted">No tickets sold yet: the chart starts with the first sale.</p>;
  const peak = Math.max(1, ...bars.map((b) => b.tickets));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const step = plotWidth / bars.length;
  const barWidth = Math.min(MAX_BAR, Math.max(2, step * 0.7));
  const weekly = bars[0] && bars[0].start !== bars[0].end;
  const total = bars.reduce((sum, bar) => sum + bar.tickets, 0);
  const first = bars[0] as Bar;
  const last = bars.at(-1) as Bar;

  return (
    <figure class="chart-figure">
      {/* Only bars inside, so stretching to the card's width distorts no text: the words are HTML. */}
      <svg
        class="chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {`${total} tickets sold ${weekly ? 'per week' : 'per day'} from ${dayLabel(first.start)} to ${dayLabel(last.end)}; the busiest ${weekly ? 'week' : 'day'} sold ${peak}.`}
        </title>
        <line
          class="chart-axis"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          vector-effect="non-scaling-stroke"
        />
        {bars.map((bar, i) => {
          const height = (bar.tickets / peak) * plotHeight;
          return (
            <rect
              key={bar.start}
              class="chart-bar"
              x={PAD.left + i * step + (step - barWidth) / 2}
              y={HEIGHT - PAD.bottom - height}
              width={barWidth}
              height={height}
            >
              <title>{`${barLabel(bar)}: ${bar.tickets} tickets, ${formatMoney(bar.revenue, currency)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div class="chart-axis-labels small" aria-hidden="true">
        <span>{dayLabel(first.start)}</span>
        <span>
          Busiest {weekly ? 'week' : 'day'}: {peak}
        </span>
        <span>{dayLabel(last.end)}</span>
      </div>
      <figcaption class="muted small">
        Tickets sold {weekly ? 'per week' : 'per day'}, on the venue's calendar.
      </figcaption>
      <table class="visually-hidden">
        <caption>Sales {weekly ? 'per week' : 'per day'}</caption>
        <thead>
          <tr>
            <th scope="col">{weekly ? 'Week' : 'Day'}</th>
            <th scope="col">Tickets</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.start}>
              <th scope="row">{barLabel(bar)}</th>
              <td>{bar.tickets}</td>
              <td>{formatMoney(bar.revenue, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
