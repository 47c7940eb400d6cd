// One device at one gate of one event: what it knows (the manifest it downloaded, the scans it
// made, the door counts), how it answers a code and how its offline scans reach the server.
//
// A code goes to the server first, with a scan id made here. When no answer comes in a moment (no
// network, a crowded mast, a server in trouble) the device checks the code itself against the
// manifest and the scans it made since, says so, and keeps the scan to upload later under the same
// id: a scan whose answer was lost on the way is then the same scan, never a second one.

import {
  type Credentials,
  type DoorCounts,
  doorCounts,
  downloadManifest,
  postScan,
  ScanApiError,
  uploadScan,
} from './api.ts';
import { checkOffline, type DoorKeys, importDoorKeys, type Manifest, type ScanPlace } from './check.ts';
import type { DeviceStore } from './store.ts';
import { type QueuedScan, type ServerResult, syncQueue } from './sync.ts';
import { failureOf, type Verdict, verdictOf } from './words.ts';

const COUNTS_EVERY_MS = 5000;
const MANIFEST_EVERY_MS = 120_000;
const SYNC_EVERY_MS = 10_000;

/** What the server found on sync that the door did not know when it scanned. */
export interface Finding {
  ticketId: string;
  tierName: string;
  /**
   * `duplicate`: another device let this ticket in first (`first`), this device's scan is the
   * duplicate (`later`). `displaced`: this device's offline scan was first, and another device's
   * later scan (`later`) is now the duplicate.
   */
  kind: 'duplicate' | 'displaced';
  first: ScanPlace;
  later: ScanPlace;
}

export interface ScanAnswer {
  verdict: Verdict;
  /** Checked on this device, with no answer from the server: it waits to sync. */
  offline: boolean;
  ticketId: string | null;
}

export interface DoorView {
  manifest: Manifest;
  /** Per tier, scanned in against tickets that may enter. */
  counts: DoorCounts;
  /** The counts are the server's (every device); false: this device's own reckoning, offline. */
  countsLive: boolean;
  online: boolean;
  waiting: number;
  syncing: boolean;
  lastSyncAt: string | null;
  findings: Finding[];
}

export class Door {
  readonly eventId: string;
  readonly gate: string;
  private readonly credentials: Credentials;
  private readonly store: DeviceStore;
  private readonly onChange: (view: DoorView) => void;
  private manifest!: Manifest;
  private keys!: DoorKeys;
  /** The manifest's tickets that may enter (not refunded), by tier: the offline counts' totals. */
  private mayEnter = new Map<string, string[]>();
  /** Each ticket's first scan as this device knows it: the manifest's, then its own and the server's. */
  private readonly admitted = new Map<string, ScanPlace>();
  private serverCounts: DoorCounts | null = null;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private waiting = 0;
  private syncing: Promise<void> | null = null;
  private lastSyncAt: string | null = null;
  private findings: Finding[] = [];
  private timers: ReturnType<typeof setInterval>[] = [];
  private readonly whenOnline = () => void this.sync();
  private readonly whenOffline = () => {
    this.online = false;
    this.changed();
  };

  constructor(options: {
    credentials: Credentials;
    store: DeviceStore;
    eventId: string;
    gate: string;
    onChange: (view: DoorView) => void;
  }) {
    this.credentials = options.credentials;
    this.store = options.store;
    this.eventId = options.eventId;
    this.gate = options.gate;
    this.onChange = options.onChange;
  }

  /**
   * Opens the door with the manifest this device keeps, or downloads it (it must, the first time).
   * Then keeps counts, manifest and queue fresh while the page is open.
   */
  async open(): Promise<void> {
    const kept = await this.store.manifestOf(this.eventId);
    if (kept) await this.useManifest(kept);
    else await this.download();
    await this.countWaiting();
    if (kept) void this.download().catch(() => undefined);
    void this.refreshCounts();
    void this.sync();
    this.timers.push(
      setInterval(() => void this.refreshCounts(), COUNTS_EVERY_MS),
      setInterval(() => void this.download().catch(() => undefined), MANIFEST_EVERY_MS),
      setInterval(() => {
        if (this.waiting > 0) void this.sync();
      }, SYNC_EVERY_MS),
    );
    window.addEventListener('online', this.whenOnline);
    window.addEventListener('offline', this.whenOffline);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    window.removeEventListener('online', this.whenOnline);
    window.removeEventListener('offline', this.whenOffline);
  }

  /** Downloads the event's manifest (every ticket, its status and admission, the keys) and keeps it. */
  async download(): Promise<void> {
    const manifest = await this.reach(() => downloadManifest(this.credentials, this.eventId));
    await this.store.keepManifest(manifest);
    await this.useManifest(manifest);
    this.changed();
  }

  /** Answers one code read at the door. */
  async scan(payload: string): Promise<ScanAnswer> {
    const scan = {
      scanId: crypto.randomUUID(),
      eventId: this.eventId,
      payload: payload.trim(),
      scannedAt: new Date().toISOString(),
      gate: this.gate,
    };
    // Once the server stopped answering, scans are checked here at once (no wait at every code)
    // until the counts, asked every few seconds, come back.
    if (this.online && navigator.onLine) {
      try {
        const result = await this.reach(() => postScan(this.credentials, scan));
        await this.store.record({ ...scan, state: 'uploaded', result });
        this.learn(result);
        void this.refreshCounts();
        return { verdict: this.verdictOfServer(result), offline: false, ticketId: result.ticket?.id ?? null };
      } catch (error) {
        if (!(error instanceof ScanApiError) || !error.passing) {
          return { verdict: failureOf((error as Error).message), offline: false, ticketId: null };
        }
      }
    }
    const local = await checkOffline(
      this.manifest,
      this.keys,
      scan.payload,
      new Date(scan.scannedAt),
      this.admitted,
    );
    // A code only the server can check was not let in: there is nothing to upload for it.
    if (!local.valid && local.reason === 'needs_network') {
      return {
        verdict: verdictOf({ valid: false, reason: local.reason, admission: null }),
        offline: true,
        ticketId: local.ticketId,
      };
    }
    await this.store.record({ ...scan, state: 'waiting', local });
    if (local.valid) this.admit(local.ticketId, placeOf(scan));
    this.waiting++;
    this.changed();
    const verdict = local.valid
      ? verdictOf({ valid: true, tierName: this.tierName(local.tierId) })
      : verdictOf({ valid: false, reason: local.reason, admission: local.admission });
    return { verdict, offline: true, ticketId: local.ticketId };
  }

  /** Uploads the scans waiting on this device, oldest first; one sync at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.uploadWaiting().finally(() => {
      this.syncing = null;
      this.changed();
    });
    this.changed();
    return this.syncing;
  }

  private async uploadWaiting(): Promise<void> {
    const report = await syncQueue(this.store, async (scan) => {
      const answer = await uploadScan(this.credentials, scan);
      this.online = answer.kind !== 'unreachable';
      return answer;
    });
    await this.countWaiting();
    if (report.uploaded > 0) {
      this.lastSyncAt = new Date().toISOString();
      await this.learnFromOwnScans();
      void this.refreshCounts();
    }
  }

  private async refreshCounts(): Promise<void> {
    try {
      this.serverCounts = await this.reach(() => doorCounts(this.credentials, this.eventId));
      if (this.waiting > 0) void this.sync();
    } catch {
      // Offline: the counts are this device's own until the server answers again.
    }
    this.changed();
  }

  /** Runs a call to the server, noting whether it answered at all. */
  private async reach<T>(call: () => Promise<T>): Promise<T> {
    try {
      const answer = await call();
      this.online = true;
      return answer;
    } catch (error) {
      if (error instanceof ScanApiError && error.status === 0) this.online = false;
      else if (error instanceof ScanApiError) this.online = true;
      throw error;
    } finally {
      this.changed();
    }
  }

  /** Takes a manifest as what the device knows, with what its own scans add to it. */
  private async useManifest(manifest: Manifest): Promise<void> {
    this.keys = await importDoorKeys(manifest);
    this.manifest = manifest;
    this.mayEnter = new Map(manifest.tiers.map((tier) => [tier.tierId, [] as string[]]));
    for (const ticket of manifest.tickets) {
      if (ticket.status === 'valid') this.mayEnter.get(ticket.tierId)?.push(ticket.id);
    }
    this.admitted.clear();
    for (const ticket of manifest.tickets) if (ticket.admission) this.admit(ticket.id, ticket.admission);
    await this.learnFromOwnScans();
  }

  private async countWaiting(): Promise<void> {
    this.waiting = (await this.store.pending()).filter((scan) => scan.eventId === this.eventId).length;
    this.changed();
  }

  /**
   * What this device's own scans add to the manifest: its admissions, and the server's answers to
   * them; then which of the tickets it let in another device had let in first.
   */
  private async learnFromOwnScans(): Promise<void> {
    const scans = (await this.store.scansOf(this.eventId)).sort((a, b) =>
      a.scannedAt.localeCompare(b.scannedAt),
    );
    for (const scan of scans) {
      if (scan.result) this.learn(scan.result);
      else if (scan.state === 'waiting' && scan.local?.valid) this.admit(scan.local.ticketId, placeOf(scan));
    }
    this.findings = [];
    for (const scan of scans) {
      const ticketId = scan.result?.ticket?.id ?? scan.local?.ticketId;
      // What the door said at the time: checked here, or the server's answer.
      const letIn = scan.local ? scan.local.valid : scan.result?.valid === true;
      if (!ticketId || !letIn) continue;
      const tierName = this.tierName(
        scan.result?.ticket?.tierId ?? (scan.local?.valid ? scan.local.tierId : null),
      );
      const first = this.admitted.get(ticketId);
      if (first && first.scanId !== scan.scanId) {
        this.findings.unshift({ ticketId, tierName, kind: 'duplicate', first, later: placeOf(scan) });
      }
      if (scan.result?.displaced) {
        this.findings.unshift({
          ticketId,
          tierName,
          kind: 'displaced',
          first: placeOf(scan),
          later: scan.result.displaced,
        });
      }
    }
  }

  private learn(result: ServerResult): void {
    if (result.ticket && result.admission) this.admit(result.ticket.id, result.admission);
  }

  /** A ticket's admission is its earliest scan, whoever reports it (as the server settles it). */
  private admit(ticketId: string, place: ScanPlace): void {
    const known = this.admitted.get(ticketId);
    if (!known || place.scannedAt < known.scannedAt) this.admitted.set(ticketId, place);
  }

  private tierName(tierId: string | null | undefined): string {
    return this.manifest.tiers.find((tier) => tier.tierId === tierId)?.name ?? 'Ticket';
  }

  private verdictOfServer(result: ServerResult): Verdict {
    if (result.valid) return verdictOf({ valid: true, tierName: this.tierName(result.ticket?.tierId) });
    return verdictOf({ valid: false, reason: result.reason ?? 'not_found', admission: result.admission });
  }

  /** The server's counts while it answers; offline, the manifest's tickets and this device's scans. */
  private counts(): { counts: DoorCounts; live: boolean } {
    if (this.online && this.serverCounts) return { counts: this.serverCounts, live: true };
    const tiers = this.manifest.tiers.map((tier) => {
      const tickets = this.mayEnter.get(tier.tierId) ?? [];
      return {
        tierId: tier.tierId,
        name: tier.name,
        valid: tickets.length,
        scanned: tickets.filter((id) => this.admitted.has(id)).length,
      };
    });
    const sum = (key: 'valid' | 'scanned') => tiers.reduce((total, tier) => total + tier[key], 0);
    const last =
      [...this.admitted.values()]
        .map((place) => place.scannedAt)
        .sort()
        .at(-1) ?? null;
    return {
      counts: {
        eventId: this.eventId,
        tiers,
        totals: { valid: sum('valid'), scanned: sum('scanned') },
        lastScanAt: last,
      },
      live: false,
    };
  }

  private changed(): void {
    if (!this.manifest) return;
    const { counts, live } = this.counts();
    this.onChange({
      manifest: this.manifest,
      counts,
      countsLive: live,
      online: this.online,
      waiting: this.waiting,
      syncing: this.syncing !== null,
      lastSyncAt: this.lastSyncAt,
      findings: this.findings,
    });
  }
}

const placeOf = (scan: QueuedScan): ScanPlace => ({
  scanId: scan.scanId,
  scannedAt: scan.scannedAt,
  gate: scan.gate,
});
