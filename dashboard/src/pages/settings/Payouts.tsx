import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, apiUrl, type Schemas } from '../../api.ts';
import { formatDate, formatDateTime, formatMoney } from '../../format.ts';
import { useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  errorFor,
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

interface Filters {
  status: string;
  arrivalFrom: string;
  arrivalTo: string;
}

/**
 * Settings → Payouts: the connected Stripe account's state and its payouts to the bank, filtered by
 * status and arrival date. The filters live in the address, so a filtered list can be shared.
 */
export default function Payouts() {
  const scope = useRequiredScope();
  const { path, query, route } = useLocation();
  const applied: Filters = {
    status: query.status ?? '',
    arrivalFrom: query.arrivalFrom ?? '',
    arrivalTo: query.arrivalTo ?? '',
  };
  const page = Number(query.page ?? 1) || 1;
  const [draft, setDraft] = useState<Filters>(applied);
  const payouts = useResource(
    () => api.get<Schemas['PayoutPage']>('/v1/payouts', { scope, query: { ...applied, page, limit: 25 } }),
    [scope.promoterId, scope.mode, applied.status, applied.arrivalFrom, applied.arrivalTo, page],
  );
  const go = (filters: Filters, toPage = 1) =>
    route(apiUrl(path, { ...filters, page: toPage > 1 ? toPage : undefined }), true);
  const filtered = Boolean(applied.status || applied.arrivalFrom || applied.arrivalTo);

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
      <form
        class="filters"
        aria-label="Filter payouts"
        onSubmit={(event) => {
          event.preventDefault();
          go(draft);
        }}
      >
        <SelectField
          label="Status"
          value={draft.status}
          options={STATUSES}
          onValue={(status) => setDraft({ ...draft, status })}
          error={errorFor(payouts.error, 'status')}
        />
        <TextField
          label="Arriving from"
          type="date"
          value={draft.arrivalFrom}
          onValue={(arrivalFrom) => setDraft({ ...draft, arrivalFrom })}
          error={errorFor(payouts.error, 'arrivalFrom')}
        />
        <TextField
          label="Arriving by"
          type="date"
          value={draft.arrivalTo}
          onValue={(arrivalTo) => setDraft({ ...draft, arrivalTo })}
          error={errorFor(payouts.error, 'arrivalTo')}
        />
        <div class="filters-actions">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          {filtered && (
            <Button
              onClick={() => {
                const none = { status: '', arrivalFrom: '', arrivalTo: '' };
                setDraft(none);
                go(none);
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
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
      {payouts.data && <Pagination pagination={payouts.data.pagination} onPage={(p) => go(applied, p)} />}
    </>
  );
}
