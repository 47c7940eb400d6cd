import { eventIdParam } from '../events/events.schema.ts';
import { exampleEvent, exampleTier } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { doorCountsSchema } from './door.ts';

export const doorDocs: RouteDocs = {
  'GET /v1/events/:id/door': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    permission: 'events.read',
    sdk: 'events.doorCounts',
    summary: 'Door counts: tickets scanned in against tickets that may enter, per tier',
    description:
      'What a door shows: per tier, the tickets that may enter (issued and not voided) and those scanned in, and the latest scan. It carries no money, so every role and scanner keys (for their events) read it.',
    params: { id: eventIdParam },
    example: { params: { id: exampleEvent.id } },
    responses: {
      200: {
        description: 'The DoorCounts.',
        schema: doorCountsSchema,
        example: {
          eventId: exampleEvent.id,
          tiers: [
            { tierId: exampleTier.id, name: exampleTier.name, valid: 48, scanned: 31 },
            { tierId: 'tier_standard', name: 'Standard', valid: 120, scanned: 64 },
          ],
          totals: { valid: 168, scanned: 95 },
          lastScanAt: '2027-05-02T20:14:09.000Z',
        },
      },
    },
    errors: { 404: ['event.not_found'] },
  },
};
