type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

const TONES: Record<string, Tone> = {
  live: 'success',
  paid: 'success',
  valid: 'success',
  enabled: 'success',
  succeeded: 'success',
  delivered: 'success',
  draft: 'neutral',
  pending: 'info',
  delivering: 'info',
  in_transit: 'info',
  partially_refunded: 'warning',
  disabled: 'warning',
  refunded: 'danger',
  cancelled: 'danger',
  canceled: 'danger',
  void: 'danger',
  failed: 'danger',
  revoked: 'danger',
};

/** Where the API's word is not the one a promoter would use. */
const WORDS: Record<string, string> = {
  live: 'on sale',
  partially_refunded: 'partly refunded',
};

/** A status in words and colour (the words carry it alone; colour only helps). */
export function Badge({ status, label }: { status: string; label?: string }) {
  const tone = TONES[status] ?? 'neutral';
  return <span class={`badge badge-${tone}`}>{label ?? WORDS[status] ?? status.replaceAll('_', ' ')}</span>;
}
