// The scanner's client of the REST API. A door device signs in with a scanner key (`er_scan_…`),
// which scans and reads door counts and nothing else; a person of the team already signed in to
// the dashboard on this browser may scan with that session instead (door role and up), naming the
// promoter and mode as the dashboard does and sending the session's CSRF token.

import type { components } from '../../sdks/js/src/openapi.ts';
import type { Manifest } from './check.ts';
import { type QueuedScan, retryable, type ServerResult, type UploadAnswer } from './sync.ts';

type Schemas = components['schemas'];
export type DoorCounts = Schemas['DoorCounts'];
export type EventSummary = Pick<Schemas['Event'], 'id' | 'title' | 'doors' | 'status'>;
export type Mode = 'test' | 'live';

export type Credentials =
  | { kind: 'key'; key: string }
  | { kind: 'session'; promoterId: string; promoterName: string; mode: Mode };

/** An error answer, or (status 0) no answer: the network is gone or the server too slow. */
export class ScanApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
  /** Worth trying again later: no answer, or the server busy or broken for now. */
  get passing(): boolean {
    return this.status === 0 || retryable(this.status);
  }
}

/** How long a scan waits for the server before the device checks the code itself. */
export const SCAN_WAIT_MS = 2500;
const READ_WAIT_MS = 10_000;

let csrfToken: string | null = null;

async function call<T>(
  credentials: Credentials,
  method: 'GET' | 'POST',
  path: string,
  { body, waitMs = READ_WAIT_MS }: { body?: unknown; waitMs?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (credentials.kind === 'key') headers.Authorization = `Bearer ${credentials.key}`;
  else {
    headers['EntryRate-Promoter'] = credentials.promoterId;
    headers['EntryRate-Mode'] = credentials.mode;
    if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: credentials.kind === 'session' ? 'same-origin' : 'omit',
      signal: AbortSignal.timeout(waitMs),
    });
  } catch {
    throw new ScanApiError(0, 'network', 'No answer from EntryRate: the network is down or too slow.');
  }
  const answer = (await response.json().catch(() => null)) as
    | (T & { error?: never })
    | { error?: { code: string; message: string } }
    | null;
  if (!response.ok) {
    const error = answer && 'error' in answer ? answer.error : undefined;
    throw new ScanApiError(
      response.status,
      error?.code ?? 'http',
      error?.message ?? `EntryRate answered ${response.status}.`,
    );
  }
  return answer as T;
}

/** The dashboard session of this browser, if someone is signed in: the people who may scan with it. */
export async function currentSession(): Promise<Schemas['Session'] | null> {
  try {
    const response = await fetch('/v1/session', {
      credentials: 'same-origin',
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return null;
    const session = (await response.json()) as Schemas['Session'];
    csrfToken = session.csrfToken;
    return session;
  } catch {
    return null;
  }
}

/** Events this scanner may scan, soonest doors first, cancelled ones left out. */
export async function listEvents(credentials: Credentials): Promise<EventSummary[]> {
  const page = await call<{ data: EventSummary[] }>(credentials, 'GET', '/v1/events?limit=100');
  return page.data
    .filter((event) => event.status !== 'cancelled')
    .sort((a, b) => a.doors.localeCompare(b.doors));
}

export const downloadManifest = (credentials: Credentials, eventId: string) =>
  call<Manifest>(credentials, 'GET', `/v1/events/${encodeURIComponent(eventId)}/scan-manifest`);

export const doorCounts = (credentials: Credentials, eventId: string) =>
  call<DoorCounts>(credentials, 'GET', `/v1/events/${encodeURIComponent(eventId)}/door`);

/** Records one scan: the same scan id again is the same scan, so a retry never counts twice. */
export const postScan = (credentials: Credentials, scan: QueuedScan, waitMs = SCAN_WAIT_MS) =>
  call<ServerResult>(credentials, 'POST', '/v1/scans', {
    body: {
      payload: scan.payload,
      eventId: scan.eventId,
      scanId: scan.scanId,
      scannedAt: scan.scannedAt,
      gate: scan.gate,
    },
    waitMs,
  });

/** A queued scan's upload, as sync.ts reads it. */
export async function uploadScan(credentials: Credentials, scan: QueuedScan): Promise<UploadAnswer> {
  try {
    return { kind: 'result', result: await postScan(credentials, scan, READ_WAIT_MS) };
  } catch (error) {
    if (!(error instanceof ScanApiError) || error.status === 0) return { kind: 'unreachable' };
    return { kind: 'refused', status: error.status, message: error.message };
  }
}
