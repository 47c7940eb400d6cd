import { type ColumnType, type Generated, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Role } from '../access/roles.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Mode = 'test' | 'live';

export interface PromotersTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
  /** The promoter's Stripe Connect account (`acct_…`): its payouts, and Connect events' `account`. */
  stripe_account_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The agency that manages this promoter (its admin keys act for it); null for most. */
  agency_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ApiKeysTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  key_hash: string;
  last4: string;
  name: string | null;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
  /** `secret` acts for its promoter; `admin` also for the promoters its promoter manages. */
  kind: ColumnType<ApiKeyKind, ApiKeyKind | undefined, ApiKeyKind>;
  /** Touched by `authenticate` at most once a minute. */
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A scanner key's events; null: every event of its promoter and mode (and for other kinds). */
  event_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
}

/** `secret` and `admin` act as an owner; `scanner` only scans and reads door counts. */
export type ApiKeyKind = 'secret' | 'admin' | 'scanner';

export interface VenuesTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  name: string;
  city: string;
  city_id: string;
  timezone: string;
  created_at: Generated<Date>;
}

export interface EventsTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  slug: string;
  title: string;
  status: 'draft' | 'live' | 'cancelled';
  venue_id: string;
  doors: Timestamp;
  currency: string;
  network: Generated<boolean>;
  rotating_qr: Generated<boolean>;
  hold_minutes: number;
  qr_secret: string;
  created_at: Generated<Date>;
  published_at: Timestamp | null;
}

export interface TiersTable {
  id: string;
  event_id: string;
  slug: string;
  name: string;
  price: number;
  stock: number;
  sold: Generated<number>;
  reserved: Generated<number>;
  max_per_order: Generated<number>;
  position: number;
  sales_start: Timestamp | null;
  sales_end: Timestamp | null;
}

export type SessionStatus = 'open' | 'complete' | 'expired' | 'cancelled';
/** `refund_pending`/`refunded`: paid after the hold was gone and no seats were left, so refunded. */
export type PaymentStatus = 'unpaid' | 'paid' | 'refund_pending' | 'refunded';

export interface CheckoutSessionsTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  event_id: string;
  status: SessionStatus;
  customer_email: string;
  amount_total: number;
  currency: string;
  client_secret: string;
  success_url: string | null;
  cancel_url: string | null;
  payment_intent_id: string | null;
  order_id: string | null;
  expires_at: Timestamp;
  created_at: Generated<Date>;
  completed_at: Timestamp | null;
  payment_status: Generated<PaymentStatus>;
  /** Set when a session closed with a PaymentIntent that Stripe still has to cancel. */
  intent_cancel_pending: Generated<boolean>;
  /**
   * When the worker next asks Stripe about this session's payment; null when nothing is owed, or
   * when it gave up (then `settle_error` says why, and the promoter can ask for another try).
   */
  settle_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Failed settlement attempts in a row. */
  settle_attempts: Generated<number>;
  settle_error: string | null;
}

export interface CheckoutSessionItemsTable {
  session_id: string;
  tier_id: string;
  quantity: number;
  unit_price: number;
}

export interface OrdersTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  event_id: string;
  session_id: string;
  status: 'paid' | 'partially_refunded' | 'refunded';
  buyer_email: string;
  amount: number;
  amount_refunded: Generated<number>;
  currency: string;
  /** Null for a free order, which never touched Stripe. */
  payment_intent_id: string | null;
  /** The state of the mail that carries the tickets; 'none' for orders from before mail existed. */
  email_status: Generated<'none' | 'pending' | 'sent' | 'failed'>;
  email_error: string | null;
  /** What the ticket page link is signed with, and its current version (older links are revoked). */
  ticket_link_key: Generated<string>;
  ticket_link_version: Generated<number>;
  created_at: Generated<Date>;
}

export interface TicketsTable {
  id: string;
  order_id: string;
  event_id: string;
  tier_id: string;
  status: 'valid' | 'void';
  qr_payload: string;
  created_at: Generated<Date>;
}

export interface RefundsTable {
  /** Stripe's refund id (`re_…`). */
  id: string;
  order_id: string;
  amount: number;
  /** Stripe's `created`: whole seconds. */
  created_at: Timestamp;
  /** When the API recorded it: orders refunds of the same second. */
  recorded_at: Generated<Date>;
}

/** A ticket's admission: its earliest accepted scan, one per ticket at most (`id` is that attempt's scan id). */
export interface ScansTable {
  id: string;
  ticket_id: string;
  event_id: string;
  key_id: string | null;
  scanned_at: Timestamp;
  /** The gate or device the scan was made at, as the scanner named it. */
  gate: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Every scan of a valid ticket a scanner made, online or offline, by the scanner's own id for it. */
export interface ScanAttemptsTable {
  promoter_id: string;
  scan_id: string;
  ticket_id: string;
  event_id: string;
  key_id: string | null;
  gate: string | null;
  scanned_at: Timestamp;
  received_at: Generated<Date>;
}

export interface StripeEventsTable {
  id: string;
  type: string;
  received_at: Generated<Date>;
  /** Why a verified event changed nothing (a PaymentIntent we did not create, another account…). */
  ignored_reason: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  status_code: number | null;
  response_body: unknown;
  created_at: Generated<Date>;
  completed_at: Timestamp | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
  expires_at: Timestamp;
}

export interface WebhookEndpointsTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  url: string;
  /** Event types, or `['*']` for all. */
  events: string[];
  secret: string;
  status: Generated<'enabled' | 'disabled'>;
  disabled_reason: string | null;
  disabled_at: Timestamp | null;
  last_success_at: Timestamp | null;
  created_at: Generated<Date>;
  deleted_at: Timestamp | null;
}

export interface WebhookEventsTable {
  id: string;
  promoter_id: string;
  mode: Mode;
  type: string;
  /** The exact JSON body sent to every endpoint (a `json` column: bytes and key order kept). */
  payload: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  event_id: string;
  endpoint_id: string;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  /** Due time of the next attempt; while a worker holds the delivery, the end of its lease. */
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lease_token: string | null;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Generated<Date>;
  /** Where the current 3-day retry window starts; null: at `created_at`. */
  retry_from: Timestamp | null;
  /** Attempts made before the current retry window. */
  retry_base: Generated<number>;
}

/** One attempt of a delivery, as the delivery log shows it. */
export interface WebhookDeliveryAttemptsTable {
  event_id: string;
  endpoint_id: string;
  number: number;
  at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type MailKind =
  | 'order'
  | 'refund'
  | 'cancellation'
  | 'ticket_links'
  | 'signup_confirmation'
  | 'account_exists'
  | 'password_reset'
  | 'team_invitation';

/** A person who signs in to the dashboard; `email` is stored lower-cased. */
export interface PersonsTable {
  id: string;
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (accounts/passwords.ts). */
  password_hash: string;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  person_id: string;
  promoter_id: string;
  role: Role;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  /** sha256 of the cookie's token. */
  token_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

/** A sign-up waiting for its mailed link; the password is hashed already. */
export interface SignupsTable {
  token_hash: string;
  email: string;
  name: string;
  password_hash: string;
  promoter_name: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: string;
  promoter_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface MailOutboxTable {
  id: string;
  kind: MailKind;
  order_id: string | null;
  recipient: string;
  dedupe_key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'pending' | 'sent' | 'failed' | 'superseded'>;
  attempts: Generated<number>;
  /** Due time of the next attempt; while a worker holds the mail, the end of its lease. */
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lease_token: string | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface DB {
  promoters: PromotersTable;
  api_keys: ApiKeysTable;
  venues: VenuesTable;
  events: EventsTable;
  tiers: TiersTable;
  checkout_sessions: CheckoutSessionsTable;
  checkout_session_items: CheckoutSessionItemsTable;
  orders: OrdersTable;
  tickets: TicketsTable;
  refunds: RefundsTable;
  scan_attempts: ScanAttemptsTable;
  scans: ScansTable;
  stripe_events: StripeEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
  mail_outbox: MailOutboxTable;
  persons: PersonsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  signups: SignupsTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
}

export type Database = Kysely<DB>;
/** Either the database or a transaction: what every service and store takes first. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** Opens a pooled Kysely connection to PostgreSQL. */
export function createDatabase(
  connectionString: string,
  options: { poolSize?: number; onConnectionError?: (error: Error) => void } = {},
): Database {
  const { poolSize = 10, onConnectionError } = options;
  // A database that drops packets must fail a request (503) in seconds, not hang it.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 });
  // A connection can die (database restart, shutdown), idle in the pool or checked out between two
  // queries of a transaction. Without a listener, node-postgres turns either into an uncaught
  // exception that ends the process; with one, the query in flight fails (answered 503) and the
  // pool drops the broken connection when it comes back.
  pool.on('error', (error) => onConnectionError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => onConnectionError?.(error)));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
