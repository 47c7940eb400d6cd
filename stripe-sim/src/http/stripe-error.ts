import type Stripe from 'stripe';

/** The body of Stripe's `{ error: … }` responses, as stripe-node and Stripe.js read it. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  /** The whole PaymentIntent for a secret key; the subset Stripe.js sees for a publishable key. */
  payment_intent?: Partial<Stripe.PaymentIntent>;
  payment_method?: Stripe.PaymentMethod;
}

/** An error the API answers with Stripe's status and error shape; thrown by services, rendered by one middleware. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }
}

function withDocs(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code}` } : body;
}

/** 400 invalid_request_error. */
export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, withDocs({ type: 'invalid_request_error', message, param, code }));
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');
}

export function unknownParam(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
}

/** 404 resource_missing, worded as Stripe words it ("No such payment_intent: 'pi_…'"). */
export function resourceMissing(objectName: string, id: string, param: string): StripeApiError {
  return new StripeApiError(
    404,
    withDocs({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${objectName}: '${id}'`,
      param,
    }),
  );
}

/** 400 payment_intent_unexpected_state, carrying the PaymentIntent as Stripe does. */
export function unexpectedState(
  message: string,
  paymentIntent: Partial<Stripe.PaymentIntent>,
): StripeApiError {
  return new StripeApiError(
    400,
    withDocs({
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      message,
      payment_intent: paymentIntent,
    }),
  );
}

export function idempotencyError(message: string, status = 400): StripeApiError {
  return new StripeApiError(status, { type: 'idempotency_error', message });
}

/** 401: stripe-node turns it into StripeAuthenticationError. */
export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

/** 402 card_error: a decline or bad card details. */
export function cardError(body: Omit<StripeErrorBody, 'type'>): StripeApiError {
  return new StripeApiError(402, withDocs({ type: 'card_error', ...body }));
}
