import type { ParameterizedContext } from 'koa';
import type { RequestInfo } from '../events/event-log.ts';
import type { Caller } from './auth.ts';
import type { Params } from './params.ts';

/** What the middleware leave on `ctx.state` for the routes. */
export interface SimState {
  requestId: string;
  params: Params;
  caller: Caller;
  /** The connected account of `Stripe-Account`, or null for the platform itself. */
  account: string | null;
}

export type SimContext = ParameterizedContext<SimState>;

/** The `:id` of the matched route; the route pattern guarantees it is there. */
export function pathId(ctx: { params: Record<string, string | undefined> }): string {
  return ctx.params.id ?? '';
}

/** The request an event is about, with its idempotency key, as Stripe records it in `event.request`. */
export function requestInfo(ctx: SimContext): RequestInfo {
  return { id: ctx.state.requestId, idempotencyKey: ctx.get('idempotency-key') || null };
}
