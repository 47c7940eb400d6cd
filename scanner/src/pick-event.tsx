import { useEffect, useState } from 'preact/hooks';
import { type Credentials, type EventSummary, listEvents } from './api.ts';
import { unlockSound } from './feedback.ts';
import { openDeviceStore } from './store.ts';

/** "Sat 1 Jun, 19:00", with the year when it is not this one. */
const when = (iso: string) => {
  const at = new Date(iso);
  return at.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(at.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
};

/** Door staff pick the event they scan and name their gate or device. */
export function PickEvent(props: {
  credentials: Credentials;
  gate: string;
  onPick: (eventId: string, gate: string) => void;
  /** Back to the door this device came from, when it came from one. */
  onBack: (() => void) | null;
  onSignOut: () => void;
}) {
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [eventId, setEventId] = useState('');
  const [gate, setGate] = useState(props.gate);
  const [gateError, setGateError] = useState<string | null>(null);
  // Scans still waiting on this device: signing out would leave them behind until their event is opened again.
  const [waiting, setWaiting] = useState(0);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  useEffect(() => {
    void openDeviceStore()
      .then((store) => store.pending())
      .then((pending) => setWaiting(pending.length))
      .catch(() => undefined);
  }, []);

  const load = () => {
    setLoadError(null);
    listEvents(props.credentials)
      .then((found) => {
        setEvents(found);
        setEventId((chosen) => chosen || (found[0]?.id ?? ''));
      })
      .catch((error: Error) => setLoadError(error.message));
  };
  useEffect(load, []);

  const start = (e: Event) => {
    e.preventDefault();
    unlockSound();
    const named = gate.trim();
    if (!named) return setGateError('Name your gate or device, such as “Gate 2” or “Side door phone”.');
    if (named.length > 60) return setGateError('Keep the name to 60 characters.');
    props.onPick(eventId, named);
  };

  return (
    <main class="setup">
      <h1>Which door?</h1>
      {props.onBack && (
        <button type="button" onClick={props.onBack}>
          Back to the door
        </button>
      )}
      {loadError && (
        <div class="card" role="alert">
          <p class="error">{loadError}</p>
          <button type="button" onClick={load}>
            Try again
          </button>
        </div>
      )}
      {!events && !loadError && <p aria-live="polite">Loading events…</p>}
      {events && events.length === 0 && (
        <p class="card">This key has no events to scan. An owner can give it events in the dashboard.</p>
      )}
      {events && events.length > 0 && (
        <form class="card" onSubmit={start} noValidate>
          <fieldset class="events">
            <legend>Event</legend>
            {events.map((event) => (
              <label key={event.id} class="event-choice">
                <input
                  type="radio"
                  name="event"
                  value={event.id}
                  checked={eventId === event.id}
                  onChange={() => setEventId(event.id)}
                />
                <span>
                  <strong>{event.title}</strong>
                  <span class="hint">
                    Doors {when(event.doors)}
                    {event.status === 'draft' ? ' · draft' : ''}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <label for="gate">Gate or device</label>
          <input
            id="gate"
            value={gate}
            maxLength={60}
            placeholder="Gate 2"
            aria-invalid={gateError ? true : undefined}
            aria-describedby={gateError ? 'gate-error gate-hint' : 'gate-hint'}
            onInput={(e) => {
              setGate(e.currentTarget.value);
              setGateError(null);
            }}
          />
          <p id="gate-hint" class="hint">
            Every scan is marked with it, so “already scanned” says where.
          </p>
          {gateError && (
            <p id="gate-error" class="error" role="alert">
              {gateError}
            </p>
          )}
          <button type="submit" class="primary">
            Download tickets and start
          </button>
        </form>
      )}
      {confirmingSignOut && (
        <p class="card error" role="alert">
          {waiting} {waiting === 1 ? 'scan waits' : 'scans wait'} to sync on this device. They upload when
          their event is opened again here while online; sign out anyway?
        </p>
      )}
      <button
        type="button"
        class="link"
        onClick={() => (waiting > 0 && !confirmingSignOut ? setConfirmingSignOut(true) : props.onSignOut())}
      >
        {confirmingSignOut ? 'Sign out anyway' : 'Sign this device out'}
      </button>
    </main>
  );
}
