import { ApiError } from '../http/errors.ts';
import { PaymentProviderError } from './payment-gateway.ts';

type Kind = PaymentProviderError['kind'];

/**
 * Runs a call to the payment provider and turns its typed failures into what the calling feature
 * wants its caller to see. `unavailable` is a 503 everywhere unless the feature says otherwise;
 * any kind the feature does not name is rethrown as it is (a bug, answered 500 and logged).
 */
export async function withPaymentErrors<T>(
  call: () => Promise<T>,
  answers: Partial<Record<Kind, (error: PaymentProviderError) => ApiError>> = {},
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    const answer = answers[error.kind] ?? (error.kind === 'unavailable' ? paymentsUnavailable : undefined);
    throw answer ? answer(error) : error;
  }
}

const paymentsUnavailable = () =>
  new ApiError(503, 'payments.unavailable', 'The payment provider could not be reached; try again.');
