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
      'reason (`already_scanned`, `void`, `forged`, `expired_window`, `wrong_event`, `not_found`). Accepted scans send `scan.recorded`. ' +
      'A scanner that scanned offline uploads each scan with its own `scanId` and `scannedAt`: the same `scanId` again is the same scan ' +
      '(never counted twice), the earliest scan of a ticket is its `admission` even when uploaded last (a later one it displaces is named in ' +
      '`displaced`), and a later scan is `already_scanned` with the admission it duplicates: both times and gates.',
    body: scanBody,
    example: {
      body: {
        payload: exampleTicket.qrPayload,
        eventId: exampleEvent.id,
        scanId: exampleScanResult.scan.scanId,
        scannedAt: exampleScanResult.scan.scannedAt,
        gate: 'Gate 2',
      },
    },
    responses: {
      200: { description: 'The ScanResult.', schema: scanResultSchema, example: exampleScanResult },
    },
    errors: { 409: ['scan.id_reused'] },
  },
};
