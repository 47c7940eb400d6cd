import { DEMO_TEST_KEY } from '../src/demo/seed.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client for tests: `api(url).post('/v1/events', body, { key, idempotencyKey })`. */
export function api(baseUrl: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string | null; idempotencyKey?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const key = options.key === undefined ? DEMO_TEST_KEY : options.key;
    const headers: Record<string, string> = { ...options.headers };
    if (key) headers.Authorization = `Bearer ${key}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
  return {
    get: <T = any>(path: string, options?: Parameters<typeof call>[3]) =>
      call<T>('GET', path, undefined, options),
    post: <T = any>(path: string, body?: unknown, options?: Parameters<typeof call>[3]) =>
      call<T>('POST', path, body ?? {}, options),
    patch: <T = any>(path: string, body: unknown, options?: Parameters<typeof call>[3]) =>
      call<T>('PATCH', path, body, options),
    delete: <T = any>(path: string, options?: Parameters<typeof call>[3]) =>
      call<T>('DELETE', path, undefined, options),
  };
}
