/**
 * What a buyer is shown of an order, by the ticket page and by every mail: plain, already formatted
 * values, so the templates only lay them out. Built by `loadOrderView` from the database.
 */
export interface OrderView {
  orderId: string;
  mode: 'test' | 'live';
  status: 'paid' | 'partially_refunded' | 'refunded';
  /** The promoter's name: the mails' sender name and the page's "sold by". */
  promoterName: string;
  buyerEmail: string;
  event: {
    title: string;
    status: 'draft' | 'live' | 'cancelled';
    /** ISO instant of the doors. */
    doors: string;
    /** The doors in the venue's time zone, e.g. 'Saturday 2 May 2031, 19:00 BST'. */
    doorsLocal: string;
    /** Static codes are inline images; a rotating code is only ever shown live on the ticket page. */
    rotatingQr: boolean;
  };
  venue: { name: string; city: string; timezone: string };
  /** The order total as paid, e.g. '£24.00' or 'Free'. */
  total: string;
  /** What has been refunded so far, e.g. '£12.00', or null when nothing was. */
  refunded: string | null;
  tickets: TicketView[];
  /** The signed ticket page link (absolute). */
  ticketsUrl: string;
  /** The event as an .ics file (absolute; carries the same token). */
  calendarUrl: string;
}

export interface TicketView {
  id: string;
  tierName: string;
  status: 'valid' | 'scanned' | 'void';
  /** When it was scanned at the door, in the venue's time zone ('Sat 2 May, 20:14'), or null. */
  scannedAtLocal: string | null;
  /** The code's payload at this moment (for rotating events, the current window's). */
  qrPayload: string;
}
