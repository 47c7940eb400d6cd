import type { Page } from '@playwright/test';

/** An `entryrate:*` DOM event as the host page heard it; `host` is the index of the element it came from. */
export interface HeardEvent {
  type: string;
  detail: Record<string, unknown>;
  host: number;
}

const WIDGET_EVENTS = ['ready', 'tier-selected', 'checkout-started', 'completed', 'expired', 'closed'];

/** Runs in the page before any of its scripts: keeps every `entryrate:*` event the page hears. */
function listenToWidgets(names: string[]) {
  const heard: HeardEvent[] = [];
  Object.assign(window, { __entryrateHeard: heard });
  for (const name of names) {
    document.addEventListener(
      `entryrate:${name}`,
      (event) => {
        const hosts = Array.from(document.querySelectorAll('[data-entryrate-event]'));
        const detail = (event as CustomEvent).detail ?? {};
        heard.push({ type: name, detail, host: hosts.indexOf(event.target as Element) });
      },
      true,
    );
  }
}

/** Makes every page the `page` loads keep the `entryrate:*` events it hears, from before its own scripts. */
export async function recordWidgetEvents(page: Page) {
  await page.addInitScript(listenToWidgets, WIDGET_EVENTS);
}

/** The `entryrate:*` events the page heard so far, from every widget on it, oldest first. */
export function heardEvents(page: Page): Promise<HeardEvent[]> {
  return page.evaluate(
    () => (window as unknown as { __entryrateHeard?: HeardEvent[] }).__entryrateHeard ?? [],
  );
}
