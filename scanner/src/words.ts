// What the door reads after each scan: a tone (the colour, the sound and the buzz) and two lines
// in words a steward can act on at once. Online and offline answers read the same.

import type { LocalReason, ScanPlace } from './check.ts';

export type Tone = 'valid' | 'warning' | 'invalid';

export interface Verdict {
  tone: Tone;
  /** The big word: "Valid", "Already scanned", "Refunded"… */
  headline: string;
  /** The tier of a valid ticket; otherwise what happened, in a sentence. */
  detail: string;
}

/** What a scan came to, whoever checked it: the tier's name when valid, else the reason. */
export type Outcome =
  | { valid: true; tierName: string }
  | { valid: false; reason: LocalReason; admission: ScanPlace | null };

/** "20:14", or "Sat 2 May, 20:14" when not today, on this device's clock. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  const day = at.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  return `${day}, ${time}`;
}

/** "at 20:14 at Gate 2": when and where a scan was made. */
export function placeWords(place: ScanPlace, now: Date = new Date()): string {
  return `at ${clockTime(place.scannedAt, now)}${place.gate ? ` at ${place.gate}` : ''}`;
}

export function verdictOf(outcome: Outcome, now: Date = new Date()): Verdict {
  if (outcome.valid) return { tone: 'valid', headline: 'Valid', detail: outcome.tierName };
  switch (outcome.reason) {
    case 'already_scanned':
      return {
        tone: 'warning',
        headline: 'Already scanned',
        detail: outcome.admission
          ? `Scanned in ${placeWords(outcome.admission, now)}.`
          : 'This ticket has been scanned in before.',
      };
    case 'void':
      return { tone: 'invalid', headline: 'Refunded', detail: 'This ticket was refunded or cancelled.' };
    case 'wrong_event':
      return {
        tone: 'invalid',
        headline: 'Another event',
        detail: 'This ticket is for another of your events.',
      };
    case 'not_found':
      return {
        tone: 'invalid',
        headline: 'Not our ticket',
        detail: 'This code is not a ticket for this event.',
      };
    case 'forged':
      return {
        tone: 'invalid',
        headline: 'Not a ticket',
        detail: 'This code was not made by EntryRate: it is damaged, altered or not a ticket.',
      };
    case 'needs_network':
      return {
        tone: 'warning',
        headline: 'Check online',
        detail: 'An older ticket this device cannot check offline: scan it again once the network is back.',
      };
    case 'expired_window':
      return {
        tone: 'invalid',
        headline: 'Expired code',
        detail: 'This code has changed since, so it is likely a screenshot. Ask for the live ticket page.',
      };
  }
}

/** A scan that could not be checked at all (the key was revoked, the code is far too long…). */
export function failureOf(message: string): Verdict {
  return { tone: 'invalid', headline: 'Not checked', detail: message };
}
