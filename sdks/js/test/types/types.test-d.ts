// What the SDK's types refuse, each refusal on the line after its `@ts-expect-error`; and what
// they take. test/package/types.test.ts compiles this file, and a copy without the directives.
import { EntryRate, type Event, NotFoundError } from '../../src/index.ts';

const er = new EntryRate('er_test_types');
const tier = { name: 'Standard', price: 1800, stock: 100 };
const draft = { title: 'Typed', venueId: 'vn_typed', doors: '2030-05-02T19:00:00Z', tiers: [tier] };

export async function refused(): Promise<void> {
  await er.events.create({
    ...draft,
    // @ts-expect-error events.create has no field `titel`.
    titel: 'Typo',
  });
  await er.events.create({
    ...draft,
    // @ts-expect-error a tier's price is a whole number of minor units, not a string.
    tiers: [{ name: 'Standard', price: '18.00', stock: 100 }],
  });
  await er.events.list({
    // @ts-expect-error events.list has no filter `colour`.
    colour: 'red',
  });
  await er.events.list({
    // @ts-expect-error an event's status is draft, live or cancelled.
    status: 'open',
  });
  const event = await er.events.retrieve('evt_typed');
  // @ts-expect-error an Event has no `price`: it has `lowestPrice`, and its tiers have prices.
  console.log(event.price);
}

export async function taken(): Promise<string[]> {
  const created = await er.events.create({ ...draft, tiers: [{ ...tier, maxPerOrder: 4 }] });
  const event: Event = created;
  const page = await er.events.list({ status: 'live', q: 'tour', limit: 50 });
  const total: number = page.pagination.total;
  const replayed: boolean = created.lastResponse.idempotentReplayed;
  const prices: (number | null)[] = [];
  for await (const evt of er.events.list({ status: 'live' })) prices.push(evt.lowestPrice);
  const missing = await er.events.retrieve('evt_missing').catch((error: unknown) => error);
  if (missing instanceof NotFoundError)
    console.log(missing.code, missing.requestId, event.id, total, replayed);
  return page.data.map((evt) => evt.title);
}
