import type { WidgetEventName } from '../events';

// What embed.html, framed by the iframe mode, tells the page around it: a typed map, one type per
// message, namespaced. The frame posts only to the origin it was given; the page accepts only
// messages from the API's origin and from its own iframe.

export interface FrameMessages {
  /** The checkout's height in CSS pixels, sent whenever it changes. */
  'entryrate:resize': { height: number };
  /** An `entryrate:<name>` DOM event inside the frame, to dispatch again on the embedding element. */
  'entryrate:event': { name: WidgetEventName; detail: unknown };
  /** The event's title, for the iframe's accessible name. */
  'entryrate:title': { title: string };
}

export type FrameMessage = {
  [K in keyof FrameMessages]: { type: K } & FrameMessages[K];
}[keyof FrameMessages];

/** `value` if it is exactly an http(s) origin (`https://shop.example`, no path), else null. */
export function httpOrigin(value: string | null): string | null {
  try {
    const url = new URL(value ?? '');
    return /^https?:$/.test(url.protocol) && url.origin === value ? value : null;
  } catch {
    return null;
  }
}
