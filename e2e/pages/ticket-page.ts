import type { Locator, Page } from '@playwright/test';

/** The buyer's ticket page (`/tickets/:orderId?token=`), as it is shown at the door. */
export class TicketPage {
  constructor(readonly page: Page) {}

  /** One region per ticket, named "Ticket 1 of 3". */
  get tickets(): Locator {
    return this.page.getByRole('region', { name: /^Ticket \d+ of \d+/ });
  }

  ticket(id: string): Locator {
    return this.tickets.filter({ hasText: id });
  }

  /** A ticket's QR code: an image named after the ticket. */
  code(id: string): Locator {
    return this.page.getByRole('img', { name: `QR code for ticket ${id}` });
  }

  /** What the code draws, to tell one code from the next. */
  async drawing(id: string): Promise<string> {
    return this.code(id).innerHTML();
  }
}
