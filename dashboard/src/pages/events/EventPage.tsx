import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  ButtonLink,
  Checkbox,
  ConfirmDialog,
  ErrorState,
  Loading,
  Notice,
  PageHeader,
  Table,
} from '../../ui/index.ts';
import { EmbedPanel } from './EmbedPanel.tsx';
import { SalesChart } from './SalesChart.tsx';

type Event = Schemas['Event'];
type Stats = Schemas['EventStats'];

/**
 * `/events/:eventId`: an event's sales per tier and door scans, putting it on sale (on the
 * storefront or only on the promoter's own site), cancelling it once what that does is spelled
 * out, and the lines that embed its checkout in a page.
 */
export default function EventPage() {
  const scope = useRequiredScope();
  const { params } = useRoute();
  const eventId = params.eventId ?? '';
  const path = `/v1/events/${encodeURIComponent(eventId)}`;
  const event = useResource(() => api.get<Event>(path, { scope }), [scope.promoterId, scope.mode, eventId]);
  const canSeeSales = scope.can('events.stats');
  const stats = useResource(
    () => (canSeeSales ? api.get<Stats>(`${path}/stats`, { scope }) : Promise.resolve(undefined)),
    [scope.promoterId, scope.mode, eventId, event.data],
  );
  const [onStorefront, setOnStorefront] = useState(true);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const publish = useAction(() =>
    api.post<Event>(`${path}/publish`, { scope, body: { network: onStorefront } }),
  );
  const cancel = useAction(() => api.post<Event>(`${path}/cancel`, { scope, body: {} }));

  const back = { href: scope.href('/events'), label: 'Events' };
  if (event.error) {
    return (
      <>
        <PageHeader title="Event" back={back} />
        <ErrorState error={event.error} onRetry={event.reload} />
      </>
    );
  }
  if (!event.data) return <Loading />;
  const e = event.data;
  const canWrite = scope.can('events.write');
  const sold = e.tiers.reduce((sum, tier) => sum + tier.sold, 0);

  return (
    <>
      <PageHeader title={e.title} back={back}>
        {scope.can('scans.write') && e.status === 'live' && (
          // Outside the dashboard's scope (/dashboard), so the browser opens the scanner's own app.
          <ButtonLink href="/scan/">Door scanner</ButtonLink>
        )}
        {canWrite && e.status !== 'cancelled' && (
          <>
            <ButtonLink href={scope.href(`/events/${e.id}/edit`)}>Edit</ButtonLink>
            <Button variant="danger" onClick={() => setCancelling(true)}>
              Cancel event
            </Button>
          </>
        )}
      </PageHeader>
      {notice && <Notice tone="success">{notice}</Notice>}

      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge status={e.status} />
          </dd>
        </div>
        <div>
          <dt>Doors</dt>
          <dd>
            {formatDateTime(e.doors, stats.data?.timezone)}
            {stats.data && <span class="muted small"> {stats.data.timezone.replaceAll('_', ' ')} time</span>}
          </dd>
        </div>
        <div>
          <dt>Sold</dt>
          <dd>{sold}</dd>
        </div>
        {stats.data && (
          <div>
            <dt>Revenue</dt>
            <dd>
              {formatMoney(stats.data.totals.revenue, e.currency)}
              {stats.data.totals.refunded > 0 && (
                <span class="muted small">
                  {' '}
                  after {formatMoney(stats.data.totals.refunded, e.currency)} refunded
                </span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Scanned in</dt>
          <dd>
            {e.scans} of {sold}
          </dd>
        </div>
        <div>
          <dt>Checkout hold</dt>
          <dd>{e.holdMinutes} minutes</dd>
        </div>
      </dl>

      {canWrite && e.status !== 'cancelled' && (
        <section class="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{e.status === 'live' ? 'On sale' : 'Put it on sale'}</h2>
          <p>
            {e.status === 'live'
              ? `On sale since ${formatDateTime(e.publishedAt)}, ${e.network ? 'on the storefront and your site' : 'on your site only'}.`
              : 'A draft sells nothing. Publishing opens the checkout wherever the event is embedded.'}
          </p>
          <Checkbox
            label="List it on the EntryRate storefront"
            hint="Off: it sells only where you embed it."
            checked={e.status === 'live' ? e.network : onStorefront}
            disabled={e.status === 'live'}
            onValue={setOnStorefront}
          />
          {publish.error && <ErrorState error={publish.error} />}
          {e.status === 'draft' && (
            <Button
              variant="primary"
              busy={publish.pending}
              onClick={async () => {
                if (await publish.run()) {
                  setNotice(`${e.title} is on sale.`);
                  event.reload();
                }
              }}
            >
              Publish
            </Button>
          )}
        </section>
      )}

      {stats.error && <ErrorState error={stats.error} onRetry={stats.reload} />}
      {stats.data ? <Sales stats={stats.data} /> : <TierStock event={e} />}

      {e.status !== 'cancelled' && <EmbedPanel event={e} />}

      <ConfirmDialog
        open={cancelling}
        title={`Cancel ${e.title}?`}
        confirmLabel="Cancel event"
        danger
        pending={cancel.pending}
        error={cancel.error}
        onClose={() => setCancelling(false)}
        onConfirm={async () => {
          if (await cancel.run()) {
            setCancelling(false);
            setNotice(`${e.title} is cancelled.`);
            event.reload();
          }
        }}
      >
        <p>The checkout closes at once: nobody can buy a ticket for it any more.</p>
        <p>
          Every buyer ({sold} {sold === 1 ? 'ticket' : 'tickets'} sold) is mailed that it is cancelled. Their
          orders are not refunded by this: refund them from Orders.
        </p>
        <p>An event cannot be brought back once cancelled.</p>
      </ConfirmDialog>
    </>
  );
}

/** Sales per tier (sold, held by open checkouts, left, revenue net of refunds) and over time. */
function Sales({ stats }: { stats: Stats }) {
  const { currency, totals } = stats;
  return (
    <>
      <Table caption="Sales per tier">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" class="num hide-narrow">
              Price
            </th>
            <th scope="col" class="num">
              Sold
            </th>
            <th scope="col" class="num">
              Held
            </th>
            <th scope="col" class="num">
              Left
            </th>
            <th scope="col" class="num">
              Revenue
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.tiers.map((tier) => (
            <tr key={tier.tierId}>
              <th scope="row">{tier.name}</th>
              <td class="num hide-narrow">{formatMoney(tier.price, currency)}</td>
              <td class="num">
                {tier.sold}
                <span class="muted"> / {tier.stock}</span>
              </td>
              <td class="num">{tier.held}</td>
              <td class="num">{tier.left}</td>
              <td class="num">{formatMoney(tier.revenue, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All tiers</th>
            <td class="num hide-narrow" />
            <td class="num">{totals.sold}</td>
            <td class="num">{totals.held}</td>
            <td class="num">{totals.left}</td>
            <td class="num">{formatMoney(totals.revenue, currency)}</td>
          </tr>
        </tfoot>
      </Table>
      <section class="card" aria-labelledby="sales-title">
        <h2 id="sales-title">Sales over time</h2>
        <SalesChart sales={stats.sales} currency={currency} />
      </section>
    </>
  );
}

/** For a role that may not see sales: what each tier has for sale. */
function TierStock({ event }: { event: Event }) {
  return (
    <Table caption="Tiers">
      <thead>
        <tr>
          <th scope="col">Tier</th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col" class="num">
            Left
          </th>
        </tr>
      </thead>
      <tbody>
        {event.tiers.map((tier) => (
          <tr key={tier.id}>
            <th scope="row">{tier.name}</th>
            <td class="num">{formatMoney(tier.price, event.currency)}</td>
            <td class="num">{tier.available}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
