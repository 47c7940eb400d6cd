import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  Dialog,
  EmptyState,
  ErrorState,
  errorFor,
  FormError,
  Loading,
  PageHeader,
  Pagination,
  SecretReveal,
  Table,
  TextField,
} from '../../ui/index.ts';
import { describeEvents, EventTypesField, type Subscription } from './webhook-events.tsx';

type WithSecret = Schemas['WebhookEndpointWithSecret'];

/** Settings → Webhooks: the URLs EntryRate POSTs events to, in this mode, and adding one. */
export default function Webhooks() {
  const scope = useRequiredScope();
  const [page, setPage] = useState(1);
  const endpoints = useResource(
    () =>
      api.get<Schemas['WebhookEndpointPage']>('/v1/webhook-endpoints', { scope, query: { page, limit: 50 } }),
    [scope.promoterId, scope.mode, page],
  );
  const [adding, setAdding] = useState(false);

  return (
    <>
      <PageHeader title="Webhooks">
        {endpoints.data && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add endpoint
          </Button>
        )}
      </PageHeader>
      <p class="lead">
        EntryRate POSTs each event to your endpoints as it happens, signed with the endpoint's secret in the{' '}
        <code>EntryRate-Signature</code> header, and retries for days until your server answers 2xx.{' '}
        {scope.mode === 'test' ? 'Test' : 'Live'} endpoints get {scope.mode} events only.
      </p>
      {endpoints.error && <ErrorState error={endpoints.error} onRetry={endpoints.reload} />}
      {!endpoints.data && !endpoints.error && <Loading />}
      {endpoints.data?.data.length === 0 && (
        <EmptyState title={`No ${scope.mode} endpoints yet`}>
          <p>Add one to hear about orders, refunds, scans and payouts on your own server.</p>
        </EmptyState>
      )}
      {endpoints.data && endpoints.data.data.length > 0 && (
        <Table caption="Webhook endpoints">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Status</th>
              <th scope="col" class="hide-narrow">
                Created
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.data.map((endpoint) => (
              <tr key={endpoint.id}>
                <th scope="row" class="wrap">
                  <a href={scope.href(`/settings/webhooks/${endpoint.id}`)} class="mono">
                    {endpoint.url}
                  </a>
                </th>
                <td class="wrap">{describeEvents(endpoint.events)}</td>
                <td>
                  <Badge status={endpoint.status} />
                </td>
                <td class="hide-narrow">{formatDateTime(endpoint.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {endpoints.data && <Pagination pagination={endpoints.data.pagination} onPage={setPage} />}
      <AddEndpoint
        open={adding}
        onClose={() => {
          setAdding(false);
          endpoints.reload();
        }}
      />
    </>
  );
}

/** The dialog that adds an endpoint, then shows its signing secret once. */
function AddEndpoint({ open, onClose }: { open: boolean; onClose: () => void }) {
  const scope = useRequiredScope();
  const { route } = useLocation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<Subscription[]>(['*']);
  const [created, setCreated] = useState<WithSecret | null>(null);
  const add = useAction(() =>
    api.post<WithSecret>('/v1/webhook-endpoints', { scope, body: { url: url.trim(), events } }),
  );

  const close = () => {
    setCreated(null);
    setUrl('');
    setEvents(['*']);
    add.reset();
    onClose();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const endpoint = await add.run();
    if (endpoint) setCreated(endpoint);
  };

  return (
    <Dialog
      open={open}
      title={created?.secret ? 'Endpoint added' : 'Add a webhook endpoint'}
      onClose={close}
      actions={
        created?.secret && (
          <>
            <Button onClick={close}>Done</Button>
            <Button
              variant="primary"
              onClick={() => {
                const id = created.id;
                close();
                route(scope.href(`/settings/webhooks/${id}`));
              }}
            >
              Open endpoint
            </Button>
          </>
        )
      }
    >
      {created?.secret ? (
        <SecretReveal label="Signing secret" secret={created.secret}>
          <p class="small">
            Check each delivery's <code>EntryRate-Signature</code>: the hex HMAC-SHA256 of the raw body with
            this secret.
          </p>
        </SecretReveal>
      ) : (
        <form onSubmit={submit}>
          <FormError error={add.error} />
          <TextField
            label="Endpoint URL"
            name="url"
            type="url"
            inputMode="url"
            required
            placeholder="https://example.com/entryrate/webhooks"
            value={url}
            onValue={setUrl}
            hint={
              scope.mode === 'test'
                ? 'An https URL on the public internet (http://localhost works on a development server only).'
                : 'https on the public internet.'
            }
            error={errorFor(add.error, 'url')}
          />
          <EventTypesField value={events} onValue={setEvents} error={errorFor(add.error, 'events', true)} />
          <div class="dialog-actions">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" busy={add.pending}>
              Add endpoint
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
