import { api, download, type Schemas } from '../../api.ts';
import { useUrlFilters } from '../../filters.ts';
import { formatDateTime, formatMoney } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
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
  { value: 'paid', label: 'Paid' },
  { value: 'partially_refunded', label: 'Partially refunded' },
  { value: 'refunded', label: 'Refunded' },
];

const NO_FILTERS = { q: '', eventId: '', status: '' };

/**
 * Orders: found by the buyer's email (or a part of it) or an order id, narrowed to an event and a
 * status. The filters live in the address, so a filtered list can be shared or bookmarked.
 */
export default function OrderList() {
  const scope = useRequiredScope();
  const filters = useUrlFilters(NO_FILTERS);
  const { applied, draft, setDraft, page, filtered } = filters;
  const orders = useResource(
    () => api.get<Schemas['OrderPage']>('/v1/orders', { scope, query: { ...applied, page, limit: 25 } }),
    [scope.promoterId, scope.mode, filters.key, page],
  );
  const events = useResource(
    () => api.get<Schemas['EventPage']>('/v1/events', { scope, query: { limit: 100 } }),
    [scope.promoterId, scope.mode],
  );
  const titleOf = (eventId: string) => events.data?.data.find((e) => e.id === eventId)?.title ?? eventId;
  // Every order the filters find (not only this page), saved as the file the API names.
  const exportCsv = useAction(async () => {
    const file = await download('/v1/orders/export', { scope, query: applied });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file.blob);
    link.download = file.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    return file;
  });

  return (
    <>
      <PageHeader title="Orders">
        <Button busy={exportCsv.pending} onClick={() => void exportCsv.run()}>
          {filtered ? 'Export these orders (CSV)' : 'Export orders (CSV)'}
        </Button>
      </PageHeader>
      {exportCsv.error && <ErrorState error={exportCsv.error} />}
      <FilterBar
        label="Find orders"
        submitLabel="Search"
        filtered={filtered}
        onApply={filters.apply}
        onClear={filters.clear}
      >
        <TextField
          label="Email or order ID"
          type="search"
          value={draft.q}
          onValue={(q) => setDraft((draft) => ({ ...draft, q }))}
          error={errorFor(orders.error, 'q')}
        />
        <SelectField
          label="Event"
          value={draft.eventId}
          options={[
            { value: '', label: 'Every event' },
            ...(events.data?.data ?? []).map((e) => ({ value: e.id, label: e.title })),
          ]}
          onValue={(eventId) => setDraft((draft) => ({ ...draft, eventId }))}
          error={errorFor(orders.error, 'eventId')}
        />
        <SelectField
          label="Status"
          value={draft.status}
          options={STATUSES}
          onValue={(status) => setDraft((draft) => ({ ...draft, status }))}
          error={errorFor(orders.error, 'status')}
        />
      </FilterBar>
      {orders.error && !orders.error.param && <ErrorState error={orders.error} onRetry={orders.reload} />}
      {!orders.data && !orders.error && <Loading />}
      {orders.data?.data.length === 0 && (
        <EmptyState title={filtered ? 'No orders match' : 'No orders yet'}>
          <p>
            {filtered
              ? 'Check the spelling, or search by a shorter part of the email.'
              : 'Orders show here as buyers pay, newest first.'}
          </p>
        </EmptyState>
      )}
      {orders.data && orders.data.data.length > 0 && (
        <Table caption={`Orders (${orders.data.pagination.total})`}>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Buyer</th>
              <th scope="col" class="hide-narrow">
                Event
              </th>
              <th scope="col" class="num hide-narrow">
                Tickets
              </th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col" class="hide-narrow">
                Placed
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.data.data.map((order) => (
              <tr key={order.id}>
                <td class="mono small">
                  <a href={scope.href(`/orders/${encodeURIComponent(order.id)}`)}>{order.id}</a>
                </td>
                <td>{order.buyerEmail}</td>
                <td class="hide-narrow">{titleOf(order.eventId)}</td>
                <td class="num hide-narrow">{order.tickets.length}</td>
                <td class="num">{formatMoney(order.amount, order.currency)}</td>
                <td>
                  <Badge status={order.status} />
                </td>
                <td class="hide-narrow">{formatDateTime(order.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {orders.data && <Pagination pagination={orders.data.pagination} onPage={filters.toPage} />}
    </>
  );
}
