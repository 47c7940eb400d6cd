import { api, type Schemas } from '../../api.ts';
import { useUrlFilters } from '../../filters.ts';
import { formatDateTime } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  ButtonLink,
  EmptyState,
  ErrorState,
  errorFor,
  FilterBar,
  Loading,
  PageHeader,
  Pagination,
  SelectField,
  Table,
  TextField,
} from '../../ui/index.ts';

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'draft', label: 'Draft' },
  { value: 'live', label: 'On sale' },
  { value: 'cancelled', label: 'Cancelled' },
];

const WHEN = [
  { value: '', label: 'Any time' },
  { value: 'upcoming', label: 'Upcoming' },
  { value: 'past', label: 'Past' },
];

const NO_FILTERS = { q: '', status: '', when: '' };

/**
 * Events: every event of this promoter in this mode, found by title, status and whether its doors
 * are still to come. The filters live in the address, so a filtered list can be shared.
 */
export default function EventList() {
  const scope = useRequiredScope();
  const filters = useUrlFilters(NO_FILTERS);
  const { applied, draft, setDraft, page, filtered } = filters;
  const events = useResource(() => {
    const now = new Date().toISOString();
    const window = applied.when === 'upcoming' ? { from: now } : applied.when === 'past' ? { to: now } : {};
    return api.get<Schemas['EventPage']>('/v1/events', {
      scope,
      query: { q: applied.q, status: applied.status, ...window, page, limit: 25 },
    });
  }, [scope.promoterId, scope.mode, filters.key, page]);

  return (
    <>
      <PageHeader title="Events">
        {scope.can('events.write') && (
          <ButtonLink variant="primary" href={scope.href('/events/new')}>
            New event
          </ButtonLink>
        )}
      </PageHeader>
      <FilterBar
        label="Find events"
        submitLabel="Search"
        filtered={filtered}
        onApply={filters.apply}
        onClear={filters.clear}
      >
        <TextField
          label="Title"
          type="search"
          value={draft.q}
          onValue={(q) => setDraft((draft) => ({ ...draft, q }))}
          error={errorFor(events.error, 'q')}
        />
        <SelectField
          label="Status"
          value={draft.status}
          options={STATUSES}
          onValue={(status) => setDraft((draft) => ({ ...draft, status }))}
          error={errorFor(events.error, 'status')}
        />
        <SelectField
          label="When"
          value={draft.when}
          options={WHEN}
          onValue={(when) => setDraft((draft) => ({ ...draft, when }))}
        />
      </FilterBar>
      {events.error && !events.error.param && <ErrorState error={events.error} onRetry={events.reload} />}
      {!events.data && !events.error && <Loading />}
      {events.data?.data.length === 0 && (
        <EmptyState title={filtered ? 'No events match' : 'No events yet'}>
          <p>
            {filtered
              ? 'Try another title, status or time.'
              : 'Create one with New event, or through the API (POST /v1/events): it starts as a draft.'}
          </p>
        </EmptyState>
      )}
      {events.data && events.data.data.length > 0 && (
        <Table caption={`Events (${events.data.pagination.total})`}>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Doors</th>
              <th scope="col">Status</th>
              <th scope="col" class="num hide-narrow">
                Sold
              </th>
              <th scope="col" class="num hide-narrow">
                Scanned
              </th>
            </tr>
          </thead>
          <tbody>
            {events.data.data.map((event) => {
              const sold = event.tiers.reduce((sum, tier) => sum + tier.sold, 0);
              const stock = event.tiers.reduce((sum, tier) => sum + tier.stock, 0);
              return (
                <tr key={event.id}>
                  <td>
                    <a href={scope.href(`/events/${encodeURIComponent(event.id)}`)}>{event.title}</a>
                  </td>
                  <td>{formatDateTime(event.doors)}</td>
                  <td>
                    <Badge status={event.status} />
                  </td>
                  <td class="num hide-narrow">
                    {sold} / {stock}
                  </td>
                  <td class="num hide-narrow">{event.scans}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {events.data && <Pagination pagination={events.data.pagination} onPage={filters.toPage} />}
    </>
  );
}
