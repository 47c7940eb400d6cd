// @ts-check
// The ticket page's live part: rotating codes swapped at each window boundary, statuses kept
// current (a ticket scanned at the door shows so), and the service worker that keeps a copy of the
// page on the phone. Without it the page still shows the codes it was served with.

/** @typedef {{ id: string, status: 'valid' | 'scanned' | 'void', statusText: string, qrSvg: string }} TicketCode */
/** @typedef {{ serverTime: string, windowSeconds: number, tickets: TicketCode[] }} CodesAnswer */

const STATIC_REFRESH_MS = 60_000;
const RETRY_MS = 5_000;
const TICK_MS = 250;
// Ask a moment after the boundary, so a clock slightly ahead of the server's still gets the new code.
const BOUNDARY_GRACE_MS = 400;
const OFFLINE_BANNER = "You're offline — showing the tickets saved on this phone";
const OFFLINE_CODE = 'Offline — reconnect to refresh this code';
const FAILED_CODE = "Couldn't refresh this code — trying again";
const GONE_BANNER = 'This link no longer works. Open the newest link we emailed you.';
const SVG_NS = 'http://www.w3.org/2000/svg';

const main = document.querySelector('main[data-codes-url]');
if (main instanceof HTMLElement) startLiveCodes(main);

// A bonus, not a requirement: without a service worker the page just needs the network.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/tickets/sw.js', { scope: '/tickets/' }).catch(() => {});
}

/** @param {HTMLElement} main */
function startLiveCodes(main) {
  const { codesUrl = '', rotating: rotatingText, serverTime = '', windowSeconds = '30' } = main.dataset;
  const rotating = rotatingText === 'true';
  let windowMs = Number(windowSeconds) * 1000;
  // Server time minus ours: the window boundaries are the server's, not the phone's.
  let offset = Date.parse(serverTime) - Date.now();
  const serverNow = () => Date.now() + offset;
  let shownWindow = Math.floor(serverNow() / windowMs);
  let nextStaticRefresh = Date.now() + STATIC_REFRESH_MS;
  let retryAt = 0;
  let inFlight = false;
  let stopped = false;
  let failure = /** @type {string | null} */ (null);
  let shownSeconds = -1;

  async function refresh() {
    inFlight = true;
    const sentAt = Date.now();
    try {
      const response = await fetch(codesUrl, { cache: 'no-store', headers: { accept: 'application/json' } });
      if (response.status === 404 || response.status === 410) {
        // The link was replaced or withdrawn: stop asking, and say why the code no longer changes.
        stopped = true;
        setFailure(GONE_BANNER);
        setBanner(GONE_BANNER);
        return;
      }
      if (!response.ok) throw new Error(`codes answered ${response.status}`);
      const answer = /** @type {CodesAnswer} */ (await response.json());
      const answeredAt = Date.parse(answer.serverTime);
      offset = answeredAt - (sentAt + Date.now()) / 2;
      windowMs = answer.windowSeconds * 1000;
      shownWindow = Math.floor(answeredAt / windowMs);
      for (const ticket of answer.tickets) showTicket(main, ticket);
      setFailure(null);
    } catch (error) {
      // fetch rejects with a TypeError when there is no network at all.
      setFailure(!navigator.onLine || error instanceof TypeError ? OFFLINE_CODE : FAILED_CODE);
      retryAt = Date.now() + RETRY_MS;
    } finally {
      inFlight = false;
      nextStaticRefresh = Date.now() + STATIC_REFRESH_MS;
    }
  }

  /** @param {string | null} reason */
  function setFailure(reason) {
    failure = reason;
    setBanner(reason === OFFLINE_CODE ? OFFLINE_BANNER : '');
    if (!rotating) return;
    main.toggleAttribute('data-stale', reason !== null);
    shownSeconds = -1;
    if (reason) for (const text of main.querySelectorAll('[data-refresh-text]')) text.textContent = reason;
  }

  /** @param {string} text */
  function setBanner(text) {
    const banner = main.querySelector('[data-offline-banner]');
    if (banner && banner.textContent !== text) banner.textContent = text;
  }

  function tick() {
    if (stopped) return;
    const now = serverNow();
    const due = rotating
      ? Math.floor((now - BOUNDARY_GRACE_MS) / windowMs) > shownWindow && Date.now() >= retryAt
      : Date.now() >= nextStaticRefresh;
    if (due && !inFlight) refresh().then(tick);
    if (rotating && failure === null) showCountdown(windowMs - (now % windowMs));
  }

  /** @param {number} msLeft */
  function showCountdown(msLeft) {
    const seconds = Math.ceil(msLeft / 1000);
    if (seconds === shownSeconds) return;
    shownSeconds = seconds;
    for (const text of main.querySelectorAll('[data-refresh-text]'))
      text.textContent = `Refreshes in ${seconds} s`;
    const drained = (1 - msLeft / windowMs).toFixed(3);
    for (const ring of main.querySelectorAll('[data-ring]')) ring.setAttribute('stroke-dashoffset', drained);
  }

  // A copy the service worker kept: say so, and try for current codes and statuses straight away.
  if (main.hasAttribute('data-saved-copy') || !navigator.onLine) {
    setFailure(OFFLINE_CODE);
    nextStaticRefresh = 0;
  }
  setInterval(tick, TICK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    nextStaticRefresh = 0;
    tick();
  });
  window.addEventListener('online', () => {
    retryAt = 0;
    nextStaticRefresh = 0;
    tick();
  });
  window.addEventListener('offline', () => setFailure(OFFLINE_CODE));
}

/**
 * Shows one ticket as the codes JSON has it now: its status, and its new code (or none, once void).
 * @param {HTMLElement} main
 * @param {TicketCode} ticket
 */
function showTicket(main, ticket) {
  const card = main.querySelector(`[data-ticket-id="${CSS.escape(ticket.id)}"]`);
  if (!(card instanceof HTMLElement)) return;
  card.dataset.status = ticket.status;
  const status = card.querySelector('[data-status-text]');
  if (status && status.textContent !== ticket.statusText) status.textContent = ticket.statusText;
  if (ticket.status === 'void') {
    card.querySelector('[data-code]')?.remove();
    card.querySelector('[data-void-note]')?.removeAttribute('hidden');
    return;
  }
  const svg = parseSvg(ticket.qrSvg);
  if (svg) card.querySelector('[data-qr]')?.replaceChildren(svg);
}

/**
 * The answer's SVG as a node, or null unless it is exactly one SVG document.
 * @param {string} markup
 */
function parseSvg(markup) {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.querySelector('parsererror'))
    return null;
  return document.importNode(root, true);
}
