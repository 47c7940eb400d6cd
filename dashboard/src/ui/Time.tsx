import { formatDateTime, formatRelative } from '../format.ts';

/** "3 minutes ago", with the exact time as its machine value and on hover; "never" when null. */
export function TimeAgo({ iso, never = 'Never' }: { iso: string | null | undefined; never?: string }) {
  if (!iso) return <span class="muted">{never}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
