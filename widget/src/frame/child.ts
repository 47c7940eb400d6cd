import { EVENT_NAMES } from '../events';
import { type FrameMessage, httpOrigin } from './messages';

// The iframe mode, inside embed.html: tells the page that framed it how tall the checkout is and
// what happened in it.

/**
 * Posts `content`'s height (when it changes by a pixel or more) and every `entryrate:*` event on it
 * to the parent page at `origin`. Without a valid http(s) origin, or outside a frame, it posts
 * nothing and returns null; otherwise it returns the function that posts.
 */
export function relayToParent(content: HTMLElement, origin: string | null) {
  const target = httpOrigin(origin);
  if (!target || window.parent === window) return null;
  const post = (m: FrameMessage) => window.parent.postMessage(m, target);
  let height = 0;
  // The content's own height, not the document's: the document is as tall as the iframe, which
  // this height sets, and measuring it would be a loop. Whole pixels, so a change of less than one
  // is no change.
  const measure = () => {
    const now = Math.ceil(content.getBoundingClientRect().height);
    if (now === height) return;
    height = now;
    post({ type: 'entryrate:resize', height });
  };
  new ResizeObserver(measure).observe(content);
  for (const name of EVENT_NAMES) {
    content.addEventListener(`entryrate:${name}`, (e) => {
      // Chrome does not run ResizeObservers in a cross-origin frame scrolled out of view; each event
      // (`ready` first) measures as well, so a frame below the fold has its height before it is seen.
      measure();
      post({ type: 'entryrate:event', name, detail: (e as CustomEvent).detail });
    });
  }
  return post;
}
