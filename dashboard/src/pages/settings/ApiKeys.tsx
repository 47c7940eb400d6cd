import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  Checkbox,
  ConfirmDialog,
  Dialog,
  EmptyState,
  ErrorState,
  errorFor,
  FormError,
  Loading,
  PageHeader,
  Pagination,
  SecretReveal,
  SelectField,
  Table,
  TextField,
  TimeAgo,
} from '../../ui/index.ts';

type ApiKey = Schemas['ApiKey'];
type Kind = ApiKey['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'secret', label: 'Secret key: acts for this promoter' },
  { value: 'admin', label: 'Admin key: also for the promoters this one manages' },
  { value: 'scanner', label: 'Scanner key: only scans tickets at the door' },
];

const KIND_WORDS: Record<Kind, string> = { secret: 'Secret', admin: 'Admin', scanner: 'Scanner' };

const KIND_HINTS: Record<Kind, string> = {
  secret: 'For your own server: it can do everything an owner can, in this mode.',
  admin: 'An admin key can name a managed promoter in the EntryRate-Promoter header.',
  scanner: 'For a door device: it scans tickets and reads door counts, and every other request is refused.',
};

/** Settings → API keys: the promoter's keys in this mode, made here (secret shown once) and revoked. */
export default function ApiKeys() {
  const scope = useRequiredScope();
  const [page, setPage] = useState(1);
  const keys = useResource(
    () => api.get<Schemas['ApiKeyPage']>('/v1/api-keys', { scope, query: { page, limit: 50 } }),
    [scope.promoterId, scope.mode, page],
  );
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useAction((key: ApiKey) => api.delete<ApiKey>(`/v1/api-keys/${key.id}`, { scope }));

  const confirmRevoke = async () => {
    if (!revoking || !(await revoke.run(revoking))) return;
    setRevoking(null);
    keys.reload();
  };

  return (
    <>
      <PageHeader title="API keys">
        {keys.data && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create key
          </Button>
        )}
      </PageHeader>
      <p class="lead">
        Your systems call the EntryRate API with a secret key, sent as{' '}
        <code>Authorization: Bearer er_{scope.mode}_…</code>. {scope.mode === 'test' ? 'Test' : 'Live'} keys
        see {scope.mode} data only. Keep them on your server, never in a web page.
      </p>
      {keys.error && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {!keys.data && !keys.error && <Loading />}
      {keys.data && keys.data.data.length === 0 && (
        <EmptyState title={`No ${scope.mode} keys yet`}>
          <p>Create one to call the API from your own systems.</p>
        </EmptyState>
      )}
      {keys.data && keys.data.data.length > 0 && (
        <Table caption={`${scope.mode === 'test' ? 'Test' : 'Live'} API keys`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col" class="hide-narrow">
                Kind
              </th>
              <th scope="col" class="hide-narrow">
                Created
              </th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.data.map((key) => (
              <tr key={key.id}>
                <th scope="row" class="wrap">
                  {key.name ?? <span class="muted">Unnamed</span>}
                </th>
                <td>
                  <code>
                    er_{key.mode}_…{key.last4}
                  </code>
                </td>
                <td class="hide-narrow">{KIND_WORDS[key.kind]}</td>
                <td class="hide-narrow">{formatDateTime(key.createdAt)}</td>
                <td>
                  <TimeAgo iso={key.lastUsedAt} />
                </td>
                <td>
                  {key.revokedAt ? (
                    <>
                      <Badge status="revoked" label="Revoked" /> <TimeAgo iso={key.revokedAt} />
                    </>
                  ) : (
                    <Badge status="enabled" label="Active" />
                  )}
                </td>
                <td class="actions">
                  {!key.revokedAt && (
                    <Button
                      variant="ghost"
                      class="button-small"
                      aria-label={`Revoke ${key.name ?? `key ending ${key.last4}`}`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(key);
                      }}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {keys.data && <Pagination pagination={keys.data.pagination} onPage={setPage} />}

      <CreateKey
        open={creating}
        onClose={() => {
          setCreating(false);
          keys.reload();
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        danger
        pending={revoke.pending}
        error={revoke.error}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        <p>
          Requests with <strong>{revoking?.name ?? 'this key'}</strong> (<code>…{revoking?.last4}</code>) fail
          from now on. Any system still using it stops working. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** The dialog that names a new key, then shows its secret once. */
function CreateKey({ open, onClose }: { open: boolean; onClose: () => void }) {
  const scope = useRequiredScope();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('secret');
  /** A scanner key's events; none chosen: every event. */
  const [eventIds, setEventIds] = useState<string[]>([]);
  const [created, setCreated] = useState<Schemas['ApiKeyWithSecret'] | null>(null);
  const events = useResource(
    () =>
      kind === 'scanner'
        ? api.get<Schemas['EventPage']>('/v1/events', {
            scope,
            query: { limit: 100, from: new Date().toISOString() },
          })
        : Promise.resolve(undefined),
    [scope.promoterId, scope.mode, kind],
  );
  const create = useAction(() =>
    api.post<Schemas['ApiKeyWithSecret']>('/v1/api-keys', {
      scope,
      body: {
        ...(name.trim() ? { name: name.trim() } : {}),
        kind,
        ...(kind === 'scanner' && eventIds.length > 0 ? { eventIds } : {}),
      },
    }),
  );

  const close = () => {
    setCreated(null);
    setName('');
    setKind('secret');
    setEventIds([]);
    create.reset();
    onClose();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const key = await create.run();
    if (key) setCreated(key);
  };

  return (
    <Dialog
      open={open}
      title={created?.secret ? 'Your new key' : `Create a ${scope.mode} key`}
      onClose={close}
      actions={
        created?.secret && (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        )
      }
    >
      {created?.secret ? (
        <SecretReveal label="Secret key" secret={created.secret}>
          <p class="small">
            Try it:{' '}
            <code class="wrap">
              curl {location.origin}/v1/events -H "Authorization: Bearer {created.secret}"
            </code>
            {created.kind === 'scanner' &&
              ' A scanner key sees only its events, and scans their tickets with POST /v1/scans.'}
          </p>
        </SecretReveal>
      ) : (
        <form onSubmit={submit}>
          <FormError error={create.error} />
          <TextField
            label="Name"
            name="name"
            value={name}
            onValue={setName}
            maxLength={80}
            hint="So you can tell keys apart later: “Website”, “Box office laptop”."
            error={errorFor(create.error, 'name')}
          />
          <SelectField
            label="Kind"
            value={kind}
            options={KINDS}
            onValue={(value) => setKind(value as Kind)}
            hint={KIND_HINTS[kind]}
            error={errorFor(create.error, 'kind')}
          />
          {kind === 'scanner' && (
            <fieldset class={`fieldset${errorFor(create.error, 'eventIds', true) ? ' field-invalid' : ''}`}>
              <legend>Events it may scan</legend>
              {events.data?.data.length === 0 && (
                <p class="muted">No upcoming events: it will scan every event.</p>
              )}
              {events.data?.data.map((event) => (
                <Checkbox
                  key={event.id}
                  label={event.title}
                  checked={eventIds.includes(event.id)}
                  onValue={(on) =>
                    setEventIds(on ? [...eventIds, event.id] : eventIds.filter((id) => id !== event.id))
                  }
                />
              ))}
              <p class="field-hint">None ticked: every event of this promoter, in {scope.mode} mode.</p>
              {errorFor(create.error, 'eventIds', true) && (
                <p class="field-error">{errorFor(create.error, 'eventIds', true)}</p>
              )}
            </fieldset>
          )}
          <div class="dialog-actions">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.pending}>
              Create key
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
