import type { RouteDocs } from '../openapi/openapi.types.ts';
import { scanBody } from './scans.schema.ts';

export const scansDocs: RouteDocs = {
  'POST /v1/scans': {
    tag: 'Tickets and scans',
    access: 'secretKey',
    sdk: 'scans.create',
    summary: 'Scan a ticket at the door',
    description:
      'Answers `{ valid, reason?, ticket, scannedAt }`: a refused scan is a 200 with `valid: false` and its ' +
      'reason (`already_scanned`, `void`, `forged`, `expired`, `wrong_event`…). Accepted scans send `scan.recorded`.',
    body: scanBody,
    responses: { 200: { description: 'The scan result.' } },
  },
};
