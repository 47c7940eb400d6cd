import { exampleEvent, exampleScanResult, exampleTicket } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { scanResultSchema } from './scans.mapper.ts';
import { scanBody } from './scans.schema.ts';

export const scansDocs: RouteDocs = {
  'POST /v1/scans': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    permission: 'scans.write',
    sdk: 'scans.create',
    summary: 'Scan a ticket at the door',
    description:
      'Answers `{ valid, reason?, ticket, scannedAt }`: a refused scan is a 200 with `valid: false` and its ' +
      'reason (`already_scanned`, `void`, `forged`, `expired_window`, `wrong_event`, `not_found`). Accepted scans send `scan.recorded`.',
    body: scanBody,
    example: { body: { payload: exampleTicket.qrPayload, eventId: exampleEvent.id } },
    responses: {
      200: { description: 'The ScanResult.', schema: scanResultSchema, example: exampleScanResult },
    },
  },
};
