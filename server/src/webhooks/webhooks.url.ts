import { isIP } from 'node:net';
import { ApiError } from '../http/errors.ts';
import { specialAddressKind } from '../lib/special-address.ts';
import { type AddressPolicy, refusalOf } from './webhooks.address.ts';

const invalidUrl = (message: string) => new ApiError(400, 'request.invalid', `url: ${message}`, 'url');

/** `localhost` and its subdomains always mean this machine (RFC 6761), whatever DNS says. */
const isLocalhostName = (hostname: string) => /(^|\.)localhost$/.test(hostname.replace(/\.$/, ''));

/**
 * Checks where a promoter asks us to send webhooks: https on the public internet; while the server
 * runs against the stripe-sim, also this machine, over http too. Addresses are refused here, however
 * the URL spells them (the WHATWG parser reads `2130706433` and `0x7f.1` as 127.0.0.1); names are
 * checked again each time they are resolved to connect, which is the check that counts.
 */
export function checkEndpointUrl(raw: string, policy: AddressPolicy): void {
  const url = new URL(raw);
  if (url.username || url.password) {
    throw invalidUrl('must not contain a user name or password (our signature headers authenticate us).');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const address = isIP(host) > 0;
  const loopback = address ? specialAddressKind(host) === 'loopback' : isLocalhostName(host);
  const refused = address
    ? refusalOf(host, policy)
    : loopback && !policy.allowLoopback
      ? `${host} is loopback`
      : null;
  if (refused) throw invalidUrl(`${refused}; webhooks go to the public internet only.`);
  if (url.protocol !== 'https:' && !(policy.allowLoopback && loopback)) {
    throw invalidUrl(
      policy.allowLoopback
        ? 'must be https, or http on this machine (localhost, 127.0.0.1, [::1]).'
        : 'must be https.',
    );
  }
}
