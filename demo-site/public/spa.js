// The venue's single-page app, in plain JavaScript: two routes under /spa/, drawn into #view, with
// history.pushState navigation. The Tickets view mounts an EntryRate widget and unmounts it on leaving.

const EVENT_ID = '{{EVENT_ID}}';

/** Each view draws itself into `view` and returns what to do when the buyer leaves it. */
const views = {
  home(view) {
    view.append(
      heading('What’s on at Strange Brew'),
      paragraph('Mura Masa brings the UK tour to our 300-capacity room on Sun 2 May 2027. Doors 8pm.'),
      paragraph('Early bird tickets are £12 while they last.'),
    );
    return () => {};
  },
  tickets(view) {
    const el = document.createElement('div');
    el.dataset.entryrateEvent = EVENT_ID;
    view.append(heading('Tickets'), el);
    // Until widget.js has loaded there is no EntryRate yet; its own scan then finds the element.
    window.EntryRate?.mount(el);
    return () => {
      window.EntryRate?.unmount(el);
      el.remove();
    };
  },
};

const routeOf = (pathname) => (/\/tickets\/?$/.test(pathname) ? 'tickets' : 'home');
const view = document.getElementById('view');
let leave = () => {};

function show(route, focus) {
  leave();
  view.replaceChildren();
  leave = views[route](view);
  document.title = route === 'tickets' ? 'Tickets · Strange Brew app' : 'Strange Brew app';
  for (const link of document.querySelectorAll('a[data-route]')) {
    if (routeOf(new URL(link.href).pathname) === route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // After a navigation, keyboard and screen-reader users start at the new view's heading.
  if (focus) view.querySelector('h1')?.focus();
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-route]') : null;
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  if (link.href !== location.href) history.pushState(null, '', link.href);
  show(routeOf(location.pathname), true);
});
window.addEventListener('popstate', () => show(routeOf(location.pathname), true));
show(routeOf(location.pathname), false);

function heading(text) {
  const h1 = document.createElement('h1');
  h1.textContent = text;
  h1.tabIndex = -1;
  return h1;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
