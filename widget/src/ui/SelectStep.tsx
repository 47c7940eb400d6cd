import { useState } from 'preact/hooks';
import type { WidgetEvent, WidgetTier } from '../api';
import { formatMoney, formatPrice } from '../format';
import { TierList } from './TierList';

interface Props {
  data: WidgetEvent;
  quantities: Record<string, number>;
  email: string;
  busy: boolean;
  error: string;
  /** The API's `param` for the error, so the email field can be marked when it is the culprit. */
  errorParam?: string | undefined;
  onQuantity: (tier: WidgetTier, quantity: number) => void;
  onEmail: (email: string) => void;
  onContinue: () => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BAD_EMAIL = 'Enter a valid email address, like name@example.com.';

/** Tiers, email and "Continue · £24.00": everything before the hold. */
export function SelectStep(p: Props) {
  const { tiers, event } = p.data;
  const [problem, setProblem] = useState('');
  const total = tiers.reduce((sum, t) => sum + t.price * (p.quantities[t.id] ?? 0), 0);
  const count = tiers.reduce((n, t) => n + (p.quantities[t.id] ?? 0), 0);
  // 'Free' only for free tickets chosen, not for none.
  const money = (count ? formatPrice : formatMoney)(total, event.currency);

  if (!tiers.some((t) => t.available > 0)) {
    return (
      <>
        <TierList tiers={tiers} currency={event.currency} quantities={{}} onChange={() => {}} />
        <p class="soldout">This event is sold out. Check back later in case tickets are released.</p>
      </>
    );
  }

  const submit = (e: Event) => {
    e.preventDefault();
    const why = !count ? 'Choose at least one ticket.' : EMAIL.test(p.email.trim()) ? '' : BAD_EMAIL;
    setProblem(why);
    if (!why && !p.busy) p.onContinue();
  };
  const error = problem || p.error;
  const badEmail = problem ? problem === BAD_EMAIL : p.errorParam === 'customerEmail';
  // One alert per step, shown beside what it is about: under the field for the email, else by the button.
  const alert = (
    <p id="er-error" class="err" role="alert">
      {error}
    </p>
  );

  return (
    <form onSubmit={submit} noValidate>
      <TierList
        tiers={tiers}
        currency={event.currency}
        quantities={p.quantities}
        onChange={(t, n) => {
          setProblem('');
          p.onQuantity(t, n);
        }}
      />
      <label for="er-email">Email</label>
      <input
        id="er-email"
        type="email"
        autocomplete="email"
        required
        value={p.email}
        aria-invalid={badEmail}
        aria-describedby={badEmail ? 'er-error' : 'er-email-hint'}
        onInput={(e) => {
          if (problem === BAD_EMAIL) setProblem('');
          p.onEmail(e.currentTarget.value);
        }}
      />
      {badEmail ? (
        alert
      ) : (
        <p id="er-email-hint" class="hint">
          Your tickets are sent here.
        </p>
      )}
      <p class="total" aria-live="polite">
        <span>Total{count ? ` · ${count} ticket${count > 1 ? 's' : ''}` : ''}</span>
        <span>{money}</span>
      </p>
      {!badEmail && alert}
      <button class="primary" type="submit" disabled={p.busy}>
        {p.busy && <span class="spin" aria-hidden="true" />}
        {count ? `Continue · ${money}` : 'Continue'}
      </button>
    </form>
  );
}
