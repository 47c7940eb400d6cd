import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  type AddressPolicy,
  guardedLookup,
  type Resolver,
  refusalOf,
  systemResolver,
} from './webhooks.address.ts';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * What came back: a status code when the endpoint answered, and an error of ours when it did not
 * answer 2xx (never the endpoint's own words: the delivery log is shown to the promoter).
 */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
}

export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

export interface WebhookSenderOptions extends Partial<AddressPolicy> {
  /** How host names are resolved when connecting; tests pass their own. */
  resolve?: Resolver;
  /** For the whole exchange, up to the status line. */
  timeoutMs?: number;
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
};

/** Our short words for a failed connection: the code and what it means, never a remote message. */
function networkError(error: NodeJS.ErrnoException): string {
  if (error.code === 'EREFUSED_ADDRESS') return error.message;
  if (!error.code) return 'connection failed';
  const meaning = NETWORK_ERRORS[error.code];
  return meaning ? `${error.code}: ${meaning}` : error.code;
}

/**
 * Posts webhooks with node:http. Only to public addresses (loopback too with `allowLoopback`): an
 * address in the URL is checked before connecting, a name when the connection resolves it, every
 * attempt. No redirects are followed (a 3xx is a failed attempt), the status line must arrive within
 * `timeoutMs`, and nothing of the answer's body is read.
 */
export function createWebhookSender(options: WebhookSenderOptions = {}): WebhookSender {
  const policy: AddressPolicy = { allowLoopback: options.allowLoopback ?? false };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lookup = guardedLookup(options.resolve ?? systemResolver, policy);

  return (request) =>
    new Promise((resolve) => {
      const url = new URL(request.url);
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      const refused = isIP(literal) ? refusalOf(literal, policy) : null;
      if (refused) {
        resolve({ statusCode: null, error: `refused: ${refused}` });
        return;
      }
      let settled = false;
      const finish = (response: WebhookResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(response);
      };
      const post = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = post(
        url,
        {
          method: 'POST',
          agent: false,
          lookup,
          headers: { ...request.headers, 'Content-Length': Buffer.byteLength(request.body) },
        },
        (res) => {
          const statusCode = res.statusCode ?? 0;
          const error =
            statusCode >= 200 && statusCode < 300
              ? null
              : statusCode >= 300 && statusCode < 400
                ? `HTTP ${statusCode} (redirects are not followed)`
                : `HTTP ${statusCode}`;
          finish({ statusCode, error });
        },
      );
      const timer = setTimeout(
        () => finish({ statusCode: null, error: `timeout after ${timeoutMs / 1000} s` }),
        timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ statusCode: null, error: networkError(error) }),
      );
      req.end(request.body);
    });
}
