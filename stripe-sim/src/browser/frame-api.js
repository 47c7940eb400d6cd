// How the sim's frames call its API, as Stripe.js calls api.stripe.com from its own frames: same origin,
// publishable key, form-encoded parameters. The host page cannot make these calls (no CORS headers).

/**
 * @param {'GET' | 'POST'} method
 * @param {string} path e.g. /v1/payment_intents/pi_…/confirm
 * @param {string} publishableKey
 * @param {Record<string, string>} params
 * @returns {Promise<{ data: any } | { error: any }>}
 */
export async function callApi(method, path, publishableKey, params) {
  const query = new URLSearchParams(params);
  const headers = { Authorization: `Bearer ${publishableKey}` };
  try {
    const response =
      method === 'GET'
        ? await fetch(`${path}?${query}`, { headers })
        : await fetch(path, {
            method,
            headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: query,
          });
    const json = await response.json();
    return response.ok ? { data: json } : { error: json.error };
  } catch {
    return {
      error: {
        type: 'api_connection_error',
        message: 'We could not reach the payment server. Check your connection and try again.',
      },
    };
  }
}

/** `pi_123` from `pi_123_secret_abc`. @param {string} clientSecret */
export function intentIdFrom(clientSecret) {
  return clientSecret.split('_secret_')[0] ?? '';
}

/** The page that opened this frame, from the `origin` parameter the host put in the frame's URL. */
export function hostOrigin() {
  return new URLSearchParams(window.location.search).get('origin') ?? '';
}
