// DOM events the host page can listen to, e.g. for analytics: `el.addEventListener('entryrate:completed', …)`.

/** Detail of each `entryrate:<name>` event. */
export interface WidgetEvents {
  ready: { eventId: string };
  'tier-selected': { tierId: string; quantity: number };
  'checkout-started': { sessionId: string };
  completed: { orderId: string; amount: number; currency: string };
  expired: { sessionId: string };
  /** The modal was closed (its hold, if any, released). */
  closed: Record<string, never>;
}

export type WidgetEventName = keyof WidgetEvents;

/** Every event name, so the iframe mode can relay each of them and accept nothing else. */
export const EVENT_NAMES: readonly WidgetEventName[] = [
  'ready',
  'tier-selected',
  'checkout-started',
  'completed',
  'expired',
  'closed',
];

/** Dispatches `entryrate:<name>` on the host element; it bubbles and is composed so it leaves any shadow tree. */
export function emit<K extends WidgetEventName>(host: EventTarget, name: K, detail: WidgetEvents[K]): void {
  host.dispatchEvent(new CustomEvent(`entryrate:${name}`, { detail, bubbles: true, composed: true }));
}
