import { useEffect, useState } from 'preact/hooks';
import type { Order, WidgetEvent } from '../api';
import { formatPrice } from '../format';
import { useFocusOnMount } from './hooks';
import { Meta } from './Meta';

interface Props {
  data: WidgetEvent;
  order: Order;
  /** The URL of a ticket's QR image; `window` changes it, so rotating codes are fetched afresh. */
  qr: (ticketId: string, window: number) => string;
}

/** The order the server completed: its id, each ticket and where they were emailed. */
export function Confirmation({ data, order, qr }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // Rotating codes change every 30 seconds (a screenshot stops working); static ones come from cache.
  const [window, setWindow] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setWindow((w) => w + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const { event } = data;
  const names = new Map(data.tiers.map((t) => [t.id, t.name]));
  return (
    <section class="done" aria-labelledby="er-done">
      <h2 id="er-done" tabIndex={-1} ref={heading}>
        You're going to <bdi>{event.title}</bdi>
      </h2>
      <Meta event={event} />
      <p class="order">
        Order <code>{order.id}</code> · {formatPrice(order.amount, order.currency)}
      </p>
      <ul class="tickets" aria-label="Your tickets">
        {order.tickets.map((t) => (
          <li key={t.id}>
            <bdi>{names.get(t.tierId) ?? 'Ticket'}</bdi>
            <code>{t.id}</code>
            <img src={qr(t.id, window)} alt={`QR code ${t.id}`} width={168} height={168} />
          </li>
        ))}
      </ul>
      <p class="note">
        Booked for <strong>{order.buyerEmail}</strong>. Show the QR codes at the door.
      </p>
    </section>
  );
}
