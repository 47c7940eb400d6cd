import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ApiError, api, type Schemas, type Scope } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  ConfirmDialog,
  Dialog,
  ErrorState,
  errorFor,
  FormError,
  Loading,
  Notice,
  PageHeader,
  SecretReveal,
} from '../../ui/index.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { describeEvents, EventTypesField, type Subscription } from './webhook-events.tsx';

type Endpoint = Schemas['WebhookEndpoint'];

/** One endpoint, found in the list (there is no read-one route). */
async function loadEndpoint(scope: Scope, id: string): Promise<Endpoint> {
  for (let page = 1; ; page++) {
    const { data, pagination } = await api.get<Schemas['WebhookEndpointPage']>('/v1/webhook-endpoints', {
      scope,
      query: { page, limit: 100 },
    });
    const found = data.find((endpoint) => endpoint.id === id);
    if (found) return found;
    if (page >= pagination.pages) {
      throw new ApiError(
        404,
        'webhook.not_found',
        `There is no webhook endpoint ${id} in ${scope.mode} mode.`,
      );
    }
  }
}

/**
 * Settings → Webhooks → one endpoint: what it receives (editable), its status (re-enable when
 * disabled), its secret (rotate, shown once), a test event, the delivery log and deleting it.
 */
export default function WebhookEndpoint() {
  const scope = useRequiredScope();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.endpointId ?? '';
  const endpoint = useResource(() => loadEndpoint(scope, id), [scope.promoterId, scope.mode, id]);
  const [logVersion, setLogVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const path = `/v1/webhook-endpoints/${encodeURIComponent(id)}`;

  const sendTest = useAction(() => api.post<Schemas['WebhookDelivery']>(`${path}/test`, { scope, body: {} }));
  const enable = useAction(() => api.post<Endpoint>(`${path}/enable`, { scope, body: {} }));
  const remove = useAction(() => api.delete<Schemas['WebhookEndpointDeleted']>(path, { scope }));

  const back = { href: scope.href('/settings/webhooks'), label: 'Webhooks' };
  if (endpoint.error) {
    return (
      <>
        <PageHeader title="Webhook endpoint" back={back} />
        <ErrorState error={endpoint.error} onRetry={endpoint.reload} />
      </>
    );
  }
  if (!endpoint.data) {
    return (
      <>
        <PageHeader title="Webhook endpoint" back={back} />
        <Loading />
      </>
    );
  }
  const current = endpoint.data;

  return (
    <>
      <PageHeader title="Webhook endpoint" back={back}>
        <Button
          variant="secondary"
          busy={sendTest.pending}
          onClick={async () => {
            if (!(await sendTest.run())) return;
            setNotice('A test ping is on its way. It shows in the log below.');
            setLogVersion((v) => v + 1);
          }}
        >
          Send test event
        </Button>
      </PageHeader>
      <p class="endpoint-url mono">{current.url}</p>
      <FormError error={sendTest.error} />
      {notice && <Notice tone="success">{notice}</Notice>}

      {current.status === 'disabled' && (
        <div class="alert alert-warning" role="status">
          <p class="alert-title">This endpoint is disabled</p>
          <p>
            {current.disabledReason ?? 'It stopped receiving events.'} Since{' '}
            {formatDateTime(current.disabledAt)}. Deliveries wait until you turn it back on, then retries
            resume.
          </p>
          <FormError error={enable.error} />
          <Button
            variant="primary"
            busy={enable.pending}
            onClick={async () => {
              if (!(await enable.run())) return;
              setNotice('The endpoint is enabled again: waiting deliveries go out now.');
              endpoint.reload();
              setLogVersion((v) => v + 1);
            }}
          >
            Re-enable endpoint
          </Button>
        </div>
      )}

      <dl class="facts card">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge status={current.status} />
          </dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{describeEvents(current.events)}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{scope.mode === 'test' ? 'Test' : 'Live'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(current.createdAt)}</dd>
        </div>
        <div>
          <dt>ID</dt>
          <dd class="mono">{current.id}</dd>
        </div>
      </dl>

      <div class="two-columns">
        <EditEvents
          // A new form when the saved events change; a reload that changes nothing keeps the edits.
          key={[...current.events].sort().join()}
          endpoint={current}
          path={path}
          onSaved={() => {
            setNotice('Saved: the endpoint gets the chosen events from now on.');
            endpoint.reload();
          }}
        />
        <SigningSecret path={path} />
      </div>

      <DeliveryLog path={path} version={logVersion} />

      <section class="card danger-zone" aria-labelledby="delete-endpoint">
        <h2 id="delete-endpoint">Delete this endpoint</h2>
        <p>It gets no more events, and its delivery log goes with it.</p>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          Delete endpoint
        </Button>
      </section>
      <ConfirmDialog
        open={deleting}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        danger
        pending={remove.pending}
        error={remove.error}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          if (await remove.run()) route(back.href);
        }}
      >
        <p>
          <span class="mono">{current.url}</span> stops getting events at once. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** The endpoint's event types, changed with PATCH. */
function EditEvents({ endpoint, path, onSaved }: { endpoint: Endpoint; path: string; onSaved: () => void }) {
  const scope = useRequiredScope();
  const [events, setEvents] = useState<Subscription[]>(endpoint.events);
  const save = useAction(() => api.patch<Endpoint>(path, { scope, body: { events } }));
  const changed = [...events].sort().join() !== [...endpoint.events].sort().join();
  return (
    <section class="card" aria-labelledby="endpoint-events">
      <h2 id="endpoint-events">Events</h2>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (await save.run()) onSaved();
        }}
      >
        <FormError error={save.error} />
        <EventTypesField value={events} onValue={setEvents} error={errorFor(save.error, 'events', true)} />
        <Button type="submit" variant="primary" busy={save.pending} disabled={!changed}>
          Save events
        </Button>
      </form>
    </section>
  );
}

/** Rotating the signing secret: the new one is shown once, the old one stops signing at once. */
function SigningSecret({ path }: { path: string }) {
  const scope = useRequiredScope();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useAction(() =>
    api.post<Schemas['WebhookEndpointWithSecret']>(`${path}/rotate-secret`, { scope, body: {} }),
  );
  return (
    <section class="card" aria-labelledby="endpoint-secret">
      <h2 id="endpoint-secret">Signing secret</h2>
      <p>
        Each delivery carries <code>EntryRate-Signature</code>, the hex HMAC-SHA256 of its raw body with this
        secret. It was shown once, when the endpoint was made. Lost it, or it leaked? Make a new one.
      </p>
      <Button
        onClick={() => {
          rotate.reset();
          setConfirming(true);
        }}
      >
        Rotate secret
      </Button>
      <ConfirmDialog
        open={confirming && secret === null}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        pending={rotate.pending}
        error={rotate.error}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          const rotated = await rotate.run();
          if (rotated?.secret) setSecret(rotated.secret);
        }}
      >
        <p>
          Deliveries are signed with a new secret from now on. Put it in your server's configuration straight
          away: signatures made with the old one no longer come.
        </p>
      </ConfirmDialog>
      <Dialog
        open={secret !== null}
        title="New signing secret"
        onClose={() => {
          setSecret(null);
          setConfirming(false);
        }}
        actions={
          <Button
            variant="primary"
            onClick={() => {
              setSecret(null);
              setConfirming(false);
            }}
          >
            Done
          </Button>
        }
      >
        {secret && <SecretReveal label="Signing secret" secret={secret} />}
      </Dialog>
    </section>
  );
}
