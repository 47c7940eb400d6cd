import type Stripe from 'stripe';

/** The platform's own payouts are kept under this key; a connected account's under its id. */
const PLATFORM = '';

/** Payouts in memory, held per account: one account never sees another's. */
export class PayoutStore {
  private readonly byAccount = new Map<string, Stripe.Payout[]>();
  private readonly accountOf = new Map<string, string>();

  add(account: string | null, payout: Stripe.Payout): void {
    const key = account ?? PLATFORM;
    this.byAccount.set(key, [...(this.byAccount.get(key) ?? []), payout]);
    this.accountOf.set(payout.id, key);
  }

  /** One of the account's payouts. */
  get(account: string | null, id: string): Stripe.Payout | undefined {
    return this.accountOf.get(id) === (account ?? PLATFORM) ? this.find(id)?.payout : undefined;
  }

  /** A payout of any account, with the account it belongs to (null: the platform). */
  find(id: string): { account: string | null; payout: Stripe.Payout } | undefined {
    const key = this.accountOf.get(id);
    const payout = key === undefined ? undefined : this.byAccount.get(key)?.find((p) => p.id === id);
    return payout && { account: key === PLATFORM ? null : (key as string), payout };
  }

  /** The account's payouts, newest first, as Stripe lists them. */
  list(account: string | null): Stripe.Payout[] {
    return [...(this.byAccount.get(account ?? PLATFORM) ?? [])].reverse();
  }
}
