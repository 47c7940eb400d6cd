import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { specialAddressKind } from '../lib/special-address.ts';

/**
 * Where webhooks may go. Only public unicast addresses, except that loopback is allowed while the
 * server runs against the stripe-sim (a developer's own machine), so a local receiver gets them.
 */
export interface AddressPolicy {
  allowLoopback: boolean;
}

/** Resolves a host name to every address it has, as the system resolver (`dns.lookup`) does. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Why webhooks must not go to `address` (e.g. "address 10.0.0.1 is private"), or null when they may. */
export function refusalOf(address: string, policy: AddressPolicy): string | null {
  const kind = specialAddressKind(address);
  if (kind === null || (kind === 'loopback' && policy.allowLoopback)) return null;
  return `address ${address} is ${kind}`;
}

const familyOf = (family: number | string | undefined) =>
  family === 4 || family === 'IPv4' ? 4 : family === 6 || family === 'IPv6' ? 6 : null;

/**
 * A `lookup` for net/tls connections: resolves the name with `resolve` when the connection is made,
 * refuses it unless every address it has may be reached, and hands net exactly the addresses it
 * checked, so a name cannot point somewhere else between the check and the connection (DNS
 * rebinding). The refusal names the host only: which private addresses a name has is not the
 * promoter's to learn, nor whether it has any at all.
 */
export function guardedLookup(resolve: Resolver, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const refuse = () =>
      callback(
        Object.assign(new Error(`refused: no public address for ${hostname}`), { code: 'EREFUSED_ADDRESS' }),
        [],
      );
    resolve(hostname)
      .catch((): LookupAddress[] => [])
      .then((resolved) => {
        const family = familyOf(options.family);
        const addresses = resolved.filter((a) => family === null || a.family === family);
        const [first] = addresses;
        if (!first || resolved.some((a) => refusalOf(a.address, policy) !== null)) return refuse();
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      });
  };
}
