import type { ApiError, Schemas } from '../../api.ts';
import { errorFor, SelectField, TextField } from '../../ui/index.ts';

/** Picked from the list, or typed in to be added when the event is saved. */
type NewVenue = { kind: 'new'; name: string; city: string; timezone: string };

export type VenueChoice = { kind: 'existing'; venueId: string } | NewVenue;

const NEW = '__new';

/** The zones Intl knows, for a new venue's time zone; the browser's own first. */
function timeZoneOptions(): { value: string; label: string }[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [own, ...zones.filter((zone) => zone !== own)].map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}

export function newVenue(): VenueChoice {
  return { kind: 'new', name: '', city: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** The zone the venue's doors and sales windows are typed in. */
export function timeZoneOf(choice: VenueChoice, venues: readonly Schemas['Venue'][]): string {
  if (choice.kind === 'new') return choice.timezone;
  return (
    venues.find((venue) => venue.id === choice.venueId)?.timezone ??
    Intl.DateTimeFormat().resolvedOptions().timeZone
  );
}

/**
 * The event's venue: one of the promoter's venues, or a new one (name, city, time zone) that is
 * created when the event is saved. `error` is the event's (param `venueId`) or the new venue's
 * (param `venue.name`, `venue.city`, `venue.timezone`).
 */
export function VenueField({
  venues,
  choice,
  onChoice,
  error,
}: {
  venues: readonly Schemas['Venue'][];
  choice: VenueChoice;
  /** A choice, or a change to the new venue's fields as they are when it lands (a state setter takes both). */
  onChoice: (choice: VenueChoice | ((current: VenueChoice) => VenueChoice)) => void;
  error: ApiError | undefined;
}) {
  const options = [
    ...(choice.kind === 'existing' && choice.venueId === '' ? [{ value: '', label: 'Choose a venue' }] : []),
    ...venues.map((venue) => ({ value: venue.id, label: `${venue.name}, ${venue.city}` })),
    { value: NEW, label: 'Add a new venue…' },
  ];
  return (
    <>
      <SelectField
        label="Venue"
        options={options}
        value={choice.kind === 'new' ? NEW : choice.venueId}
        error={errorFor(error, 'venueId')}
        onValue={(value) => onChoice(value === NEW ? newVenue() : { kind: 'existing', venueId: value })}
      />
      {choice.kind === 'new' && (
        <fieldset class="fieldset">
          <legend>New venue</legend>
          <div class="grid">
            <TextField
              label="Venue name"
              value={choice.name}
              required
              maxLength={200}
              error={errorFor(error, 'venue.name')}
              onValue={(name) => onChoice((current) => ({ ...(current as NewVenue), name }))}
            />
            <TextField
              label="City"
              value={choice.city}
              required
              maxLength={100}
              error={errorFor(error, 'venue.city')}
              onValue={(city) => onChoice((current) => ({ ...(current as NewVenue), city }))}
            />
            <SelectField
              label="Time zone"
              hint="Doors and sales windows are in this zone."
              options={timeZoneOptions()}
              value={choice.timezone}
              error={errorFor(error, 'venue.timezone')}
              onValue={(timezone) => onChoice((current) => ({ ...(current as NewVenue), timezone }))}
            />
          </div>
        </fieldset>
      )}
    </>
  );
}
