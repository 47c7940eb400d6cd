import { readFile } from 'node:fs/promises';

/** The Stripe.js stand-in's modules, each after those it imports. */
const STRIPE_JS_MODULES = [
  'messages.js',
  'host-frames.js',
  'challenge-overlay.js',
  'elements.js',
  'stripe-js.js',
];

/**
 * Joins ES modules into one classic script. Stripe.js is loaded with a plain `<script src>`, so the
 * stand-in cannot be a module; its sources are modules (so that they can be linted, type-checked and share
 * code with the frames), and this drops their relative imports and `export` keywords and wraps them in one
 * function scope. Modules come in dependency order and must not reuse top-level names.
 */
export function classicScript(modules: string[]): string {
  const body = modules
    .map((source) =>
      source
        .replace(/^import\s[^;]*?\sfrom\s+'\.\/[^']+';[ \t]*$/gm, '')
        .replace(/^export\s+(?=(?:async\s+)?(?:const|let|function|class)\b)/gm, ''),
    )
    .join('\n');
  return `(() => {\n'use strict';\n${body}\n})();\n`;
}

/** The script served at `/js/v3`, read from disk each time so that edits show on reload. */
export async function buildStripeJs(): Promise<string> {
  const sources = await Promise.all(
    STRIPE_JS_MODULES.map((file) => readFile(new URL(file, import.meta.url), 'utf8')),
  );
  return classicScript(sources);
}
