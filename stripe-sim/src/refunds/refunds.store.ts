import type Stripe from 'stripe';

/** Refunds in memory, in the order they were made. */
export class RefundStore {
  private readonly refunds = new Map<string, Stripe.Refund>();

  add(refund: Stripe.Refund): void {
    this.refunds.set(refund.id, refund);
  }

  get(id: string): Stripe.Refund | undefined {
    return this.refunds.get(id);
  }

  /** Newest first, as Stripe lists them, optionally only those of one charge or PaymentIntent. */
  list(filter: { charge?: string; paymentIntent?: string }): Stripe.Refund[] {
    return [...this.refunds.values()]
      .filter(
        (refund) =>
          (!filter.charge || refund.charge === filter.charge) &&
          (!filter.paymentIntent || refund.payment_intent === filter.paymentIntent),
      )
      .reverse();
  }
}
