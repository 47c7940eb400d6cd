import type { Middleware } from 'koa';
import { newId } from '../ids.ts';
import type { Params } from './params.ts';
import type { SimState } from './state.ts';

/** Secrets never reach the log: a card number shows as its last four digits, CVCs and client secrets not at all. */
function redact(params: Params | undefined): Params | undefined {
  if (!params) return params;
  const redacted: Params = { ...params };
  if (typeof params.client_secret === 'string') {
    redacted.client_secret = `${params.client_secret.split('_secret_')[0]}_secret_•••`;
  }
  const data = params.payment_method_data as Params | undefined;
  const card = data?.card as Params | undefined;
  if (data && card && typeof card === 'object') {
    const number = typeof card.number === 'string' ? `•••• ${card.number.slice(-4)}` : card.number;
    redacted.payment_method_data = {
      ...data,
      card: { ...card, number, cvc: card.cvc === undefined ? undefined : '•••' },
    };
  }
  return redacted;
}

/** What a response was about, in a few words: the object's id and status, or the error's code. */
function summarize(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as {
    id?: string;
    status?: string;
    object?: string;
    error?: { code?: string; message?: string };
  };
  if (b.error) return `${b.error.code ?? ''} ${b.error.message ?? ''}`.trim();
  if (b.object === 'list') return 'list';
  return [b.id, b.status].filter(Boolean).join(' ');
}

/**
 * Gives each request Stripe's `Request-Id` header and logs one line per API call with what was
 * received (parameters, idempotency key) and what was sent back.
 */
export function requestLog(log: (line: string) => void): Middleware<SimState> {
  return async (ctx, next) => {
    ctx.state.requestId = newId('req', 14);
    ctx.set('Request-Id', ctx.state.requestId);
    await next();
    if (!ctx.path.startsWith('/v1/') && ctx.status < 400) return;
    const params = redact(ctx.state.params);
    const received = params && Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : '';
    const key = ctx.get('idempotency-key') ? ` [Idempotency-Key ${ctx.get('idempotency-key')}]` : '';
    const account = ctx.get('stripe-account') ? ` [Stripe-Account ${ctx.get('stripe-account')}]` : '';
    const replayed = ctx.response.get('Idempotent-Replayed') ? ' (replayed)' : '';
    log(
      `${ctx.method} ${ctx.path}${received}${key}${account} -> ${ctx.status}${replayed} ${summarize(ctx.body)}`.trimEnd(),
    );
  };
}
