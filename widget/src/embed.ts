import { h, render } from 'preact';
import cardCss from './embed/card.css?inline';
import { HostedCheckout } from './embed/HostedCheckout';
import { chooseMode, recallSession, rememberSession } from './embed/hosted';
import pageCss from './embed/page.css?inline';
import { pageStore } from './idempotency';
import { readOptions } from './options';
import css from './styles.css?inline';
import { Checkout } from './ui/Checkout';
import { SLOT } from './ui/PaymentStep';

// embed.html's script, on the API's own origin: the hosted checkout of a promoter's server-side session
// (`#session=cs_…&secret=…`), or one event's checkout (`?event=evt_…&theme=…&tier=…`, the iframe mode).
//
// Styles are constructed stylesheets, not <style> elements, so the page needs no 'unsafe-inline':
// default-src 'self'; script-src 'self' <Stripe.js origin>; frame-src <Stripe origin>;
// connect-src 'self' <Stripe API origin>; style-src 'self'.

/** Adds `text` to the styles of `root`; browsers without constructed stylesheets (Safari before 16.4) get a <style>. */
function addStyles(root: Document | ShadowRoot, text: string) {
  if ('replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = text;
    (root instanceof Document ? root.head : root).prepend(style);
  }
}

/** embed.html's query names for the embed code's data-* attributes, so both read the same way. */
const QUERY: Record<string, string> = {
  'data-entryrate-event': 'event',
  'data-theme': 'theme',
  'data-tier': 'tier',
};

const store = pageStore();
const mode = chooseMode(location.hash, location.search, recallSession(store));
if (mode.kind === 'session') rememberSession(store, mode.ref);
// The secret must not stay in the address bar, where it is copied, bookmarked and shared; a reload
// finds the session in sessionStorage instead.
if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);

const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
if (mode.kind !== 'event') document.documentElement.classList.add('hosted');
addStyles(document, pageCss);

// The same shadow root and light-DOM Payment Element node as the inline widget (see mount.tsx), so the
// components render here exactly as they do on a promoter's page.
const shadow = main.attachShadow({ mode: 'open' });
addStyles(shadow, css + cardCss);
// Preact owns this node's children; a fallback <style> beside it is left alone.
const root = shadow.appendChild(document.createElement('div'));
const slot = document.createElement('div');
slot.slot = SLOT;
main.append(slot);

render(
  mode.kind === 'event'
    ? h(Checkout, {
        host: main,
        slot,
        options: readOptions((name) => {
          const key = QUERY[name];
          return key ? mode.query.get(key) : null;
        }, location.origin),
      })
    : h(HostedCheckout, {
        base: location.origin,
        session: mode.kind === 'session' ? mode.ref : null,
        slot,
        store,
      }),
  root,
);
