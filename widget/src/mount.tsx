import { render } from 'preact';
import type { Options } from './options';
import css from './styles.css?inline';
import { Checkout } from './ui/Checkout';
import { SLOT } from './ui/PaymentStep';

// Inline mode: the checkout lives in a shadow root on the host element, so the page's CSS and ours
// never meet. The one exception is the Stripe Payment Element, which refuses to mount in a shadow
// root: its node is a light-DOM child of the host, shown inside our layout by a named <slot>.

const mounted = new WeakMap<Element, () => void>();

/** Renders a checkout for `options` into `host`, unless one is already there. */
export function mount(host: HTMLElement, options: Options): void {
  if (mounted.has(host)) return;
  if (!options.eventId) {
    console.warn('EntryRate: data-entryrate-event is empty', host);
    return;
  }
  // A shadow root cannot be removed, so a remount after unmount() reuses it.
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const root = document.createElement('div');
  shadow.replaceChildren(style, root);

  const slot = document.createElement('div');
  slot.slot = SLOT;
  // Light-DOM children inherit the host page's CSS; keep it from resizing the Payment Element.
  slot.style.cssText = 'all:initial;display:block';
  host.appendChild(slot);

  render(<Checkout host={host} slot={slot} options={options} />, root);
  mounted.set(host, () => {
    render(null, root);
    shadow.replaceChildren();
    slot.remove();
  });
}

/** Removes the checkout from `host`, if there is one. */
export function unmount(host: Element): void {
  mounted.get(host)?.();
  mounted.delete(host);
}
