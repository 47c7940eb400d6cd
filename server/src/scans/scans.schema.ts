import { z } from 'zod';

export const scanBody = z.object({
  /** What the door scanner read from the ticket's QR code. */
  payload: z.string().min(1).max(300),
  /** Restricts the scan to one event: a ticket of another event of yours is `wrong_event`. */
  eventId: z.string().min(1).max(100).optional(),
});
export type ScanInput = z.infer<typeof scanBody>;
