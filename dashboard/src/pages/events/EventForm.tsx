import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { ApiError, api, type Schemas } from '../../api.ts';
import { useAction, useResource } from '../../hooks.ts';
import { type ScopeInfo, useRequiredScope } from '../../scope.ts';
import {
  Button,
  ButtonLink,
  Checkbox,
  ErrorState,
  errorFor,
  FormError,
  Loading,
  PageHeader,
  TextField,
} from '../../ui/index.ts';
import { createBody, draftOf, type EventDraft, emptyDraft, newTier, updateBody } from './event-draft.ts';
import { TierFields } from './TierFields.tsx';
import { newVenue, timeZoneOf, type VenueChoice, VenueField } from './VenueField.tsx';

type Event = Schemas['Event'];
type Venue = Schemas['Venue'];

/**
 * `/events/new` and `/events/:eventId/edit`: an event's title, venue (picked or added), doors,
 * checkout hold and tiers. What was typed is read here (prices in major units, times on the venue's
 * clock); whether it makes a valid event is the API's answer, shown beside the field it names.
 */
export default function EventForm() {
  const scope = useRequiredScope();
  const { params } = useRoute();
  const eventId = params.eventId;
  const venues = useResource(
    () => api.get<Schemas['VenuePage']>('/v1/venues', { scope, query: { limit: 100 } }),
    [scope.promoterId, scope.mode],
  );
  const event = useResource(
    () =>
      eventId
        ? api.get<Event>(`/v1/events/${encodeURIComponent(eventId)}`, { scope })
        : Promise.resolve(undefined),
    [scope.promoterId, scope.mode, eventId],
  );

  const back = eventId
    ? { href: scope.href(`/events/${eventId}`), label: event.data?.title ?? 'Event' }
    : { href: scope.href('/events'), label: 'Events' };
  const title = eventId ? `Edit ${event.data?.title ?? 'event'}` : 'New event';
  const failed = venues.error ?? event.error;
  if (failed) {
    return (
      <>
        <PageHeader title={title} back={back} />
        <ErrorState
          error={failed}
          onRetry={() => {
            venues.reload();
            event.reload();
          }}
        />
      </>
    );
  }
  if (!venues.data || (eventId && !event.data)) return <Loading />;
  return (
    <>
      <PageHeader title={title} back={back} />
      <EventFormBody
        key={event.data?.id ?? 'new'}
        scope={scope}
        venues={venues.data.data}
        event={event.data}
        cancelHref={back.href}
      />
    </>
  );
}

function EventFormBody({
  scope,
  venues,
  event,
  cancelHref,
}: {
  scope: ScopeInfo;
  venues: Venue[];
  event: Event | undefined;
  cancelHref: string;
}) {
  const { route } = useLocation();
  const [knownVenues, setKnownVenues] = useState(venues);
  const [venue, setVenue] = useState<VenueChoice>(
    event
      ? { kind: 'existing', venueId: event.venueId }
      : venues[0]
        ? { kind: 'existing', venueId: venues[0].id }
        : newVenue(),
  );
  const timeZone = timeZoneOf(venue, knownVenues);
  const [draft, setDraft] = useState<EventDraft>(() =>
    event ? draftOf(event, timeZoneOf(venue, venues)) : emptyDraft(),
  );
  // Every change is made to the draft as it is when the change lands: two edits in one frame (a fast
  // typist, autofill) both keep.
  const setTier = (
    index: number,
    update: (tier: EventDraft['tiers'][number]) => EventDraft['tiers'][number],
  ) => setDraft((draft) => ({ ...draft, tiers: draft.tiers.map((t, i) => (i === index ? update(t) : t)) }));

  const save = useAction(async () => {
    const venueId = venue.kind === 'new' ? await addVenue(venue) : venue.venueId;
    const withVenue = { ...draft, venueId };
    const saved = event
      ? await api.patch<Event>(`/v1/events/${encodeURIComponent(event.id)}`, {
          scope,
          body: updateBody(withVenue, timeZone),
        })
      : await api.post<Event>('/v1/events', { scope, body: createBody(withVenue, timeZone) });
    route(scope.href(`/events/${saved.id}`));
    return saved;
  });

  /** Creates the typed-in venue and picks it, so a retry after the event's error adds it once. */
  async function addVenue(choice: Extract<VenueChoice, { kind: 'new' }>): Promise<string> {
    try {
      const created = await api.post<Venue>('/v1/venues', {
        scope,
        body: { name: choice.name, city: choice.city, timezone: choice.timezone },
      });
      setKnownVenues([...knownVenues, created]);
      setVenue({ kind: 'existing', venueId: created.id });
      return created.id;
    } catch (error) {
      if (error instanceof ApiError && error.param) {
        throw new ApiError(error.status, error.code, error.message, `venue.${error.param}`, error.requestId);
      }
      throw error;
    }
  }

  const error = save.error;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <FormError error={error} />
      <section class="card" aria-labelledby="event-details">
        <h2 id="event-details">The event</h2>
        <TextField
          label="Title"
          value={draft.title}
          required
          maxLength={200}
          error={errorFor(error, 'title')}
          onValue={(title) => setDraft((draft) => ({ ...draft, title }))}
        />
        <VenueField venues={knownVenues} choice={venue} onChoice={setVenue} error={error} />
        <div class="grid">
          <TextField
            label="Doors open"
            hint={`${timeZone.replaceAll('_', ' ')} time.`}
            type="datetime-local"
            value={draft.doors}
            required
            error={errorFor(error, 'doors')}
            onValue={(doors) => setDraft((draft) => ({ ...draft, doors }))}
          />
          <TextField
            label="Currency"
            hint={event ? 'Fixed once the event exists.' : 'Three letters, such as GBP or EUR.'}
            value={draft.currency}
            maxLength={3}
            autoCapitalize="characters"
            disabled={Boolean(event)}
            error={errorFor(error, 'currency')}
            onValue={(currency) => setDraft((draft) => ({ ...draft, currency: currency.toUpperCase() }))}
          />
          <TextField
            label="Checkout hold (minutes)"
            hint="How long tickets stay held while a buyer pays. Empty: the default."
            inputMode="numeric"
            value={draft.holdMinutes}
            error={errorFor(error, 'holdMinutes')}
            onValue={(holdMinutes) => setDraft((draft) => ({ ...draft, holdMinutes }))}
          />
        </div>
        <Checkbox
          label="Rotating ticket codes"
          hint="The QR code changes every 30 seconds, so a screenshot or a resold picture does not scan."
          checked={draft.rotatingQr}
          onValue={(rotatingQr) => setDraft((draft) => ({ ...draft, rotatingQr }))}
        />
      </section>

      <section class="card" aria-labelledby="event-tiers">
        <h2 id="event-tiers">Tickets</h2>
        {errorFor(error, 'tiers') && (
          <p class="field-error" role="alert">
            {errorFor(error, 'tiers')}
          </p>
        )}
        {draft.tiers.map((tier, index) => (
          <TierFields
            key={tier.key}
            tier={tier}
            index={index}
            currency={draft.currency}
            timeZone={timeZone}
            error={error}
            onChange={(changed) => setTier(index, changed)}
            onRemove={
              tier.id || draft.tiers.length === 1
                ? undefined
                : () => setDraft((draft) => ({ ...draft, tiers: draft.tiers.filter((_, i) => i !== index) }))
            }
          />
        ))}
        <Button onClick={() => setDraft((draft) => ({ ...draft, tiers: [...draft.tiers, newTier()] }))}>
          Add a tier
        </Button>
      </section>

      <div class="form-actions">
        <Button type="submit" variant="primary" busy={save.pending}>
          {event ? 'Save changes' : 'Create draft'}
        </Button>
        <ButtonLink href={cancelHref}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
