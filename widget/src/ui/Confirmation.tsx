import { useEffect, useState } from 'preact/hooks';
import { type Order, toApiError, type WidgetEvent } from '../api';
import { formatPrice } from '../format';
import { useFocusOnMount } from './hooks';
import { Meta } from './Meta';

interface Props {
  data: WidgetEvent;
  order: Order;
  /** The ticket page the order mail links to; null from a server that has none. */
  ticketsUrl: string | null;
  /** The URL of a ticket's QR image; `window` changes it, so rotating codes are fetched afresh. */
  qr: (ticketId: string, window: number) => string;
  /** Mails a fresh link to every order of an address. */
  sendLinks: (email: string) => Promise<unknown>;
}

/** The order the server completed: its id, each ticket, where they were emailed and how to get them again. */
export function Confirmation({ data, order, ticketsUrl, qr, sendLinks }: Props) {
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
        Your tickets are on their way to <strong>{order.buyerEmail}</strong>. Show the QR codes at the door.
      </p>
      {ticketsUrl && (
        <a class="secondary" href={ticketsUrl} target="_blank" rel="noopener">
          View your tickets
        </a>
      )}
      <ResendLink email={order.buyerEmail} send={sendLinks} />
    </section>
  );
}

/** "Didn't get the email?": the ticket page's lost-tickets form, in the widget. */
function ResendLink({ email, send }: { email: string; send: (email: string) => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState(email);
  const [state, setState] = useState<{ busy?: boolean; sent?: string; error?: string }>({});
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        Didn't get the email?
      </button>
    );
  }
  return (
    <form
      class="resend"
      onSubmit={async (e) => {
        e.preventDefault();
        setState({ busy: true });
        try {
          await send(address.trim());
          setState({ sent: address.trim() });
        } catch (error) {
          setState({ error: toApiError(error).message });
        }
      }}
    >
      <label for="er-resend">Send a new link to</label>
      <input
        id="er-resend"
        type="email"
        autocomplete="email"
        required
        value={address}
        aria-invalid={Boolean(state.error)}
        aria-describedby="er-resend-status"
        onInput={(e) => setAddress(e.currentTarget.value)}
      />
      <p id="er-resend-status" class={state.error ? 'err' : 'note'} role="status">
        {state.error ??
          (state.sent
            ? `Sent to ${state.sent}. Not there in a few minutes? Check your spam folder.`
            : 'A fresh link to every order of this address; older links stop working.')}
      </p>
      <button class="secondary" type="submit" disabled={state.busy}>
        Send the link
      </button>
    </form>
  );
}
