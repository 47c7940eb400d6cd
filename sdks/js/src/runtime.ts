// What the SDK needs from the runtime, found without assuming Node: browsers and edge runtimes
// have no `process`, and Node 18 has Web Crypto only as the `webcrypto` of `node:crypto`.

declare const process: { env?: Record<string, string | undefined>; versions?: { node?: string } } | undefined;

/** An environment variable, or undefined where there is no `process` (browsers, edge runtimes). */
export function environmentVariable(name: string): string | undefined {
  return typeof process !== 'undefined' ? process.env?.[name] : undefined;
}

/** Node's version where this is Node (or a runtime that says it is): where a User-Agent may be set. */
export function nodeVersion(): string | undefined {
  return typeof process !== 'undefined' ? process.versions?.node : undefined;
}

// A specifier in a variable, so that bundlers for the browser leave it alone.
const NODE_CRYPTO = 'node:crypto';
let crypto: Promise<Crypto> | undefined;

/** Web Crypto: the global one, else Node 18's `webcrypto`, loaded only when needed. */
export function webCrypto(): Promise<Crypto> {
  crypto ??= globalThis.crypto?.subtle
    ? Promise.resolve(globalThis.crypto)
    : import(/* webpackIgnore: true */ NODE_CRYPTO).then((module: { webcrypto: Crypto }) => module.webcrypto);
  return crypto;
}
