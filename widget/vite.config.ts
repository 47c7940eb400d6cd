/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defineConfig, type Plugin } from 'vite';
import { LENT } from './src/steps-loader';

// Four builds, one IIFE file each, CSS inlined, each with a size budget the build enforces rather than
// one that is only hoped for:
//   vite build               -> widget.js, which goes on promoters' pages (empties dist/ first), and
//                               then, from the same command, checkout-steps.js
//   (mode steps)             -> checkout-steps.js: the checkout's steps after choosing, which widget.js
//                               fetches when a buyer starts choosing; it borrows widget.js's Preact
//   vite build --mode embed  -> embed.js and embed.html, the page the API serves for hosted checkout
//                               and the iframe mode (the later steps built in)
//   vite build --mode stripe -> stripe-loader.js: @stripe/stripe-js and the Payment Element, loaded
//                               with Stripe.js at payment (never for a free order)
// `npm run build -w widget` runs them all.

const KB = 1024;
const BUDGETS: Record<string, number> = {
  'widget.js': 15 * KB,
  'checkout-steps.js': 6 * KB,
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

/** Fails the build when checkout-steps.js uses a part of Preact that widget.js does not lend it. */
function lentOnly(lent: readonly string[]): Plugin {
  return {
    name: 'entryrate:lent-only',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const missing = Object.values(file.importedBindings)
          .flat()
          .filter((name) => !lent.includes(name));
        if (missing.length) this.error(`${file.fileName} needs ${missing.join(', ')}: add them to LENT`);
      }
    },
  };
}

/** Runs the build of `mode` once this one is written: one command builds both files. */
function thenBuild(mode: string): Plugin {
  return {
    name: 'entryrate:then-build',
    async closeBundle() {
      await build({ configFile: fileURLToPath(import.meta.url), mode });
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
  steps: { entry: 'src/steps.ts', name: 'EntryRateSteps', fileName: 'checkout-steps.js' },
  embed: { entry: 'src/embed.ts', name: 'EntryRateEmbed', fileName: 'embed.js' },
  stripe: { entry: 'src/stripe-loader.ts', name: 'EntryRateStripeLoader', fileName: 'stripe-loader.js' },
};

export default defineConfig(({ mode }) => {
  const key = mode in ENTRIES ? (mode as keyof typeof ENTRIES) : 'widget';
  const { entry, name, fileName } = ENTRIES[key];
  const extra: Record<keyof typeof ENTRIES, Plugin[]> = {
    widget: [thenBuild('steps')],
    steps: [lentOnly(Object.keys(LENT))],
    embed: [staticPage('./src/embed/embed.html', 'embed.html')],
    stripe: [],
  };
  // checkout-steps.js renders with the Preact widget.js lends it (see steps-loader.ts).
  const preact = 'EntryRate._preact';
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
    plugins: [sizeBudget(BUDGETS), ...extra[key]],
    build: {
      target: 'es2020',
      outDir: 'dist',
      // The widget build runs first and starts from an empty dist/; the others add to it.
      emptyOutDir: key === 'widget',
      minify: 'esbuild',
      cssCodeSplit: false,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
      rollupOptions: {
        output: {
          inlineDynamicImports: true,
          ...(key === 'steps' && { globals: { preact, 'preact/hooks': preact } }),
        },
        ...(key === 'steps' && { external: ['preact', 'preact/hooks'] }),
      },
    },
  };
});
