import { h, render } from 'preact';
import { addStyles } from './dom';
import cardCss from './embed/card.css?inline';
import { HostedCheckout } from './embed/HostedCheckout';
import { chooseMode, SESSION_KEY } from './embed/hosted';
import pageCss from './embed/page.css?inline';
import { relayToParent } from './frame/child';
import { pageStore } from './idempotency';
import { COLOR_SCHEME, readOptions } from './options';
import { recallSession, rememberSession } from './session-store';
import css from './styles.css?inline';
import { SLOT } from './ui/PaymentStep';
import { Steps } from './ui/Steps';
import { Widget } from './ui/Widget';

// embed.html's script, on the API's own origin: the hosted checkout of a promoter's server-side session
// (`#session=cs_…&secret=…`), or one event's checkout (`?event=evt_…&theme=…&tier=…&origin=…`, the
// iframe mode, which reports its height and events to the page at `origin`).
//
// Styles are constructed stylesheets, not <style> elements, so the page needs no 'unsafe-inline':
// default-src 'self'; script-src 'self' <Stripe.js origin>; frame-src <Stripe origin>;
// connect-src 'self' <Stripe API origin>; style-src 'self'.

/** embed.html's query names for the embed code's data-* attributes, so both read the same way. */
const QUERY: Record<string, string> = {
  'data-entryrate-event': 'event',
  'data-theme': 'theme',
  'data-tier': 'tier',
};

// The later steps are built in here, not fetched as widget.js fetches them.
window.EntryRate = Object.assign(window.EntryRate ?? {}, { steps: Steps });

const store = pageStore();
const mode = chooseMode(location.hash, location.search, recallSession(store, SESSION_KEY));
if (mode.kind === 'session') rememberSession(store, SESSION_KEY, mode.ref);
// The secret must not stay in the address bar, where it is copied, bookmarked and shared; a reload
// finds the session in sessionStorage instead.
if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);

const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
if (mode.kind !== 'event') document.documentElement.classList.add('hosted');
addStyles(document, pageCss);

// The same shadow root and light-DOM Payment Element node as the inline widget (see mount.tsx), so the
// components render here exactly as they do on a promoter's page.
const shadow = main.attachShadow({ mode: 'open' });
addStyles(shadow, mode.kind === 'event' ? css : css + cardCss);
// Preact owns this node's children; a fallback <style> beside it is left alone.
const root = shadow.appendChild(document.createElement('div'));
const slot = document.createElement('div');
slot.slot = SLOT;
main.append(slot);

if (mode.kind === 'event') {
  const options = readOptions((name) => {
    const key = QUERY[name];
    return key ? mode.query.get(key) : null;
  }, location.origin);
  // The same colour scheme as the iframe element around this page, which keeps the frame transparent.
  document.documentElement.style.colorScheme = COLOR_SCHEME[options.theme];
  const post = relayToParent(main, mode.query.get('origin'));
  // Framed into a page that has its own `main`: a name keeps the two landmarks apart.
  main.setAttribute('aria-label', 'Tickets');
  render(
    h(Widget, {
      host: main,
      slot,
      options,
      scope: `${options.eventId}:iframe`,
      onEvent: ({ event: { title } }) => {
        document.title = `Tickets for ${title}`;
        main.setAttribute('aria-label', document.title);
        post?.({ type: 'entryrate:title', title });
      },
    }),
    root,
  );
} else {
  render(
    h(HostedCheckout, {
      base: location.origin,
      session: mode.kind === 'session' ? mode.ref : null,
      host: main,
      slot,
      store,
    }),
    root,
  );
}
