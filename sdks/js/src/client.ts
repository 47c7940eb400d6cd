import { PagePromise } from './pagination.js';
import { type Settings, request as send } from './request.js';
import { Account } from './resources/account.js';
import { ApiKeys } from './resources/api-keys.js';
import { Checkout } from './resources/checkout.js';
import { Events } from './resources/events.js';
import { Orders } from './resources/orders.js';
import { Payouts } from './resources/payouts.js';
import { Promoters } from './resources/promoters.js';
import { Scans } from './resources/scans.js';
import { TicketLinks } from './resources/ticket-links.js';
import { Tickets } from './resources/tickets.js';
import { Venues } from './resources/venues.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { environmentVariable } from './runtime.js';
import type { Answer, Method, Path, RequestInit, WithResponse } from './types.js';
import { API_VERSION } from './version.js';
import { webhooks } from './webhooks.js';

export interface ClientOptions {
  /** The API origin: this, else `ENTRYRATE_API_URL`, else https://api.entryrate.co.uk. */
  baseUrl?: string;
  /** The `EntryRate-Version` of every request; 2026-04-25 by default. */
  apiVersion?: string;
  /** Retries of a call that met a connection error, a timeout, a 429 or a 5xx; 2 by default, 0 for none. */
  maxRetries?: number;
  /** Milliseconds each attempt may take; 30 000 by default. */
  timeout?: number;
  /**
   * The promoter (`pr_…`) every call acts for, sent as `EntryRate-Promoter`: with an agency's admin
   * key, one of the promoters it manages. A call's own `promoter` option replaces it.
   */
  promoter?: string;
  /** The `fetch` to use; the global one by default. */
  fetch?: typeof fetch;
}

/** The EntryRate API client: `new EntryRate(key)`; the key may be left out for the public routes. */
export class EntryRate {
  static readonly webhooks = webhooks;
  readonly webhooks = webhooks;

  readonly events = new Events(this);
  readonly venues = new Venues(this);
  readonly orders = new Orders(this);
  readonly tickets = new Tickets(this);
  readonly scans = new Scans(this);
  readonly payouts = new Payouts(this);
  readonly account = new Account(this);
  readonly webhookEndpoints = new WebhookEndpoints(this);
  readonly apiKeys = new ApiKeys(this);
  readonly promoters = new Promoters(this);
  readonly ticketLinks = new TicketLinks(this);
  readonly checkout = new Checkout(this);

  readonly #settings: Settings;

  constructor(key?: string, options: ClientOptions = {}) {
    const maxRetries = options.maxRetries ?? 2;
    if (!Number.isInteger(maxRetries) || maxRetries < 0)
      throw new TypeError('maxRetries: a whole number, 0 or more.');
    this.#settings = {
      key: key || undefined,
      baseUrl: options.baseUrl ?? environmentVariable('ENTRYRATE_API_URL') ?? 'https://api.entryrate.co.uk',
      apiVersion: options.apiVersion ?? API_VERSION,
      maxRetries,
      timeout: options.timeout ?? 30_000,
      promoter: options.promoter || undefined,
      // Looked up at each call, so that a fetch installed later (a polyfill, a mock) is the one used.
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    };
  }

  /** Any operation of the API document, typed by its path: what every resource method is one line over. */
  request<P extends Path, M extends Method>(
    method: M,
    path: P,
    init: RequestInit<P, M> = {},
  ): Promise<WithResponse<Answer<P, M>>> {
    return send(this.#settings, method.toUpperCase(), path, init) as Promise<WithResponse<Answer<P, M>>>;
  }

  /** A GET operation whose answer is a file of type `accept` (`text/csv`): the file's text. */
  text<P extends Path>(path: P, init: RequestInit<P, 'get'> & { accept: string }): Promise<string> {
    return send(this.#settings, 'GET', path, init) as Promise<string>;
  }

  /** A list operation: its first page, or with `for await` every element of every page. */
  list<P extends Path>(path: P, init: RequestInit<P, 'get'> = {}): PagePromise<Answer<P, 'get'>> {
    return new PagePromise((page) => {
      const query = { ...init.query, page } as unknown as RequestInit<P, 'get'>['query'];
      return this.request('get', path, page === undefined ? init : { ...init, query });
    });
  }
}
