import type { APIResponse, Page } from '@playwright/test';
import { apiUrl } from './stack.ts';

/**
 * The REST API called with a page's own session cookie, as the dashboard calls it (promoter and
 * mode headers, the session's CSRF token on changes): to check that the server, not only the
 * screen, refuses what a role may not do.
 */
export class SessionApi {
  constructor(
    readonly page: Page,
    readonly promoterId: string,
    readonly mode: 'test' | 'live' = 'test',
  ) {}

  /** The signed-in person's CSRF token, from `GET /v1/session`. */
  async csrfToken(): Promise<string> {
    const res = await this.page.request.get(apiUrl('/v1/session'));
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** One request; `csrf: false` leaves the token out, as a forged cross-site request would. */
  async call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    { body, csrf = true }: { body?: unknown; csrf?: boolean } = {},
  ): Promise<APIResponse> {
    const headers: Record<string, string> = {
      'EntryRate-Promoter': this.promoterId,
      'EntryRate-Mode': this.mode,
    };
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = await this.csrfToken();
    if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
    return this.page.request.fetch(apiUrl(path), {
      method,
      headers,
      data: body ?? (method === 'GET' ? undefined : {}),
    });
  }

  /** The error code of an answer (`auth.forbidden`), or null for a success. */
  static async errorCode(res: APIResponse): Promise<string | null> {
    if (res.ok()) return null;
    return ((await res.json()) as { error: { code: string } }).error.code;
  }
}
