/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

// Two builds, one IIFE file each, CSS inlined, each with a size budget the build enforces rather than
// one that is only hoped for:
//   vite build               -> widget.js, which goes on promoters' pages (empties dist/ first)
//   vite build --mode embed  -> embed.js and embed.html, the page the API serves for hosted checkout
//                               and the iframe mode
//   vite build --mode stripe -> stripe-loader.js: @stripe/stripe-js, loaded with Stripe.js at payment
// `npm run build -w widget` runs both.

const KB = 1024;
const BUDGETS: Record<string, number> = {
  'widget.js': 15 * KB,
  'embed.js': 25 * KB,
  'stripe-loader.js': 3 * KB,
};

/** Fails the build when a chunk's gzipped size is over its budget, or when a chunk has no budget at all. */
function sizeBudget(budgets: Record<string, number>): Plugin {
  return {
    name: 'entryrate:size-budget',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const limit = budgets[file.fileName];
        if (limit === undefined) this.error(`${file.fileName} has no size budget`);
        const size = gzipSync(file.code).length;
        const line = `${file.fileName}: ${(size / KB).toFixed(2)} KB gzipped (budget ${limit / KB} KB)`;
        if (size > limit) this.error(`${line}: over budget`);
        this.info(line);
      }
    },
  };
}

/** Emits a static HTML file as it is; it needs no processing, only to land beside the script it loads. */
function staticPage(source: string, fileName: string): Plugin {
  return {
    name: 'entryrate:static-page',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(new URL(source, import.meta.url)) });
    },
  };
}

const ENTRIES = {
  widget: { entry: 'src/main.ts', name: 'EntryRateWidget', fileName: 'widget.js' },
  embed: { entry: 'src/embed.ts', name: 'EntryRateEmbed', fileName: 'embed.js' },
  stripe: { entry: 'src/stripe-loader.ts', name: 'EntryRateStripeLoader', fileName: 'stripe-loader.js' },
};

export default defineConfig(({ mode }) => {
  const embed = mode === 'embed';
  const { entry, name, fileName } = mode === 'embed' || mode === 'stripe' ? ENTRIES[mode] : ENTRIES.widget;
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    // Classic `h()` calls: preact/jsx-runtime's `jsx()` and its props-with-children objects cost bytes
    // in the budget; tsconfig's react-jsx only type-checks the same JSX.
    esbuild: {
      jsx: 'transform',
      jsxFactory: 'h',
      jsxFragment: 'Fragment',
      jsxInject: "import { Fragment, h } from 'preact'",
    },
    // Library mode leaves process.env.NODE_ENV alone; browsers have no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [sizeBudget(BUDGETS), ...(embed ? [staticPage('./src/embed/embed.html', 'embed.html')] : [])],
    build: {
      target: 'es2020',
      outDir: 'dist',
      // The widget build runs first and starts from an empty dist/; the embed build adds to it.
      emptyOutDir: mode !== 'embed' && mode !== 'stripe',
      minify: 'esbuild',
      cssCodeSplit: false,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  };
});
