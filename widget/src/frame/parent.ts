import { pin } from '../dom';
import { EVENT_NAMES, emit } from '../events';
import { COLOR_SCHEME, type Options } from '../options';
import type { FrameMessage } from './messages';

// The iframe mode, on the promoter's page: embed.html from the API's origin, as tall as its content.

/** The iframe's address: the event, theme and tier, and this page's origin, the only one it will post to. */
export function frameSrc({ api, eventId, theme, tier }: Options, pageOrigin: string): string {
  const query = new URLSearchParams({ event: eventId, theme });
  if (tier) query.set('tier', tier);
  query.set('origin', pageOrigin);
  return `${api}/embed.html?${query}`;
}

/** A message listener that believes only `frame`'s own window on `apiOrigin`. */
export function frameListener(apiOrigin: string, frame: HTMLIFrameElement, host: EventTarget) {
  return (e: MessageEvent) => {
    if (e.origin !== apiOrigin || e.source !== frame.contentWindow) return;
    const m = e.data as FrameMessage;
    if (m?.type === 'entryrate:resize')
      frame.style.setProperty('height', `${Math.ceil(m.height)}px`, 'important');
    else if (m?.type === 'entryrate:title') frame.title = `Tickets for ${m.title}`;
    else if (m?.type === 'entryrate:event' && EVENT_NAMES.includes(m.name))
      emit(host, m.name, m.detail as never);
  };
}

/** Puts the checkout's iframe in `host`; returns what removes it and its listener again. */
export function mountFrame(host: HTMLElement, options: Options): () => void {
  const frame = document.createElement('iframe');
  frame.src = frameSrc(options, location.origin);
  frame.title = 'Tickets';
  // Wallets (Apple Pay, Google Pay) in the Payment Element need the Payment Request API.
  frame.allow = 'payment';
  // In the light DOM, where the page's CSS reaches it (`iframe { height: 10px !important }`).
  pin(frame, {
    all: 'initial',
    display: 'block',
    width: '100%',
    height: '300px',
    'color-scheme': COLOR_SCHEME[options.theme],
  });
  const listen = frameListener(new URL(options.api).origin, frame, host);
  addEventListener('message', listen);
  // A shadow root from an earlier mount in another mode would hide light-DOM children without a slot.
  host.shadowRoot?.replaceChildren(document.createElement('slot'));
  host.append(frame);
  return () => {
    removeEventListener('message', listen);
    frame.remove();
  };
}
