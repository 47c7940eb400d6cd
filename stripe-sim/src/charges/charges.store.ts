import type Stripe from 'stripe';

/** Charges in memory, by id: one per attempt to pay a PaymentIntent. */
export class ChargeStore {
  private readonly charges = new Map<string, Stripe.Charge>();

  add(charge: Stripe.Charge): void {
    this.charges.set(charge.id, charge);
  }

  get(id: string): Stripe.Charge | undefined {
    return this.charges.get(id);
  }
}
