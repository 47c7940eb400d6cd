import type { Mode } from '../promoters/api-keys.ts';
import type { Role } from './roles.ts';

/**
 * Who a request acts as: one promoter in one mode, with a role. An API key is an owner of its
 * promoter (an agency's admin key, of the promoter it was told to act for); a signed-in person has
 * the role their membership gives them.
 */
export interface Principal {
  promoterId: string;
  mode: Mode;
  role: Role;
  /** Who is calling, for idempotency scopes, rate limits and Stripe keys: a `key_…` or a `ses_…`. */
  callerId: string;
  /** The API key, when a key calls. */
  keyId: string | null;
  /** The person, when a signed-in session calls. */
  personId: string | null;
  /**
   * The only events this caller may see and scan: a scanner key given some events. Absent for
   * everyone else, who reach every event of their promoter and mode.
   */
  eventIds?: readonly string[] | undefined;
  /** A scanner key (`er_scan_…`) calls: its refusals say what such a key is for. */
  scannerKey?: boolean;
}
