// The Stripe.js stand-in served at /js/v3. It defines window.Stripe as https://js.stripe.com/v3 does, for
// the parts EntryRate uses: Elements with the Payment Element, elements.submit(), confirmPayment(),
// retrievePaymentIntent() and the 3-D Secure challenge. Card fields live in an iframe from the sim's origin,
// so this page never sees a card number: the iframe sends it to the sim itself. The server joins this module
// and those it imports into one classic script (bundle.ts), because a Stripe.js <script> is not a module.
import { showChallenge } from './challenge-overlay.js';
import { Elements } from './elements.js';
import { FrameChannel, IntegrationError, simFrame } from './host-frames.js';
import { MESSAGES } from './messages.js';

/** Stripe.js's release train: @stripe/stripe-js's loadStripe() compares it and warns on a mismatch. */
const VERSION = 'endive';

const CLIENT_SECRET = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/;

/** What Stripe(publishableKey) returns. */
class StripeClient {
  /** @param {string} publishableKey */
  constructor(publishableKey) {
    this.publishableKey = publishableKey;
    /** @type {FrameChannel | null} the hidden frame that reads PaymentIntents, as Stripe.js's controller frame */
    this.controller = null;
  }

  /** @stripe/stripe-js announces itself with these; nothing to record here. */
  _registerWrapper() {}
  registerAppInfo() {}

  /** @param {ConstructorParameters<typeof Elements>[0]} [options] */
  elements(options = {}) {
    return new Elements(options);
  }

  /**
   * Confirms the PaymentIntent with the card in the Payment Element. The frame sends the card to the sim;
   * this page only learns the outcome. With `redirect: 'if_required'` a card payment resolves here.
   * @param {{ elements: Elements, clientSecret?: string, confirmParams?: { return_url?: string, receipt_email?: string }, redirect?: string }} options
   */
  async confirmPayment(options) {
    const { elements, confirmParams = {}, redirect = 'always' } = options ?? {};
    if (!(elements instanceof Elements)) {
      throw new IntegrationError(
        `Invalid value for stripe.confirmPayment(): elements should be an Elements group. You specified: ${typeof elements}.`,
      );
    }
    const channel = elements.mountedChannel('stripe.confirmPayment()');
    const clientSecret = this.checkClientSecret(
      options.clientSecret ?? elements.options.clientSecret,
      'stripe.confirmPayment()',
    );
    if (elements.options.mode && !elements.submitted) {
      throw new IntegrationError(
        'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred',
      );
    }
    if (redirect !== 'if_required' && !confirmParams.return_url) {
      throw new IntegrationError(
        "stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`",
      );
    }
    elements.submitted = false;
    const result = await channel.request(MESSAGES.confirm, {
      publishableKey: this.publishableKey,
      clientSecret,
      returnUrl: confirmParams.return_url,
      receiptEmail: confirmParams.receipt_email,
    });
    if (result.error) return { error: result.error };
    const settled = await this.settle(result.paymentIntent, clientSecret);
    if ('error' in settled || redirect === 'if_required') return settled;
    return this.redirectTo(/** @type {string} */ (confirmParams.return_url), settled.paymentIntent);
  }

  /** @param {string} clientSecret */
  async retrievePaymentIntent(clientSecret) {
    this.checkClientSecret(clientSecret, 'stripe.retrievePaymentIntent()');
    const result = await this.controllerChannel().request(MESSAGES.retrieve, {
      publishableKey: this.publishableKey,
      clientSecret,
    });
    return result.error ? { error: result.error } : { paymentIntent: result.paymentIntent };
  }

  /** Runs the PaymentIntent's next action (3-D Secure) after a server-side confirmation. */
  async handleNextAction(/** @type {{ clientSecret: string }} */ { clientSecret }) {
    const retrieved = await this.retrievePaymentIntent(clientSecret);
    return retrieved.error ? retrieved : this.settle(retrieved.paymentIntent, clientSecret);
  }

  /**
   * Takes a confirmed PaymentIntent through 3-D Secure if it asks for it, and turns a failed
   * authentication into the error Stripe.js returns.
   * @param {any} paymentIntent
   * @param {string} clientSecret
   * @returns {Promise<{ paymentIntent: any } | { error: any }>}
   */
  async settle(paymentIntent, clientSecret) {
    if (paymentIntent.status !== 'requires_action' || paymentIntent.next_action?.type !== 'use_stripe_sdk') {
      return { paymentIntent };
    }
    await showChallenge(this.publishableKey, clientSecret);
    const retrieved = await this.retrievePaymentIntent(clientSecret);
    if (retrieved.error) return retrieved;
    const after = retrieved.paymentIntent;
    if (after.status === 'requires_payment_method' && after.last_payment_error) {
      return { error: { ...after.last_payment_error, payment_intent: after } };
    }
    return { paymentIntent: after };
  }

  /**
   * After a payment that must redirect, Stripe.js leaves for return_url with the PaymentIntent in the query.
   * @param {string} returnUrl
   * @param {any} paymentIntent
   */
  redirectTo(returnUrl, paymentIntent) {
    const url = new URL(returnUrl, window.location.href);
    url.searchParams.set('payment_intent', paymentIntent.id);
    url.searchParams.set('payment_intent_client_secret', paymentIntent.client_secret);
    url.searchParams.set(
      'redirect_status',
      paymentIntent.status === 'succeeded' ? 'succeeded' : 'processing',
    );
    window.location.assign(url.toString());
    return new Promise(() => {});
  }

  /** @param {unknown} clientSecret @param {string} caller @returns {string} */
  checkClientSecret(clientSecret, caller) {
    if (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret)) {
      throw new IntegrationError(
        `Invalid value for ${caller}: clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
      );
    }
    return clientSecret;
  }

  /** The hidden frame that reads PaymentIntents for this page, created on first use. */
  controllerChannel() {
    if (!this.controller) {
      const iframe = simFrame('controller', {}, '');
      iframe.setAttribute('aria-hidden', 'true');
      iframe.tabIndex = -1;
      Object.assign(iframe.style, { display: 'none' });
      this.controller = new FrameChannel(iframe);
      document.body.append(iframe);
    }
    return this.controller;
  }
}

/**
 * `Stripe(publishableKey)`, callable with or without `new`, as on js.stripe.com.
 * @param {string} publishableKey
 */
function Stripe(publishableKey) {
  if (typeof publishableKey !== 'string') {
    throw new IntegrationError(
      `Invalid value for Stripe(): apiKey should be a string. You specified: ${typeof publishableKey}.`,
    );
  }
  if (publishableKey.startsWith('sk_')) {
    throw new IntegrationError(
      'You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.',
    );
  }
  if (!publishableKey.startsWith('pk_test_')) {
    throw new IntegrationError('The stripe-sim accepts test publishable keys only (pk_test_…).');
  }
  return new StripeClient(publishableKey);
}
Stripe.version = VERSION;

/** @type {any} */ (window).Stripe = Stripe;
