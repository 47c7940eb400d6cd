import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The promoter's own web site, on loopback: one page whose body is `html` (what they pasted),
 * served as a real server would (a page Playwright fulfils itself counts as a public address, which
 * Chromium then forbids to load the widget from this machine's API). `stop()` closes it.
 */
export async function startPromoterSite(title: string, html: string) {
  const page = `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n${html}\n</body>\n</html>\n`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
