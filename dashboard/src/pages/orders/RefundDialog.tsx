import { useState } from 'preact/hooks';
import { ApiError, api, type Schemas } from '../../api.ts';
import { formatMoney, parseMajorUnits, toMajorUnits } from '../../format.ts';
import { useAction } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { Button, Dialog, errorFor, FormError, TextField } from '../../ui/index.ts';

type Order = Schemas['Order'];

/**
 * Refunds an order in two steps: the amount (all that is left by default, or less for a partial
 * refund), then a confirmation that says what goes back to whom and that it cannot be undone. The
 * API's own rules (no more than is left, not a free order) come back beside the amount.
 */
export function RefundDialog({
  order,
  onClose,
  onRefunded,
}: {
  order: Order;
  onClose: () => void;
  onRefunded: (amount: number) => void;
}) {
  const scope = useRequiredScope();
  const left = order.amount - order.amountRefunded;
  const [amount, setAmount] = useState(toMajorUnits(left, order.currency));
  const [confirming, setConfirming] = useState<number | null>(null);
  const [inputError, setInputError] = useState<ApiError | undefined>();
  const refund = useAction((minor: number) =>
    api.post<Order>(`/v1/orders/${encodeURIComponent(order.id)}/refund`, {
      scope,
      body: minor === left ? {} : { amount: minor },
    }),
  );
  const error = inputError ?? refund.error;

  const review = (event: Event) => {
    event.preventDefault();
    const minor = parseMajorUnits(amount, order.currency);
    if (minor === null || minor < 1 || minor > left) {
      setInputError(
        new ApiError(
          422,
          'validation.invalid',
          `Enter an amount between ${formatMoney(1, order.currency)} and ${formatMoney(left, order.currency)}.`,
          'amount',
        ),
      );
      return;
    }
    setInputError(undefined);
    setConfirming(minor);
  };

  const confirm = async () => {
    if (confirming === null) return;
    if (await refund.run(confirming)) onRefunded(confirming);
    else setConfirming(null);
  };

  if (confirming !== null) {
    return (
      <Dialog
        open
        title="Confirm the refund"
        onClose={onClose}
        actions={
          <>
            <Button onClick={() => setConfirming(null)}>Back</Button>
            <Button variant="danger" busy={refund.pending} onClick={confirm}>
              Refund {formatMoney(confirming, order.currency)}
            </Button>
          </>
        }
      >
        <p>
          {formatMoney(confirming, order.currency)} goes back to {order.buyerEmail}'s card through Stripe.
          {confirming === left
            ? ' The order is then fully refunded and its tickets stop scanning at the door.'
            : ' The tickets stay valid: a partial refund does not void them.'}
        </p>
        <p>A refund cannot be undone.</p>
      </Dialog>
    );
  }

  return (
    <Dialog open title={`Refund order ${order.id}`} onClose={onClose}>
      <form onSubmit={review}>
        <FormError error={error && !error.param ? error : undefined} />
        <p>
          Paid {formatMoney(order.amount, order.currency)}, refunded so far{' '}
          {formatMoney(order.amountRefunded, order.currency)}: up to {formatMoney(left, order.currency)} can
          go back.
        </p>
        <TextField
          label={`Amount (${order.currency.toUpperCase()})`}
          hint="All that is left, or less for a partial refund."
          inputMode="decimal"
          value={amount}
          onValue={setAmount}
          error={errorFor(error, 'amount')}
          required
        />
        <div class="dialog-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Review refund
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
