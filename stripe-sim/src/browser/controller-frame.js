// The hidden controller frame: reads PaymentIntents for the host page (stripe.retrievePaymentIntent), since
// only the sim's own origin may call its browser endpoints.
import { callApi, hostOrigin, intentIdFrom } from './frame-api.js';
import { listenTo, MESSAGES, postTo } from './messages.js';

const HOST_ORIGIN = hostOrigin();

listenTo(window, () => window.parent, HOST_ORIGIN, {
  [MESSAGES.retrieve]: async ({ requestId, publishableKey, clientSecret }) => {
    const path = `/v1/payment_intents/${encodeURIComponent(intentIdFrom(String(clientSecret)))}`;
    const result = await callApi('GET', path, String(publishableKey), {
      client_secret: String(clientSecret),
    });
    const answer =
      'error' in result ? { requestId, error: result.error } : { requestId, paymentIntent: result.data };
    postTo(window.parent, HOST_ORIGIN, MESSAGES.retrieveResult, answer);
  },
});
postTo(window.parent, HOST_ORIGIN, MESSAGES.ready, {});
