import type { Order, WidgetEvent } from '../api';
import { formatDoors, formatMoney } from '../format';
import { useFocusOnMount } from './hooks';

interface Props {
  data: WidgetEvent;
  order: Order;
}

/** The order the server completed: its id, each ticket and where they were emailed. */
export function Confirmation({ data, order }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { event } = data;
  const names = new Map(data.tiers.map((t) => [t.id, t.name]));
  return (
    <section class="done" aria-labelledby="er-done">
      <svg class="tick" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="11" />
        <path d="m7 12.5 3.2 3.2L17 9" />
      </svg>
      <h2 id="er-done" tabIndex={-1} ref={heading}>
        You're going to {event.title}
      </h2>
      <p class="meta">
        {event.venue.name} · {event.venue.city} · {formatDoors(event.doors, undefined, event.venue.timezone)}
      </p>
      <p class="order">
        Order <code>{order.id}</code> · {formatMoney(order.amount, order.currency)}
      </p>
      <ul class="tickets" aria-label="Your tickets">
        {order.tickets.map((t) => (
          <li key={t.id}>
            <span>{names.get(t.tierId) ?? 'Ticket'}</span>
            <code>{t.id}</code>
          </li>
        ))}
      </ul>
      <p class="note">
        We've emailed your tickets to <strong>{order.buyerEmail}</strong>. Show the QR code at the door.
      </p>
    </section>
  );
}
