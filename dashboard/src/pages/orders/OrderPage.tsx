import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { Badge, Button, ErrorState, Loading, Notice, PageHeader, Table } from '../../ui/index.ts';
import { RefundDialog } from './RefundDialog.tsx';

type Order = Schemas['Order'];

/**
 * `/orders/:orderId`: who bought what for which event, its tickets (and whether each was scanned in),
 * what was paid and refunded, and the two things box office does with an order: refund it, fully
 * or in part, and send its tickets again.
 */
export default function OrderPage() {
  const scope = useRequiredScope();
  const { params } = useRoute();
  const orderId = params.orderId ?? '';
  const order = useResource(
    () => api.get<Order>(`/v1/orders/${encodeURIComponent(orderId)}`, { scope }),
    [scope.promoterId, scope.mode, orderId],
  );
  const eventId = order.data?.eventId;
  const event = useResource(
    () =>
      eventId ? api.get<Schemas['Event']>(`/v1/events/${encodeURIComponent(eventId)}`, { scope }) : noEvent(),
    [scope.promoterId, scope.mode, eventId],
  );
  const [refunding, setRefunding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useAction(() =>
    api.post<Order>(`/v1/orders/${encodeURIComponent(orderId)}/resend`, { scope, body: {} }),
  );

  const back = { href: scope.href('/orders'), label: 'Orders' };
  if (order.error) {
    return (
      <>
        <PageHeader title="Order" back={back} />
        <ErrorState error={order.error} onRetry={order.reload} />
      </>
    );
  }
  if (!order.data) return <Loading />;
  const o = order.data;
  const left = o.amount - o.amountRefunded;
  const tierName = (tierId: string) => event.data?.tiers.find((t) => t.id === tierId)?.name ?? tierId;

  return (
    <>
      <PageHeader title={`Order ${o.id}`} back={back}>
        {scope.can('orders.resend') && (
          <Button
            busy={resend.pending}
            onClick={async () => {
              setNotice(null);
              if (await resend.run()) setNotice(`The tickets are on their way to ${o.buyerEmail} again.`);
            }}
          >
            Resend tickets
          </Button>
        )}
        {scope.can('orders.refund') && left > 0 && (
          <Button variant="danger" onClick={() => setRefunding(true)}>
            Refund
          </Button>
        )}
      </PageHeader>
      {notice && <Notice tone="success">{notice}</Notice>}
      {resend.error && <ErrorState error={resend.error} />}

      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge status={o.status} />
          </dd>
        </div>
        <div>
          <dt>Buyer</dt>
          <dd>{o.buyerEmail}</dd>
        </div>
        <div>
          <dt>Event</dt>
          <dd>
            <a href={scope.href(`/events/${encodeURIComponent(o.eventId)}`)}>
              {event.data?.title ?? o.eventId}
            </a>
          </dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatMoney(o.amount, o.currency)}</dd>
        </div>
        <div>
          <dt>Refunded</dt>
          <dd>{formatMoney(o.amountRefunded, o.currency)}</dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>{formatDateTime(o.createdAt)}</dd>
        </div>
        <div>
          <dt>Tickets mail</dt>
          <dd>
            <Badge status={o.emailStatus} label={mailLabel(o)} />
          </dd>
        </div>
      </dl>

      <Table caption={`Tickets (${o.tickets.length})`}>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Tier</th>
            <th scope="col">Status</th>
            <th scope="col">Scanned in</th>
          </tr>
        </thead>
        <tbody>
          {o.tickets.map((ticket) => (
            <tr key={ticket.id}>
              <td class="mono small">{ticket.id}</td>
              <td>{tierName(ticket.tierId)}</td>
              <td>
                <Badge status={ticket.status} />
              </td>
              <td>{ticket.scannedAt ? formatDateTime(ticket.scannedAt) : 'Not yet'}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <section class="card" aria-labelledby="payment-title">
        <h2 id="payment-title">Payment</h2>
        {o.payment ? (
          <dl class="facts">
            <div>
              <dt>Charged</dt>
              <dd>{formatMoney(o.payment.amount, o.payment.currency)}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <Badge status={o.payment.status} />
              </dd>
            </div>
            <div>
              <dt>Stripe payment</dt>
              <dd class="mono small wrap">{o.payment.paymentIntentId}</dd>
            </div>
          </dl>
        ) : (
          <p class="muted">Free tickets: no payment was taken.</p>
        )}
      </section>
      {o.refunds.length > 0 && (
        <Table caption={`Refunds (${o.refunds.length})`} showCaption>
          <thead>
            <tr>
              <th scope="col">Refund</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {o.refunds.map((refund) => (
              <tr key={refund.id}>
                <td class="mono small">{refund.id}</td>
                <td class="num">{formatMoney(refund.amount, o.currency)}</td>
                <td>{formatDateTime(refund.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {refunding && (
        <RefundDialog
          order={o}
          onClose={() => setRefunding(false)}
          onRefunded={(refunded) => {
            setRefunding(false);
            setNotice(`Refunded ${formatMoney(refunded, o.currency)} to ${o.buyerEmail}.`);
            order.reload();
          }}
        />
      )}
    </>
  );
}

function mailLabel(order: Order): string {
  if (order.emailStatus === 'failed') return `Refused: ${order.emailError ?? 'by the mail server'}`;
  return { none: 'Not sent', pending: 'Sending', sent: 'Sent' }[order.emailStatus] ?? order.emailStatus;
}

/** An order always names its event; until it has loaded there is nothing to fetch. */
const noEvent = () => Promise.resolve(undefined);
