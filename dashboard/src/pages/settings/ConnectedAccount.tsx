/** The connected Stripe account's state: a placeholder until GET /v1/account lands. */
export function ConnectedAccount() {
  return null;
}
