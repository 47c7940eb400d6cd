import { escapeHtml } from '../../lib/html.ts';

export interface PageShell {
  /** The document title, plain text. */
  title: string;
  /** The markup inside `<main>`, already escaped. */
  main: string;
  /** `data-*` attributes on `<main>` (names without the prefix): how the page's script finds its inputs. */
  data?: Record<string, string>;
  /** Whether the page loads `ticket-page.js` (live codes, statuses and the offline copy). */
  script?: boolean;
}

/** The document around every buyer-facing ticket page: one stylesheet, no inline script or style. */
export function renderPageShell(page: PageShell): string {
  const data = Object.entries(page.data ?? {})
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  // The ticket pages' URLs carry the buyer's token: no referrer, and no search engine, may see it.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#f2f2f7" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#000000" media="(prefers-color-scheme: dark)">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="/tickets/assets/ticket-page.css">
${page.script ? '<script type="module" src="/tickets/assets/ticket-page.js"></script>\n' : ''}</head>
<body>
<main${data}>
${page.main}
</main>
<footer class="site-footer"><p>Tickets by EntryRate</p></footer>
</body>
</html>
`;
}
