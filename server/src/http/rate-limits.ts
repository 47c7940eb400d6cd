import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
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
 * minutes, which the general 200 per 15 minutes would stop at the 201st guest.
 */
export function rateLimiters(db: Database, limits: Config['rateLimits']) {
  const promoterApi = (path: string) =>
    /^\/v1\//i.test(path) && !STRIPE_WEBHOOK.test(path) && !KEY_MANAGEMENT.test(path) && !SCANS.test(path);
  return [
    rateLimit({
      db,
      name: 'key',
      limit: limits.perKey,
      windowSeconds: 15 * 60,
      key: (ctx) => (promoterApi(ctx.path) ? (ctx.state.auth?.keyId ?? null) : null),
    }),
    rateLimit({
      db,
      name: 'person',
      limit: limits.perPerson,
      windowSeconds: 15 * 60,
      subject: 'your account',
      key: (ctx) => (promoterApi(ctx.path) ? (ctx.state.auth?.personId ?? null) : null),
    }),
    rateLimit({
      db,
      name: 'key-management',
      limit: limits.keyManagement,
      windowSeconds: 60 * 60,
      key: (ctx) => (KEY_MANAGEMENT.test(ctx.path) ? (ctx.state.auth?.callerId ?? null) : null),
    }),
    rateLimit({
      db,
      name: 'scans',
      limit: limits.scans,
      windowSeconds: 60,
      key: (ctx) => (SCANS.test(ctx.path) ? (ctx.state.auth?.callerId ?? null) : null),
    }),
    rateLimit({
      db,
      name: 'checkout',
      limit: limits.checkout,
      windowSeconds: 60,
      subject: 'this client',
      key: (ctx) =>
        !ctx.state.auth && ctx.method === 'POST' && PUBLIC_CHECKOUT.test(ctx.path) ? ctx.ip : null,
    }),
    rateLimit({
      db,
      name: 'ticket-links',
      limit: limits.ticketLinks,
      windowSeconds: 60 * 60,
      subject: 'this client',
      key: (ctx) => (ctx.method === 'POST' && TICKET_LINKS.test(ctx.path) ? ctx.ip : null),
    }),
  ];
}
