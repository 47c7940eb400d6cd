import { api, type Schemas } from '../../api.ts';
import { useUrlFilters } from '../../filters.ts';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
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
import { ConnectedAccount } from './ConnectedAccount.tsx';

type Status = Schemas['Payout']['status'];

const STATUSES: { value: Status | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'pending', label: 'Pending' },
  { value: 'in_transit', label: 'In transit' },
  { value: 'paid', label: 'Paid' },
  { value: 'failed', label: 'Failed' },
  { value: 'canceled', label: 'Canceled' },
];

const NO_FILTERS = { status: '', arrivalFrom: '', arrivalTo: '' };

/**
 * Settings → Payouts: the connected Stripe account's state and its payouts to the bank, filtered by
 * status and arrival date. The filters live in the address, so a filtered list can be shared.
 */
export default function Payouts() {
  const scope = useRequiredScope();
  const filters = useUrlFilters(NO_FILTERS);
  const { applied, draft, setDraft, page, filtered } = filters;
  const payouts = useResource(
    () => api.get<Schemas['PayoutPage']>('/v1/payouts', { scope, query: { ...applied, page, limit: 25 } }),
    [scope.promoterId, scope.mode, filters.key, page],
  );

  if (payouts.error?.code === 'payouts.account_not_connected') {
    return (
      <>
        <PageHeader title="Payouts" />
        <ConnectedAccount />
        <EmptyState title="No payouts without a Stripe account">
          <p>{payouts.error.message} Once one is connected, Stripe's payouts to your bank show here.</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Payouts" />
      <ConnectedAccount />
      <h2>Payouts to your bank</h2>
      <FilterBar label="Filter payouts" filtered={filtered} onApply={filters.apply} onClear={filters.clear}>
        <SelectField
          label="Status"
          value={draft.status}
          options={STATUSES}
          onValue={(status) => setDraft((draft) => ({ ...draft, status }))}
          error={errorFor(payouts.error, 'status')}
        />
        <TextField
          label="Arriving from"
          type="date"
          value={draft.arrivalFrom}
          onValue={(arrivalFrom) => setDraft((draft) => ({ ...draft, arrivalFrom }))}
          error={errorFor(payouts.error, 'arrivalFrom')}
        />
        <TextField
          label="Arriving by"
          type="date"
          value={draft.arrivalTo}
          onValue={(arrivalTo) => setDraft((draft) => ({ ...draft, arrivalTo }))}
          error={errorFor(payouts.error, 'arrivalTo')}
        />
      </FilterBar>
      {payouts.error && <ErrorState error={payouts.error} onRetry={payouts.reload} />}
      {!payouts.data && !payouts.error && <Loading />}
      {payouts.data?.data.length === 0 && (
        <EmptyState title={filtered ? 'No payouts match these filters' : 'No payouts yet'}>
          <p>
            {filtered
              ? 'Try another status or a wider range of dates.'
              : 'Stripe pays your balance out to your bank on its schedule; each payout shows here.'}
          </p>
        </EmptyState>
      )}
      {payouts.data && payouts.data.data.length > 0 && (
        <Table caption="Payouts">
          <thead>
            <tr>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Arrives</th>
              <th scope="col" class="hide-narrow">
                Created
              </th>
              <th scope="col" class="hide-narrow">
                ID
              </th>
            </tr>
          </thead>
          <tbody>
            {payouts.data.data.map((payout) => (
              <tr key={payout.id}>
                <td class="num">{formatMoney(payout.amount, payout.currency)}</td>
                <td>
                  <Badge status={payout.status} />
                </td>
                <td>{formatDate(payout.arrivalDate)}</td>
                <td class="hide-narrow">{formatDateTime(payout.createdAt)}</td>
                <td class="mono small hide-narrow">{payout.id}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {payouts.data && <Pagination pagination={payouts.data.pagination} onPage={filters.toPage} />}
    </>
  );
}
