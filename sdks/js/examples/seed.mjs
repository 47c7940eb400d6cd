import { EntryRate } from '@entryrate/sdk';

const er = new EntryRate(process.env.ER_KEY);
const events = await er.events.list({ status: 'live' });
for (const evt of events.data) {
  console.log(evt.title, evt.lowestPrice);
}
