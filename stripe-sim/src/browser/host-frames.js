// The host page's side of the sim's frames: creating them and talking to them. Part of the Stripe.js
// stand-in (see stripe-js.js); the server joins these modules into one classic script (bundle.ts).
import { listenTo, MESSAGES, postTo } from './messages.js';

/** The sim's origin as this browser sees it: where this script came from, and where the frames live. */
export const SIM_ORIGIN = new URL(/** @type {HTMLScriptElement} */ (document.currentScript).src).origin;

/** The error Stripe.js throws when it is used wrongly, named so callers can tell it apart. */
export class IntegrationError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'IntegrationError';
  }
}

let framesCreated = 0;

/**
 * An iframe from the sim's origin, with its URL parameters; `origin` tells the frame which page to answer.
 * @param {string} page
 * @param {Record<string, string>} params
 * @param {string} title
 */
export function simFrame(page, params, title) {
  framesCreated += 1;
  const iframe = document.createElement('iframe');
  const query = new URLSearchParams({ ...params, origin: window.location.origin });
  iframe.src = `${SIM_ORIGIN}/elements/${page}?${query}`;
  iframe.name = `__privateStripeSimFrame${framesCreated}`;
  iframe.title = title;
  iframe.setAttribute('frameborder', '0');
  iframe.setAttribute('allowtransparency', 'true');
  iframe.setAttribute('scrolling', 'no');
  iframe.setAttribute('allow', 'payment *');
  Object.assign(iframe.style, { border: '0', margin: '0', padding: '0', display: 'block', width: '100%' });
  return iframe;
}

/** Talks to one sim frame: sends once it has loaded, and pairs each request with the frame's answer. */
export class FrameChannel {
  /**
   * @param {HTMLIFrameElement} iframe
   * @param {Record<string, (payload: any) => void>} handlers for messages the frame sends on its own
   */
  constructor(iframe, handlers = {}) {
    this.iframe = iframe;
    /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
    this.pending = new Map();
    this.nextRequestId = 1;
    /** @type {() => void} */
    let markReady = () => {};
    this.loaded = new Promise((resolve) => {
      markReady = () => resolve(undefined);
    });
    /** @param {{ requestId: number }} payload */
    const answer = (payload) => {
      const request = this.pending.get(payload.requestId);
      this.pending.delete(payload.requestId);
      request?.resolve(payload);
    };
    this.stopListening = listenTo(window, () => iframe.contentWindow, SIM_ORIGIN, {
      ...handlers,
      [MESSAGES.ready]: (payload) => {
        markReady();
        handlers[MESSAGES.ready]?.(payload);
      },
      [MESSAGES.submitResult]: answer,
      [MESSAGES.confirmResult]: answer,
      [MESSAGES.retrieveResult]: answer,
    });
  }

  /**
   * @template {import('./messages.js').MessageName} K
   * @param {K} type
   * @param {import('./messages.js').MessageMap[K]} payload
   */
  async send(type, payload) {
    await this.loaded;
    const target = this.iframe.contentWindow;
    if (target) postTo(target, SIM_ORIGIN, type, payload);
  }

  /**
   * @template {'stripe-sim:submit' | 'stripe-sim:confirm' | 'stripe-sim:retrieve'} K
   * @param {K} type
   * @param {Omit<import('./messages.js').MessageMap[K], 'requestId'>} payload
   * @returns {Promise<any>}
   */
  request(type, payload) {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.send(type, /** @type {import('./messages.js').MessageMap[K]} */ ({ ...payload, requestId }));
    });
  }

  close() {
    this.stopListening();
    for (const request of this.pending.values()) {
      request.reject(
        new IntegrationError('The Payment Element was unmounted while a request was in progress.'),
      );
    }
    this.pending.clear();
  }
}
