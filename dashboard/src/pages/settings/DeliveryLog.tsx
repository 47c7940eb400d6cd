import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  FormError,
  Loading,
  Pagination,
  Table,
  TimeAgo,
} from '../../ui/index.ts';

type Delivery = Schemas['WebhookDelivery'];

/** While a delivery is on its way, the log looks again this often. */
const POLL_MS = 2000;

/** What the endpoint answered last, in words. */
function lastAnswer(delivery: Delivery): string {
  if (delivery.lastStatusCode !== null) return `HTTP ${delivery.lastStatusCode}`;
  if (delivery.lastError) return delivery.lastError;
  return delivery.attempts === 0 ? 'Not sent yet' : 'No answer';
}

/** The attempt count, opening onto every attempt: when, what came back, how long it took. */
function Attempts({ delivery }: { delivery: Delivery }) {
  if (delivery.attemptLog.length === 0) return <>{delivery.attempts}</>;
  return (
    <details class="attempt-log">
      <summary aria-label={`${delivery.attempts} attempts of ${delivery.eventId}`}>
        {delivery.attempts}
      </summary>
      <ol reversed start={delivery.attempts}>
        {delivery.attemptLog.map((attempt) => (
          <li key={attempt.at}>
            {formatDateTime(attempt.at)}: {attempt.status !== null ? `HTTP ${attempt.status}` : attempt.error}
            {attempt.status !== null && attempt.error && attempt.error !== `HTTP ${attempt.status}`
              ? ` (${attempt.error})`
              : ''}{' '}
            <span class="muted">in {attempt.durationMs} ms</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * An endpoint's deliveries, newest first: each event, its status, its attempts and what the
 * endpoint answered, with a button to send one again. Looks again while any is still on its way;
 * `version` changing (a test event sent) loads it at once.
 */
export function DeliveryLog({ path, version }: { path: string; version: number }) {
  const scope = useRequiredScope();
  const [page, setPage] = useState(1);
  const deliveries = useResource(
    () =>
      api.get<Schemas['WebhookDeliveryPage']>(`${path}/deliveries`, { scope, query: { page, limit: 25 } }),
    [scope.promoterId, scope.mode, path, page, version],
  );
  const [resent, setResent] = useState<string | null>(null);
  const resend = useAction((delivery: Delivery) =>
    api.post<Delivery>(`${path}/deliveries/${encodeURIComponent(delivery.eventId)}/resend`, {
      scope,
      body: {},
    }),
  );

  const inFlight = deliveries.data?.data.some((d) => d.status === 'pending' || d.status === 'delivering');
  useEffect(() => {
    if (!inFlight) return;
    const timer = setTimeout(deliveries.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [inFlight, deliveries.data, deliveries.reload]);

  return (
    <section aria-labelledby="delivery-log">
      <div class="section-header">
        <h2 id="delivery-log">Delivery log</h2>
        <Button
          class="button-small"
          busy={deliveries.loading && !!deliveries.data}
          onClick={deliveries.reload}
        >
          Refresh
        </Button>
      </div>
      <FormError error={resend.error} />
      {resent && (
        <p class="visually-hidden" role="status">
          {resent}
        </p>
      )}
      {deliveries.error && <ErrorState error={deliveries.error} onRetry={deliveries.reload} />}
      {!deliveries.data && !deliveries.error && <Loading />}
      {deliveries.data?.data.length === 0 && (
        <EmptyState title="No deliveries yet">
          <p>Events this endpoint receives show here as they happen. Send a test event to try it.</p>
        </EmptyState>
      )}
      {deliveries.data && deliveries.data.data.length > 0 && (
        <Table caption="Deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <th scope="col" class="hide-narrow">
                Last attempt
              </th>
              <th scope="col" class="hide-narrow">
                Next attempt
              </th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.data.map((delivery) => (
              <tr key={delivery.eventId}>
                <th scope="row">
                  <span class="delivery-type">{delivery.type}</span>
                  <span class="mono small muted">{delivery.eventId}</span>
                </th>
                <td>
                  <Badge status={delivery.status} />
                </td>
                <td class="num">
                  <Attempts delivery={delivery} />
                </td>
                <td>{lastAnswer(delivery)}</td>
                <td class="hide-narrow">
                  <TimeAgo iso={delivery.lastAttemptAt} never="—" />
                </td>
                <td class="hide-narrow">
                  {delivery.status === 'delivered' ? (
                    <span class="muted">Delivered {formatDateTime(delivery.deliveredAt)}</span>
                  ) : (
                    <TimeAgo iso={delivery.nextAttemptAt} never="—" />
                  )}
                </td>
                <td class="actions">
                  <Button
                    class="button-small"
                    aria-label={`Resend ${delivery.type} ${delivery.eventId}`}
                    disabled={resend.pending}
                    onClick={async () => {
                      if (!(await resend.run(delivery))) return;
                      setResent(`${delivery.type} sent again.`);
                      deliveries.reload();
                    }}
                  >
                    Resend
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {deliveries.data && <Pagination pagination={deliveries.data.pagination} onPage={setPage} />}
    </section>
  );
}
