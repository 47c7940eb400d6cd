import type { StripePayout } from '../payments/payment-gateway.ts';

export interface Payout {
  id: string;
  amount: number;
  currency: string;
  status: string;
  arrivalDate: string;
  createdAt: string;
}

export function toPayout(payout: StripePayout): Payout {
  return {
    id: payout.id,
    amount: payout.amount,
    currency: payout.currency,
    status: payout.status,
    arrivalDate: payout.arrivalDate.toISOString(),
    createdAt: payout.created.toISOString(),
  };
}
