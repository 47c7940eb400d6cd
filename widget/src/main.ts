import { mount, unmount } from './mount';
import { readOptions, scriptOrigin } from './options';
import type { LENT } from './steps-loader';
import type { MountCardForm } from './stripe-loader';
import type { Steps } from './ui/Steps';

// The embed script. One global, `window.EntryRate`; a second copy of the script finds it and does nothing.

export interface EntryRateGlobal {
  /** Renders a checkout into one `[data-entryrate-event]` element (no-op if it already has one). */
  mount(el: Element): void;
  /** Removes the checkout from an element, stopping its timers. */
  unmount(el: Element): void;
  /** Mounts every `[data-entryrate-event]` on the page that has no checkout yet (for single-page apps). */
  scan(): void;
  /** The Payment Element, added by stripe-loader.js when a buyer reaches payment. */
  cardForm?: MountCardForm;
  /** The checkout's later steps, added by checkout-steps.js (or built into embed.js). */
  steps?: typeof Steps;
  /** The Preact that checkout-steps.js renders with, lent by widget.js. */
  _preact?: typeof LENT;
}

declare global {
  interface Window {
    // Partial: on the hosted page only embed.js and stripe-loader.js set it.
    EntryRate?: Partial<EntryRateGlobal>;
  }
}

if (!window.EntryRate) {
  // currentScript is only set while this file first runs, so the API origin is captured now.
  const self =
    (document.currentScript as HTMLScriptElement | null) ??
    Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]')).pop();
  const api = scriptOrigin(self?.src, location.href);

  const safeMount = (el: Element) => {
    // A broken embed must never break the promoter's page.
    try {
      if (el instanceof HTMLElement)
        mount(
          el,
          readOptions((n) => el.getAttribute(n), api),
        );
    } catch (e) {
      console.error('EntryRate: could not mount the checkout', e);
    }
  };
  const scan = () => {
    for (const el of document.querySelectorAll('[data-entryrate-event]')) safeMount(el);
  };

  window.EntryRate = { mount: safeMount, unmount, scan };
  scan();
  // A synchronous script in <head> runs before the body exists.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
}
