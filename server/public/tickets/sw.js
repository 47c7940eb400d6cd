// @ts-check
/// <reference lib="webworker" />
// Keeps the ticket pages a buyer has opened on the phone, so they still show at a door without
// signal: pages network-first (a fresh status wins), the stylesheet and script cache-first. The
// codes JSON and every other answer go to the network untouched.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const PAGES = 'tickets-pages-v1';
const ASSETS = 'tickets-assets-v1';
const KEEP_PAGES = 5;
const TICKET_PAGE = /^\/tickets\/ord_[0-9a-z]+$/;
const ASSET_PATHS = ['/tickets/assets/ticket-page.css', '/tickets/assets/ticket-page.js'];

sw.addEventListener('install', (event) => {
  // The page that registers us loaded its assets before we could see them: fetch them now.
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(ASSET_PATHS))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('tickets-') && name !== PAGES && name !== ASSETS) await caches.delete(name);
      }
      await sw.clients.claim();
      await keepOpenPages();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && TICKET_PAGE.test(url.pathname)) {
    event.respondWith(ticketPage(request));
  } else if (ASSET_PATHS.includes(url.pathname)) {
    event.respondWith(asset(event, url.pathname));
  }
});

/**
 * The page from the network, kept for later; the kept copy when there is no network.
 * @param {Request} request
 */
async function ticketPage(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (keepable(response)) await keep(cache, request.url, response.clone());
    // A link that was replaced or never worked must not live on as a copy.
    else if (response.status === 404 || response.status === 410) await cache.delete(request.url);
    return response;
  } catch {
    const kept = await cache.match(request.url, { ignoreVary: true });
    if (kept) return savedCopy(kept);
    return new Response(
      "You're offline, and these tickets aren't saved on this phone yet. Reconnect and open the link again.",
      {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      },
    );
  }
}

/**
 * The kept page, marked on its `<main>` so its script can say it is a saved copy: a page cannot read
 * the headers it came with, and a phone with no signal may still claim to be online.
 * @param {Response} kept
 */
async function savedCopy(kept) {
  const html = (await kept.text()).replace('<main', '<main data-saved-copy');
  const headers = new Headers(kept.headers);
  headers.delete('Content-Length');
  headers.delete('Content-Encoding');
  return new Response(html, { status: 200, headers });
}

/**
 * The kept stylesheet or script at once, refreshed behind it for next time.
 * @param {FetchEvent} event
 * @param {string} path
 */
async function asset(event, path) {
  const cache = await caches.open(ASSETS);
  const fresh = fetch(path).then(async (response) => {
    if (keepable(response)) await cache.put(path, response.clone());
    return response;
  });
  const kept = await cache.match(path, { ignoreVary: true });
  if (!kept) return fresh;
  event.waitUntil(fresh.catch(() => undefined));
  return kept;
}

// The first ticket page loaded before this worker was there to see it.
async function keepOpenPages() {
  const cache = await caches.open(PAGES);
  for (const client of await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const url = new URL(client.url);
    url.hash = '';
    if (url.origin !== sw.location.origin || !TICKET_PAGE.test(url.pathname)) continue;
    const response = await fetch(url, { headers: { accept: 'text/html' } }).catch(() => null);
    if (response && keepable(response)) await keep(cache, url.href, response);
  }
}

/** @param {Response} response */
function keepable(response) {
  // A redirected answer cannot be replayed for a navigation.
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/**
 * Stores the page as the newest, and forgets all but the latest few.
 * @param {Cache} cache
 * @param {string} url
 * @param {Response} response
 */
async function keep(cache, url, response) {
  await cache.delete(url);
  await cache.put(url, response);
  const urls = await cache.keys();
  for (const old of urls.slice(0, -KEEP_PAGES)) await cache.delete(old);
}
