// Elements and the Payment Element, as Stripe.js has them. The card fields are in an iframe from the sim's
// origin; this side mounts it, sizes it and relays its events, and never sees what the buyer types.
import { FrameChannel, IntegrationError, simFrame } from './host-frames.js';
import { MESSAGES } from './messages.js';

/** The Payment Element: card fields in an iframe from the sim's origin. */
class PaymentElement {
  /** @param {Elements} elements @param {object} options */
  constructor(elements, options) {
    this.elements = elements;
    this.options = options;
    /** @type {Map<string, Set<(event: any) => void>>} */
    this.listeners = new Map();
    /** @type {HTMLDivElement | null} */
    this.container = null;
    /** @type {FrameChannel | null} */
    this.channel = null;
    this.destroyed = false;
  }

  /** @param {string | HTMLElement} target a DOM element or a CSS selector */
  mount(target) {
    if (this.destroyed)
      throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
    const node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node) {
      throw new IntegrationError(
        `The selector you specified (${String(target)}) applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().`,
      );
    }
    if (!(node instanceof HTMLElement)) {
      throw new IntegrationError(
        'Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.',
      );
    }
    // Stripe refuses shadow roots: its frames and focus handling need the light DOM.
    if (node.getRootNode() instanceof ShadowRoot) {
      throw new IntegrationError(
        'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.',
      );
    }
    if (this.channel) {
      throw new IntegrationError(
        'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.',
      );
    }
    const appearance = this.elements.options.appearance ?? {};
    const iframe = simFrame(
      'payment',
      { appearance: JSON.stringify(appearance), locale: this.elements.options.locale ?? 'auto' },
      'Secure payment input frame',
    );
    // The frame stays transparent only if its colour scheme matches the one this element declares.
    iframe.style.colorScheme = appearance.theme === 'night' ? 'dark' : 'light';
    iframe.style.height = '1px';
    this.channel = new FrameChannel(iframe, {
      [MESSAGES.ready]: () => this.emit('ready', { elementType: 'payment' }),
      [MESSAGES.resize]: ({ height }) => {
        iframe.style.height = `${Math.max(1, Math.ceil(Number(height)))}px`;
      },
      [MESSAGES.change]: ({ complete, empty }) =>
        this.emit('change', {
          elementType: 'payment',
          complete: Boolean(complete),
          empty: Boolean(empty),
          collapsed: false,
          value: { type: 'card' },
        }),
      [MESSAGES.focus]: () => this.emit('focus', { elementType: 'payment' }),
      [MESSAGES.blur]: () => this.emit('blur', { elementType: 'payment' }),
    });
    const container = document.createElement('div');
    container.className = '__PrivateStripeElement';
    Object.assign(container.style, {
      margin: '0',
      padding: '0',
      border: 'none',
      display: 'block',
      background: 'transparent',
    });
    container.append(iframe);
    node.append(container);
    this.container = container;
  }

  unmount() {
    this.channel?.close();
    this.container?.remove();
    this.channel = null;
    this.container = null;
    return this;
  }

  destroy() {
    this.unmount();
    this.destroyed = true;
    this.listeners.clear();
    if (this.elements.paymentElement === this) this.elements.paymentElement = null;
  }

  /** @param {string} event @param {(event: any) => void} handler */
  on(event, handler) {
    const handlers = this.listeners.get(event) ?? new Set();
    handlers.add(handler);
    this.listeners.set(event, handlers);
    return this;
  }

  /** @param {string} event @param {(event: any) => void} handler */
  once(event, handler) {
    /** @param {any} payload */
    const wrapped = (payload) => {
      this.off(event, wrapped);
      handler(payload);
    };
    return this.on(event, wrapped);
  }

  /** @param {string} event @param {(event: any) => void} [handler] all handlers when omitted */
  off(event, handler) {
    if (handler) this.listeners.get(event)?.delete(handler);
    else this.listeners.delete(event);
    return this;
  }

  /** @param {string} event @param {object} payload */
  emit(event, payload) {
    for (const handler of [...(this.listeners.get(event) ?? [])]) handler(payload);
  }

  focus() {
    this.channel?.send(MESSAGES.focusField, {});
    return this;
  }

  blur() {
    return this;
  }

  clear() {
    this.channel?.send(MESSAGES.clear, {});
    return this;
  }

  /** Collapsing only matters for layouts with several payment methods; cards stay open. */
  collapse() {
    return this;
  }

  /** @param {object} options */
  update(options) {
    Object.assign(this.options, options);
    return this;
  }
}

/** An Elements group: `mode: 'payment'` with amount and currency (deferred intent), or a clientSecret. */
export class Elements {
  /** @param {{ mode?: string, amount?: number, currency?: string, clientSecret?: string, appearance?: any, locale?: string }} options */
  constructor(options) {
    if (options.mode && options.mode !== 'payment') {
      throw new IntegrationError(
        `The stripe-sim supports elements({ mode: 'payment' }) only, not '${options.mode}'.`,
      );
    }
    if (options.mode && (typeof options.amount !== 'number' || typeof options.currency !== 'string')) {
      throw new IntegrationError(
        'Invalid value for elements(): in payment mode, amount (a number) and currency (a string) are required.',
      );
    }
    if (!options.mode && !options.clientSecret) {
      throw new IntegrationError('elements() needs either a clientSecret or mode, amount and currency.');
    }
    this.options = { ...options };
    /** @type {PaymentElement | null} */
    this.paymentElement = null;
    /** Whether submit() succeeded since the last confirmation, as deferred-intent confirmation requires. */
    this.submitted = false;
  }

  /** @param {string} type @param {object} [options] */
  create(type, options = {}) {
    if (type !== 'payment') {
      throw new IntegrationError(
        `The stripe-sim's Stripe.js supports the Payment Element only, not '${type}'.`,
      );
    }
    if (this.paymentElement) throw new IntegrationError('Can only create one Element of type payment.');
    this.paymentElement = new PaymentElement(this, options);
    return this.paymentElement;
  }

  /** @param {string} type */
  getElement(type) {
    return type === 'payment' ? this.paymentElement : null;
  }

  /** @param {object} options amount, currency, appearance… */
  update(options) {
    Object.assign(this.options, options);
    const appearance = /** @type {{ appearance?: object }} */ (options).appearance;
    if (appearance) this.paymentElement?.channel?.send(MESSAGES.update, { appearance });
  }

  /** Validates the Payment Element's fields; resolves with `{ error }` when they are incomplete or wrong. */
  async submit() {
    const channel = this.mountedChannel('elements.submit()');
    const result = await channel.request(MESSAGES.submit, {});
    this.submitted = !result.error;
    return result.error ? { error: result.error } : { selectedPaymentMethod: 'card' };
  }

  fetchUpdates() {
    return Promise.resolve({});
  }

  /** @param {string} caller */
  mountedChannel(caller) {
    const channel = this.paymentElement?.channel;
    if (!channel) {
      throw new IntegrationError(
        `Invalid value for ${caller}: elements should have a mounted Payment Element or Express Checkout Element.`,
      );
    }
    return channel;
  }
}
