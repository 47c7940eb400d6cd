import type { Client } from '../api';
import type { CheckoutFlow } from '../flow/types';

/** What the checkout's components draw with besides the flow's state. */
export interface Surface {
  flow: CheckoutFlow;
  api: Client;
  /** The light-DOM node the Payment Element mounts into (Stripe refuses shadow roots). */
  slot: HTMLElement;
  dark: boolean;
  /** Modal mode: lets Stripe's 3-D Secure challenge show above the dialog while a payment is confirmed. */
  aside?: ((on: boolean) => void) | undefined;
}
