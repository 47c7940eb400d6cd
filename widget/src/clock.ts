// The hold is judged by the server's clock: a buyer's clock that is minutes off must not show a hold
// that has already ended, or end one early.

/** How far the server's clock is ahead of this browser's, from the `serverTime` of a response. */
export const clockOffset = (serverTime: string, now = Date.now()) => Date.parse(serverTime) - now;

/** Milliseconds left until `expiresAt` on the server's clock, never negative. */
export const timeLeft = (expiresAt: string, offset: number, now = Date.now()) =>
  Math.max(0, Date.parse(expiresAt) - (now + offset));

const MARKS = [30, 60, 120, 300, 600];

/**
 * The countdown's screen-reader text. It changes only when a mark (10, 5, 2, 1 minutes, 30 seconds)
 * is crossed, so an aria-live region reads it a handful of times instead of every second.
 */
export function holdAnnouncement(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s <= 0) return 'Your hold has expired.';
  const mark = MARKS.find((m) => s <= m);
  if (mark === undefined) return '';
  if (mark < 60) return `${mark} seconds left to pay.`;
  return mark === 60 ? '1 minute left to pay.' : `${mark / 60} minutes left to pay.`;
}
