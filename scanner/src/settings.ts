// What this device remembers between visits (in localStorage): how it signs in, and the event and
// gate it was last set up for, so a reload at the door (or a restart offline) goes straight back to
// scanning. Scans and manifests live in IndexedDB (store.ts).

import type { Credentials } from './api.ts';

const KEY = 'entryrate-scanner';

export interface Settings {
  credentials: Credentials | null;
  eventId: string | null;
  gate: string;
}

export function loadSettings(): Settings {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    return { credentials: kept?.credentials ?? null, eventId: kept?.eventId ?? null, gate: kept?.gate ?? '' };
  } catch {
    return { credentials: null, eventId: null, gate: '' };
  }
}

export function saveSettings(settings: Settings): void {
  localStorage.setItem(KEY, JSON.stringify(settings));
}
