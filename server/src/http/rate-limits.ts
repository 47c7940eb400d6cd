import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { counterStore } from './rate-limit.store.ts';
import { rateLimit } from './rate-limit.ts';

const KEY_MANAGEMENT = /^\/v1\/api-keys(\/|$)/i;
const SCANS = /^\/v1\/scans\/?$/i;
const STRIPE_WEBHOOK = /^\/v1\/stripe\/webhook\/?$/i;
const PUBLIC_CHECKOUT = /^\/v1\/checkout\/sessions\/?$/i;
/** "Lost your tickets?": the widget's JSON route and the /tickets form. */
const TICKET_LINKS = /^\/(v1\/ticket-links|tickets)\/?$/i;

/**
 * The API's limiters. A request meets at most one; the Stripe webhook and paths outside /v1 meet
 * none. Door scans have their own budget: a venue's scanners share a key and scan a crowd in
 * minutes, which the general 200 per 15 minutes would stop at the 201st guest. They are also the
 * one limit a crowd makes busy: their counter is taken in blocks (leaseSize), not a statement a scan.
 */
export function rateLimiters(db: Database, limits: Config['rateLimits']) {
  const store = counterStore(db);
  const promoterApi = (path: string) =>
    /^\/v1\//i.test(path) && !STRIPE_WEBHOOK.test(path) && !KEY_MANAGEMENT.test(path) && !SCANS.test(path);
  return [
    rateLimit({
      store,
      name: 'key',
      limit: limits.perKey,
      windowSeconds: 15 * 60,
      key: (ctx) => (promoterApi(ctx.path) ? (ctx.state.auth?.keyId ?? null) : null),
    }),
    rateLimit({
      store,
      name: 'person',
      limit: limits.perPerson,
      windowSeconds: 15 * 60,
      subject: 'your account',
      key: (ctx) => (promoterApi(ctx.path) ? (ctx.state.auth?.personId ?? null) : null),
    }),
    rateLimit({
      store,
      name: 'key-management',
      limit: limits.keyManagement,
      windowSeconds: 60 * 60,
      key: (ctx) => (KEY_MANAGEMENT.test(ctx.path) ? (ctx.state.auth?.callerId ?? null) : null),
    }),
    rateLimit({
      store,
      name: 'scans',
      limit: limits.scans,
      windowSeconds: 60,
      leaseSize: scanLeaseSize(limits.scans),
      key: (ctx) => (SCANS.test(ctx.path) ? (ctx.state.auth?.callerId ?? null) : null),
    }),
    rateLimit({
      store,
      name: 'checkout',
      limit: limits.checkout,
      windowSeconds: 60,
      subject: 'this client',
      key: (ctx) =>
        !ctx.state.auth && ctx.method === 'POST' && PUBLIC_CHECKOUT.test(ctx.path) ? ctx.ip : null,
    }),
    rateLimit({
      store,
      name: 'ticket-links',
      limit: limits.ticketLinks,
      windowSeconds: 60 * 60,
      subject: 'this client',
      key: (ctx) => (ctx.method === 'POST' && TICKET_LINKS.test(ctx.path) ? ctx.ip : null),
    }),
  ];
}

/**
 * Scans each process counts in the database at once: 1% of the limit (12 of the default 1,200 a
 * minute), at most 100. So a key is refused at most 1% of its limit early for each process that
 * holds an unused block, and a venue's scanners update their key's row once per block, not per scan.
 */
export function scanLeaseSize(limit: number): number {
  return Math.max(1, Math.min(100, Math.floor(limit / 100)));
}
