import { type AccountState, ONBOARDED } from './account.ts';

/**
 * Connect accounts in memory. Any well-formed `acct_…` is an account here: one the sim has not seen
 * is onboarded, and keeps the time it was first asked for as its `created`.
 */
export class AccountStore {
  private readonly accounts = new Map<string, { state: AccountState; created: number }>();

  get(id: string, now: number): { state: AccountState; created: number } {
    let account = this.accounts.get(id);
    if (!account) {
      account = { state: { ...ONBOARDED }, created: now };
      this.accounts.set(id, account);
    }
    return account;
  }

  update(id: string, now: number, changes: Partial<AccountState>): void {
    const account = this.get(id, now);
    account.state = { ...account.state, ...changes };
  }
}
