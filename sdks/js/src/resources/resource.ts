import type { EntryRate } from '../client.js';

/** A resource of the API (`er.events`…): each method is one call of the client's request function. */
export abstract class Resource {
  constructor(protected readonly client: EntryRate) {}
}
