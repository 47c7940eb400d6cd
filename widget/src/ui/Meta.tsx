import type { WidgetEvent } from '../api';
import { formatDoors } from '../format';

/**
 * Where and when. Each piece of the promoter's text is its own isolated run (<bdi>), as is the date,
 * so that no text can reorder what is around it (a U+202E in a city must not reverse the date).
 */
export function Meta({ event, br }: { event: WidgetEvent['event']; br?: boolean }) {
  const { venue } = event;
  return (
    <p class="meta">
      <bdi>{venue.name}</bdi> · <bdi>{venue.city}</bdi>
      {br ? <br /> : ' · '}
      <time dateTime={event.doors}>{formatDoors(event.doors, undefined, venue.timezone)}</time>
    </p>
  );
}
