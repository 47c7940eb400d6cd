/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// widget.js goes on promoters' pages: one IIFE file, CSS inlined (for the shadow root), with a size
// budget the build enforces rather than one that is only hoped for.

const BUDGET_BYTES = 15 * 1024;

/** Fails the build when a chunk's gzipped size is over `limit` bytes. */
function sizeBudget(limit: number): Plugin {
  return {
    name: 'entryrate:size-budget',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const size = gzipSync(file.code).length;
        const line = `${file.fileName}: ${(size / 1024).toFixed(2)} KB gzipped (budget ${limit / 1024} KB)`;
        if (size > limit) this.error(`${line}: over budget`);
        this.info(line);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // Library mode leaves process.env.NODE_ENV alone; browsers have no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  plugins: [sizeBudget(BUDGET_BYTES)],
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    minify: 'esbuild',
    cssCodeSplit: false,
    lib: {
      entry: 'src/main.ts',
      formats: ['iife'],
      name: 'EntryRateWidget',
      fileName: () => 'widget.js',
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
