import { eventIdParam } from '../events/events.schema.ts';
import { exampleEvent, exampleTier } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { scanManifestSchema } from './door.manifest.ts';
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
  'GET /v1/events/:id/scan-manifest': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    permission: 'scans.write',
    sdk: 'events.scanManifest',
    summary: 'What a scanner downloads before doors: the tickets and the keys to check codes offline',
    description:
      "Every ticket of the event with its status and admission, the event's Ed25519 public key for static codes (which checks a code and cannot make one), and, for an event with rotating codes only, that event's rotating key. A device holding it can check any code of this event without a network, and can make no code of any event it was not given. Scans made offline are uploaded to `POST /v1/scans` with their `scanId` and `scannedAt`.",
    params: { id: eventIdParam },
    example: { params: { id: exampleEvent.id } },
    responses: {
      200: {
        description: 'The ScanManifest.',
        schema: scanManifestSchema,
        example: {
          eventId: exampleEvent.id,
          title: exampleEvent.title,
          doors: exampleEvent.doors,
          rotatingQr: false,
          verification: {
            staticPublicKey: 'lthJA7EKz3hhaDtN7pZn75cTrozSoblnHpeSGvp5fkU',
            rotatingKey: null,
            windowSeconds: 30,
          },
          tiers: [{ tierId: exampleTier.id, name: exampleTier.name }],
          tickets: [
            {
              id: 'tkt_8f3k2m9q1x7w4z5c',
              tierId: exampleTier.id,
              status: 'valid',
              admission: {
                scanId: '0b7f3c2e-5d41-4a8e-9c6b-2f1e8d7a6c55',
                scannedAt: '2027-05-02T20:14:09.000Z',
                gate: 'Gate 2',
              },
            },
            { id: 'tkt_2b7n4v9c1x3z5m8k', tierId: exampleTier.id, status: 'void', admission: null },
          ],
          generatedAt: '2027-05-02T18:30:00.000Z',
        },
      },
    },
    errors: { 404: ['event.not_found'] },
  },
};
