import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface DemoSite {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the promoter's static site on its own origin. Pages hold `{{API_URL}}` and
 * `{{EVENT_ID}}` where the three pasted lines point, filled in at serve time.
 */
export function startDemoSite(options: { port: number; apiUrl: string; eventId: string }): Promise<DemoSite> {
  const server: Server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://demo').pathname;
    const file = path.normalize(path.join(PUBLIC_DIR, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(PUBLIC_DIR) || req.method !== 'GET') {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const raw = await readFile(file, 'utf-8');
      const body = raw.replaceAll('{{API_URL}}', options.apiUrl).replaceAll('{{EVENT_ID}}', options.eventId);
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
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
