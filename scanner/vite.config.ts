/// <reference types="node" />

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The door scanner is served by the API at /scan/ (server/src/scanner/). Like the dashboard, no
// inline script or style, so it runs under a Content-Security-Policy of 'self' (plus compiling the
// QR decoder's WebAssembly). It must open with no network: the service worker keeps every file of
// this build, so the build writes it with the list of those files.

const BASE = '/scan/';

/** Emits sw.js: src/service-worker.js after the list of files to keep and a version of this build. */
function serviceWorker(): Plugin {
  return {
    name: 'entryrate-scanner-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'manifest.webmanifest', 'icon-192.png', 'icon-512.png'].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(fileURLToPath(new URL('src/service-worker.js', import.meta.url)), 'utf8');
      const precache = [BASE, ...files.filter((file) => file !== 'index.html').map((file) => BASE + file)];
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = '${version}';\nconst PRECACHE = ${JSON.stringify(precache)};\n\n${source}`,
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: BASE,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [serviceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
