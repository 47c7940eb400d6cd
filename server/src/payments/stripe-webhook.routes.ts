import Router from '@koa/router';
import type { AppDeps } from '../app.deps.ts';
import { ApiError } from '../http/errors.ts';
import { withPaymentErrors } from './payment-errors.ts';
import type { StripeWebhookReceipt } from './stripe-webhook.schema.ts';
import { handleStripeEvent } from './stripe-webhook.service.ts';

/** Stripe's inbound webhook: the signature is checked on the raw body before anything is read. */
export function stripeWebhookRouter({ db, payments, logger }: AppDeps): Router {
  const router = new Router();
  router.post('/v1/stripe/webhook', async (ctx) => {
    const signature = ctx.get('Stripe-Signature');
    const rawBody = ctx.request.rawBody;
    if (!signature || typeof rawBody !== 'string') {
      throw new ApiError(400, 'stripe.invalid_signature', 'A signed Stripe event is required.');
    }
    const event = await withPaymentErrors(async () => payments.verifyWebhook(rawBody, signature), {
      invalid_signature: () =>
        new ApiError(400, 'stripe.invalid_signature', 'The Stripe-Signature header does not verify.'),
    });
    const { duplicate } = await handleStripeEvent(db, event, logger, payments);
    ctx.body = { received: true, duplicate } satisfies StripeWebhookReceipt;
  });
  return router;
}
