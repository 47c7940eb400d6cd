import type { WithResponse } from './types.js';

/** One element of a page's `data`. */
export type ItemOf<Page> = Page extends { data: (infer Item)[] } ? Item : never;

interface Listed {
  data: unknown[];
  pagination: { page: number; pages: number };
}

/**
 * What a list method answers: awaited, the page (`{ data, pagination }`); iterated with
 * `for await`, every element of every page from this one on, asking for the next page with the
 * same filters and `limit` until `page >= pages`.
 */
export class PagePromise<Page> implements Promise<WithResponse<Page>>, AsyncIterable<ItemOf<Page>> {
  readonly [Symbol.toStringTag] = 'PagePromise';
  readonly #first: Promise<WithResponse<Page>>;
  readonly #fetchPage: (page: number) => Promise<WithResponse<Page>>;

  /** `fetchPage()` asks for the page the caller asked for; `fetchPage(n)`, for page n. */
  constructor(fetchPage: (page?: number) => Promise<WithResponse<Page>>) {
    this.#fetchPage = fetchPage;
    this.#first = fetchPage();
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaited like the promise of its first page.
  then<A = WithResponse<Page>, B = never>(
    onfulfilled?: ((page: WithResponse<Page>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#first.then(onfulfilled, onrejected);
  }

  catch<B = never>(
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<WithResponse<Page> | B> {
    return this.#first.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<WithResponse<Page>> {
    return this.#first.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ItemOf<Page>> {
    let page = (await this.#first) as unknown as Listed;
    for (;;) {
      yield* page.data as ItemOf<Page>[];
      const { page: number, pages } = page.pagination;
      if (number >= pages) return;
      page = (await this.#fetchPage(number + 1)) as unknown as Listed;
    }
  }
}
