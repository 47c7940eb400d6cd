import { Fragment, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { inject } from './dom';
import type { Steps } from './ui/Steps';

/** The parts of Preact checkout-steps.js renders with: widget.js's own (the build checks it needs no more). */
export const LENT = { h, Fragment, useEffect, useRef, useState };

let loading: Promise<typeof Steps> | undefined;

/** The later steps: built in (embed.js), or checkout-steps.js from the API origin at `api`, fetched once. */
export function loadSteps(api: string): Promise<typeof Steps> {
  const global = window.EntryRate as NonNullable<typeof window.EntryRate>;
  if (global.steps) return Promise.resolve(global.steps);
  global._preact = LENT;
  loading ??= inject(`${api}/checkout-steps.js`).then(
    () => global.steps as typeof Steps,
    (e) => {
      // Offline, say: the next try fetches it again.
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
