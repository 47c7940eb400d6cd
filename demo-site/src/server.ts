import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Stripe.js's origin when the stack talks to real Stripe rather than the stripe-sim. */
const STRIPE_JS = 'https://js.stripe.com';

/**
 * Headers some pages are served with, holding the same placeholders as the pages. The strict policy
 * allows no inline script or style and no eval: only the widget's origin and Stripe's.
 */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  '/strict-csp.html': {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self' {{API_URL}} {{STRIPE_SIM_URL}}",
      "style-src 'self'",
      'frame-src {{API_URL}} {{STRIPE_SIM_URL}}',
      'connect-src {{API_URL}} {{STRIPE_SIM_URL}}',
      // The buyer's ticket QR codes are images from the API.
      "img-src 'self' data: {{API_URL}}",
    ].join('; '),
  },
};

/** The embed examples, in the order the `{{EXAMPLES_NAV}}` bar lists them. */
const EXAMPLES: [href: string, label: string][] = [
  ['/', 'Inline'],
  ['/modal.html', 'Modal'],
  ['/iframe.html', 'Iframe'],
  ['/dark.html', 'Dark'],
  ['/auto.html', 'Auto theme'],
  ['/tier.html', 'One tier'],
  ['/two.html', 'Two widgets'],
  ['/spa/', 'Single-page app'],
  ['/hostile-css.html', 'Hostile CSS'],
  ['/strict-csp.html', 'Strict CSP'],
];

// `?event=evt_…` shows another event of the demo promoter on any page (tests put fresh events on sale).
const EVENT_ID = /^evt_[A-Za-z0-9_]{1,64}$/;

export interface DemoSite {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the promoter's static site on its own origin. Pages hold `{{API_URL}}`, `{{EVENT_ID}}` and
 * `{{STRIPE_SIM_URL}}` where the pasted lines and the strict page's policy point, filled in at serve
 * time, as are `{{EXAMPLES_NAV}}` (the bar linking the examples) and `{{PAGE_CSP}}` (the page's policy).
 */
export function startDemoSite(options: {
  port: number;
  apiUrl: string;
  eventId: string;
  /** The stripe-sim's origin, or null when real Stripe is configured. */
  stripeSimUrl?: string | null;
}): Promise<DemoSite> {
  // The pages' "Sun 2 May 2027 · Doors 8pm" line, from the event itself as a promoter's CMS would
  // have it; read once, in the background, the page's own text standing until then.
  let doors: string | null = null;
  void eventDoors(options.apiUrl, options.eventId).then((text) => {
    doors = text;
  });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    const file = path.normalize(path.join(PUBLIC_DIR, fileFor(url.pathname)));
    if (!file.startsWith(PUBLIC_DIR) || req.method !== 'GET') {
      res.writeHead(404).end('Not found');
      return;
    }
    const event = url.searchParams.get('event') ?? '';
    const values: Record<string, string> = {
      API_URL: options.apiUrl,
      EVENT_ID: EVENT_ID.test(event) ? event : options.eventId,
      STRIPE_SIM_URL: options.stripeSimUrl ?? STRIPE_JS,
      EXAMPLES_NAV: examplesNav(url.pathname),
    };
    const headers = Object.fromEntries(
      Object.entries(PAGE_HEADERS[url.pathname] ?? {}).map(([name, value]) => [name, fill(value, values)]),
    );
    // A page can show the policy it is served with.
    values.PAGE_CSP = headers['Content-Security-Policy'] ?? '';
    try {
      let page = await readFile(file, 'utf-8');
      if (doors) page = page.replace(/(<p class="kicker">)[^<]*(<\/p>)/, `$1${doors}$2`);
      const body = fill(page, values);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://localhost:${port}`,
        port,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** "Sun 2 May 2027 · Doors 8pm" for the event, in its venue's time zone; null if the API cannot say. */
async function eventDoors(apiUrl: string, eventId: string): Promise<string | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await fetch(`${apiUrl}/v1/widget/events/${eventId}`)
      .then((res) =>
        res.ok ? (res.json() as Promise<{ event: { doors: string; venue: { timezone: string } } }>) : null,
      )
      .catch(() => null);
    if (answer) {
      const { doors, venue } = answer.event;
      const at = (parts: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat('en-GB', { timeZone: venue.timezone, ...parts }).format(new Date(doors));
      const day = at({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).replace(',', '');
      const time = at({ hour: 'numeric', minute: 'numeric', hour12: true })
        .replace(':00', '')
        .replace(' ', '');
      return `${day} · Doors ${time}`;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

/** The file a path serves: the single-page app answers every route under /spa/, as its host would. */
function fileFor(pathname: string): string {
  if (pathname === '/') return 'index.html';
  if (pathname === '/spa' || pathname.startsWith('/spa/')) return 'spa.html';
  return pathname;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function examplesNav(pathname: string): string {
  const here = fileFor(pathname);
  return EXAMPLES.map(([href, label]) => {
    const current = fileFor(href) === here ? ' aria-current="page"' : '';
    return `<a href="${href}"${current}>${label}</a>`;
  }).join('\n      ');
}
