import { render } from 'preact';
import { addStyles, pin } from './dom';
import { mountFrame } from './frame/parent';
import type { Options } from './options';
import css from './styles.css?inline';
import { SLOT } from './ui/PaymentStep';
import { Widget } from './ui/Widget';

// Inline and modal modes: the checkout lives in a shadow root on the host element, so the page's CSS
// and ours never meet. The one exception is the Stripe Payment Element, which refuses to mount in a
// shadow root: its node is a light-DOM child of the host, shown inside our layout (the inline card or
// the modal's dialog) by a named <slot>. The iframe mode puts embed.html there instead.

const mounted = new WeakMap<Element, () => void>();
// Widgets of the same event and mode on one page keep their sessions apart: `evt_1:inline`, `evt_1:inline:2`.
const scopes = new Set<string>();

/**
 * Keeps the page's CSS off Stripe's nodes in the light DOM (`iframe { height: 10px !important }`):
 * each one first gets `all: revert !important`, which rolls every property back to the browser's
 * defaults, then its own inline styles again, as `!important`; later changes (Stripe resizing its
 * frame) are made `!important` as they come.
 */
function pinStripe(el: HTMLElement) {
  for (const node of el.querySelectorAll<HTMLElement>('*')) {
    const s = node.style;
    // `clip-path: revert` marks a node already reverted (Stripe sets no clip-path).
    const first = s.getPropertyValue('clip-path') !== 'revert';
    const own = Array.from(s, (name) => [name, s.getPropertyValue(name), s.getPropertyPriority(name)]);
    if (first) s.setProperty('all', 'revert', 'important');
    for (const [name = '', value = '', priority] of own) {
      if (first || !priority) s.setProperty(name, value, 'important');
    }
  }
}

function mountShadow(host: HTMLElement, options: Options, scope: string): () => void {
  // A shadow root cannot be removed, so a remount after unmount() reuses it.
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  shadow.replaceChildren(root);
  addStyles(shadow, css);

  const slot = document.createElement('div');
  slot.slot = SLOT;
  pin(slot, { all: 'initial', display: 'block' });
  const guard = new MutationObserver(() => pinStripe(slot));
  guard.observe(slot, { subtree: true, childList: true, attributeFilter: ['style'] });
  host.append(slot);

  render(<Widget host={host} slot={slot} options={options} scope={scope} />, root);
  return () => {
    render(null, root);
    guard.disconnect();
    shadow.replaceChildren();
    shadow.adoptedStyleSheets = [];
    slot.remove();
  };
}

/** Renders a checkout for `options` into `host`, unless one is already there. */
export function mount(host: HTMLElement, options: Options): void {
  if (mounted.has(host)) return;
  const { eventId, mode } = options;
  if (!eventId) {
    console.warn('EntryRate: data-entryrate-event is empty', host);
    return;
  }
  let scope = `${eventId}:${mode}`;
  for (let n = 2; scopes.has(scope); n++) scope = `${eventId}:${mode}:${n}`;
  scopes.add(scope);
  const remove = mode === 'iframe' ? mountFrame(host, options) : mountShadow(host, options, scope);
  mounted.set(host, () => {
    remove();
    scopes.delete(scope);
  });
}

/** Removes the checkout from `host`, if there is one, with everything it added to the page. */
export function unmount(host: Element): void {
  mounted.get(host)?.();
  mounted.delete(host);
}
