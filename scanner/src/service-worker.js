// The scanner's service worker (its build puts VERSION and PRECACHE above this line). The scanner
// must open at a door with no network: every file of this build is kept when the worker installs;
// the page comes from the network when it answers within a few seconds (a new release) and from
// the cache otherwise. API calls are not touched: the page decides what to do when they fail.
/* global VERSION, PRECACHE */

const CACHE = `entryrate-scanner-${VERSION}`;
const PAGE = '/scan/';
const PAGE_WAIT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('entryrate-scanner-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The page from the network (kept for next time), or the kept one when the network is slow or gone. */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(PAGE_WAIT_MS) });
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch {
    return (await cache.match(PAGE)) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith(PAGE) && url.pathname !== '/scan') return;
  if (event.request.mode === 'navigate') {
    event.respondWith(page(event.request));
    return;
  }
  event.respondWith(caches.match(event.request).then((kept) => kept ?? fetch(event.request)));
});
