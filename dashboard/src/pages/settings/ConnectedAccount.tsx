import { api, type Schemas } from '../../api.ts';
import { useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { Badge, EmptyState, ErrorState, Loading } from '../../ui/index.ts';

type StripeAccount = NonNullable<Schemas['Account']['stripeAccount']>;

/** `GB` → "United Kingdom (GB)", where the browser knows the name. */
function countryName(code: string | null): string {
  if (!code) return 'Not set';
  try {
    const name = new Intl.DisplayNames(undefined, { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** What the promoter should know first: ready, or what Stripe still holds back. */
function summaryOf(account: StripeAccount): { tone: 'success' | 'warning'; text: string } {
  if (account.chargesEnabled && account.payoutsEnabled) {
    return {
      tone: 'success',
      text: 'Ready: buyers can pay you, and Stripe pays your balance out to your bank.',
    };
  }
  const held = [
    !account.chargesEnabled && 'buyers cannot pay you (checkouts fail)',
    !account.payoutsEnabled && 'Stripe is not paying out to your bank',
  ].filter(Boolean);
  const next = account.detailsSubmitted
    ? 'Stripe is reviewing your details; its Dashboard says if it needs more.'
    : "Finish Stripe's onboarding forms in its Dashboard.";
  return { tone: 'warning', text: `For now ${held.join(', and ')}. ${next}` };
}

function Flag({ on, yes, no }: { on: boolean; yes: string; no: string }) {
  return <Badge status={on ? 'enabled' : 'disabled'} label={on ? yes : no} />;
}

/** The connected Stripe account's state, as Stripe reports it now (GET /v1/account). */
export function ConnectedAccount() {
  const scope = useRequiredScope();
  const account = useResource(
    () => api.get<Schemas['Account']>('/v1/account', { scope }),
    [scope.promoterId, scope.mode],
  );
  const stripe = account.data?.stripeAccount ?? null;
  const summary = stripe && summaryOf(stripe);

  return (
    <section class="card" aria-labelledby="connected-account">
      <h2 id="connected-account">Stripe account</h2>
      {account.error && <ErrorState error={account.error} onRetry={account.reload} />}
      {!account.data && !account.error && <Loading label="Asking Stripe about your account…" />}
      {account.data && !stripe && (
        <EmptyState title="No Stripe account connected">
          <p>
            Buyers' payments and your payouts go through a Stripe Connect account. Once one is connected to{' '}
            {account.data.name}, whether it can take payments and pay out shows here.
          </p>
        </EmptyState>
      )}
      {stripe && summary && (
        <>
          <div class={`alert alert-${summary.tone}`} role="status">
            <p>{summary.text}</p>
          </div>
          <dl class="facts">
            <div>
              <dt>Payments</dt>
              <dd>
                <Flag on={stripe.chargesEnabled} yes="Charges enabled" no="Charges not enabled" />
              </dd>
            </div>
            <div>
              <dt>Payouts</dt>
              <dd>
                <Flag on={stripe.payoutsEnabled} yes="Payouts enabled" no="Payouts not enabled" />
              </dd>
            </div>
            <div>
              <dt>Onboarding</dt>
              <dd>
                <Flag on={stripe.detailsSubmitted} yes="Details submitted" no="Details missing" />
              </dd>
            </div>
            <div>
              <dt>Country</dt>
              <dd>{countryName(stripe.country)}</dd>
            </div>
            <div>
              <dt>Default currency</dt>
              <dd>{stripe.defaultCurrency ? stripe.defaultCurrency.toUpperCase() : 'Not set'}</dd>
            </div>
            <div>
              <dt>Account ID</dt>
              <dd class="mono">{stripe.id}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
