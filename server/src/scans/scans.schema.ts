import { z } from 'zod';
import { isoInstant } from '../lib/dates.ts';

export const scanBody = z.object({
  /** What the door scanner read from the ticket's QR code. */
  payload: z.string().min(1).max(300),
  /** Restricts the scan to one event: a ticket of another event of yours is `wrong_event`. */
  eventId: z.string().min(1).max(100).optional(),
  scanId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, - or _ (a UUID will do)')
    .optional()
    .describe(
      "The scanner's own id for this scan, made when it scanned: an upload of the same id again (after a lost answer, or a sync that ran twice) is the same scan and never counts twice.",
    ),
  scannedAt: isoInstant
    .optional()
    .describe(
      'When the scanner scanned it, for a scan made offline and uploaded later (at most 7 days ago); now when left out. The earliest scan of a ticket is its admission.',
    ),
  gate: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe('The gate or device that scanned, as door staff named it: "Gate 2", "Side door phone".'),
});
export type ScanInput = z.infer<typeof scanBody>;
