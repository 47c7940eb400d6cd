import { z } from 'zod';
import type { OperationDoc, RouteDocs } from '../openapi/openapi.types.ts';

/** What /scan/manifest.webmanifest holds (scanner/public/manifest.webmanifest). */
const webAppManifest = z
  .object({
    name: z.string(),
    short_name: z.string(),
    description: z.string(),
    id: z.string(),
    start_url: z.string(),
    scope: z.string(),
    display: z.literal('standalone'),
    orientation: z.string(),
    background_color: z.string(),
    theme_color: z.string(),
    icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.string() })),
  })
  .meta({ id: 'WebAppManifest', description: "The scanner's web app manifest (W3C), to install it." });

type FileAnswer = OperationDoc['responses'][number];

const file = (summary: string, answer: FileAnswer, more: OperationDoc['responses'] = {}): OperationDoc => ({
  tag: 'Scanner',
  access: 'public',
  summary,
  responses: { 200: answer, ...more },
  errors: { 404: ['route.not_found'] },
});

export const scannerDocs: RouteDocs = {
  'GET /scan': file(
    'The door scanner: an installable web app that scans tickets with the camera, online or offline',
    {
      description:
        'HTML at `/scan/`: the scanner, which signs in with a scanner key (or a dashboard session) and calls this API.',
      contentType: 'text/html',
    },
    {
      308: {
        description: '`/scan` goes on to `/scan/`, the scope of its service worker.',
        contentType: 'text/html',
      },
    },
  ),
  'GET /scan/assets/:file': file(
    "The scanner's scripts, styles and QR decoder (hashed names, cached for good)",
    {
      description: 'JavaScript, CSS or WebAssembly.',
      contentTypes: ['application/javascript', 'text/css', 'application/wasm'],
    },
  ),
  'GET /scan/sw.js': file("The scanner's service worker, which keeps its files for use offline", {
    description: 'JavaScript.',
    contentType: 'application/javascript',
  }),
  'GET /scan/manifest.webmanifest': file("The scanner's web app manifest (install it to the home screen)", {
    description: 'A web app manifest (W3C): its name, start URL, scope, display and icons.',
    contentType: 'application/manifest+json',
    schema: webAppManifest,
    example: {
      name: 'EntryRate scanner',
      short_name: 'Scanner',
      description: 'Scan EntryRate tickets at the door, with or without a network.',
      id: '/scan/',
      start_url: '/scan/',
      scope: '/scan/',
      display: 'standalone',
      orientation: 'portrait',
      background_color: '#111827',
      theme_color: '#111827',
      icons: [{ src: '/scan/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' }],
    },
  }),
  'GET /scan/icon-192.png': file("The scanner's icon", {
    description: 'PNG, 192 × 192.',
    contentType: 'image/png',
  }),
  'GET /scan/icon-512.png': file("The scanner's icon", {
    description: 'PNG, 512 × 512.',
    contentType: 'image/png',
  }),
};
