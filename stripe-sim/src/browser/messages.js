// The messages between the host page (the Stripe.js stand-in) and the sim's frames. Each name is namespaced;
// each payload's type is in messages.d.ts. Messages go to one explicit origin, never "*", and are only
// accepted from the expected window and origin.

export const MESSAGES = Object.freeze({
  // frame -> host
  ready: 'stripe-sim:ready',
  resize: 'stripe-sim:resize',
  change: 'stripe-sim:change',
  focus: 'stripe-sim:focus',
  blur: 'stripe-sim:blur',
  submitResult: 'stripe-sim:submit-result',
  confirmResult: 'stripe-sim:confirm-result',
  retrieveResult: 'stripe-sim:retrieve-result',
  challengeResult: 'stripe-sim:challenge-result',
  // host -> frame
  update: 'stripe-sim:update',
  submit: 'stripe-sim:submit',
  confirm: 'stripe-sim:confirm',
  retrieve: 'stripe-sim:retrieve',
  focusField: 'stripe-sim:focus-field',
  clear: 'stripe-sim:clear',
});

/**
 * Posts one message to `target`, readable only by a document of `targetOrigin`.
 * @param {{ postMessage(message: unknown, targetOrigin: string): void }} target
 * @param {string} targetOrigin
 * @param {string} type one of MESSAGES
 * @param {object} payload
 */
export function postTo(target, targetOrigin, type, payload) {
  target.postMessage({ type, payload }, targetOrigin);
}

/**
 * Handles messages on `win` that come from the window `source()` returns, at `origin`; anything else is
 * ignored. Returns a function that stops listening.
 * @param {Window} win
 * @param {() => unknown} source
 * @param {string} origin
 * @param {Record<string, (payload: any) => void>} handlers by message name
 */
export function listenTo(win, source, origin, handlers) {
  /** @param {MessageEvent} event */
  const onMessage = (event) => {
    if (event.origin !== origin || event.source !== source()) return;
    const { type, payload } = event.data ?? {};
    if (typeof type === 'string' && Object.hasOwn(handlers, type)) handlers[type](payload ?? {});
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}
