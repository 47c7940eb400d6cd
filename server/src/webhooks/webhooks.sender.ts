import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Test-mode endpoints may be on this machine; live ones only on the public internet. */
  allowPrivateNetwork: boolean;
}

/** What came back: a status code when the endpoint answered, an error when it did not (or not in time). */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
}

export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** False for loopback, private, link-local, shared, multicast and reserved addresses. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** DNS lookup that refuses names resolving to a private address (checked after resolution, so no rebinding). */
const publicOnlyLookup = ((hostname, options, callback) => {
  dnsLookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    const blocked = addresses.find((a) => !isPublicAddress(a));
    if (blocked) {
      const refused = Object.assign(new Error(`${hostname} resolves to a private address (${blocked})`), {
        code: 'EPRIVATEADDRESS',
      });
      return callback(refused, address, family);
    }
    callback(null, address, family);
  });
}) as LookupFunction;

/**
 * Posts webhooks with node:http: no redirects are followed (a 3xx is a failed attempt), the whole
 * exchange must finish within `timeoutMs`, and at most `maxResponseBytes` of the answer are read.
 */
export function createWebhookSender(options: { timeoutMs?: number; maxResponseBytes?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxResponseBytes = options.maxResponseBytes ?? 4096;

  const send: WebhookSender = (request) =>
    new Promise((resolve) => {
      const url = new URL(request.url);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!request.allowPrivateNetwork && isIP(host) && !isPublicAddress(host)) {
        resolve({ statusCode: null, error: `${host} is a private address` });
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
          headers: { ...request.headers, 'Content-Length': Buffer.byteLength(request.body) },
          ...(request.allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
        },
        (res) => {
          const statusCode = res.statusCode ?? 0;
          let read = '';
          const done = () => {
            const redirect = statusCode >= 300 && statusCode < 400;
            const error =
              statusCode >= 200 && statusCode < 300
                ? null
                : redirect
                  ? `HTTP ${statusCode}: redirects are not followed${res.headers.location ? ` (to ${res.headers.location})` : ''}`
                  : `HTTP ${statusCode}${read.trim() ? `: ${read.trim().slice(0, 200)}` : ''}`;
            finish({ statusCode, error });
          };
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            read += chunk;
            if (Buffer.byteLength(read) >= maxResponseBytes) done();
          });
          res.on('end', done);
          res.on('error', done);
        },
      );
      const timer = setTimeout(
        () => finish({ statusCode: null, error: `no answer within ${timeoutMs / 1000} s` }),
        timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        finish({ statusCode: null, error: error.code ? `${error.code}: ${error.message}` : error.message }),
      );
      req.end(request.body);
    });
  return send;
}
