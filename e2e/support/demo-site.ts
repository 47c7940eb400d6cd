import { demoEventId } from './stack.ts';

/** How the embed code shows the checkout: `data-mode`. */
export type Mode = 'inline' | 'modal' | 'iframe';

export type Theme = 'light' | 'dark';

/** The demo site's page for each mode and theme the embed code offers. */
export const DEMO_PAGES: Record<Mode, Record<Theme, string>> = {
  inline: { light: '/', dark: '/dark.html' },
  modal: { light: '/modal.html', dark: '/modal-dark.html' },
  iframe: { light: '/iframe.html', dark: '/iframe-dark.html' },
};

/** An event on sale, as a page shows it: `?event=` puts any of the demo promoter's events on a demo page. */
export interface EventOnSale {
  id: string;
  title: string;
}

/** The demo promoter's seeded event, which the demo site's pages sell. */
export const demoEvent = (): EventOnSale => ({ id: demoEventId(), title: 'Mura Masa · UK tour' });
