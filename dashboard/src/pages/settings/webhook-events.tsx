import type { Schemas } from '../../api.ts';
import { Checkbox } from '../../ui/index.ts';

/** What an endpoint subscribes to: event types, or `*` for every one (new ones included). */
export type Subscription = Schemas['WebhookEndpoint']['events'][number];
type EventType = Exclude<Subscription, '*'>;

/** Every event type an endpoint can receive, with when it is sent. */
export const WEBHOOK_EVENTS: readonly { type: EventType; when: string }[] = [
  { type: 'order.completed', when: 'An order is paid and its tickets are issued.' },
  { type: 'order.refunded', when: 'An order is refunded, in full or in part.' },
  { type: 'scan.recorded', when: 'A ticket is scanned at the door.' },
  { type: 'payout.paid', when: 'A payout reaches your bank.' },
  { type: 'event.published', when: 'An event goes on sale.' },
];

/** The event types an endpoint receives, in words: "All events" or the list. */
export function describeEvents(events: readonly Subscription[]): string {
  return events.includes('*') ? 'All events' : events.join(', ');
}

/**
 * The event checkboxes of an endpoint: "All events" (which also covers types added later) or
 * any of the types. `error` is the API's message about `events`.
 */
export function EventTypesField({
  value,
  onValue,
  error,
}: {
  value: readonly Subscription[];
  onValue: (events: Subscription[]) => void;
  error?: string | undefined;
}) {
  const all = value.includes('*');
  const toggle = (type: EventType, on: boolean) =>
    onValue(on ? [...value.filter((v) => v !== type), type] : value.filter((v) => v !== type));
  return (
    <fieldset class={`fieldset${error ? ' field-invalid' : ''}`}>
      <legend>Events to send</legend>
      <Checkbox
        label="All events"
        hint="Including event types EntryRate adds later."
        checked={all}
        onValue={(on) => onValue(on ? ['*'] : [])}
      />
      {WEBHOOK_EVENTS.map(({ type, when }) => (
        <Checkbox
          key={type}
          label={type}
          hint={when}
          checked={all || value.includes(type)}
          disabled={all}
          onValue={(on) => toggle(type, on)}
        />
      ))}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
