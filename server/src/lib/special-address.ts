import { BlockList, isIP } from 'node:net';

/** Why an address is not a public unicast address on the internet. */
export type SpecialAddressKind = 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved';

function blockList(subnets: readonly (readonly [string, number])[], family: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, family);
  return list;
}

// IANA's IPv4 and IPv6 special-purpose address registries (RFC 6890 and successors).
const IPV4: [SpecialAddressKind, BlockList][] = [
  ['loopback', blockList([['127.0.0.0', 8]], 'ipv4')],
  [
    'private',
    blockList(
      [
        ['10.0.0.0', 8],
        ['172.16.0.0', 12],
        ['192.168.0.0', 16],
        ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
      ],
      'ipv4',
    ),
  ],
  ['link-local', blockList([['169.254.0.0', 16]], 'ipv4')],
  ['multicast', blockList([['224.0.0.0', 4]], 'ipv4')],
  [
    'reserved',
    blockList(
      [
        ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches this machine
        ['192.0.0.0', 24], // IETF protocol assignments
        ['192.0.2.0', 24], // documentation
        ['192.88.99.0', 24], // deprecated 6to4 relay anycast
        ['198.18.0.0', 15], // benchmarking
        ['198.51.100.0', 24], // documentation
        ['203.0.113.0', 24], // documentation
        ['240.0.0.0', 4], // reserved, with 255.255.255.255 (broadcast)
      ],
      'ipv4',
    ),
  ],
];

// Checked only inside 2000::/3, the one block IANA hands out as global unicast; all else is special.
const IPV6_RESERVED_UNICAST = blockList(
  [
    ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID…
    ['2001:db8::', 32], // documentation
    ['3fff::', 20], // documentation
  ],
  'ipv6',
);

function ipv4Kind(address: string): SpecialAddressKind | null {
  for (const [kind, list] of IPV4) if (list.check(address, 'ipv4')) return kind;
  return null;
}

type Hextets = [number, number, number, number, number, number, number, number];

/** The eight 16-bit groups of an IPv6 address that `isIP` accepted, its zone id dropped. */
function hextets(address: string): Hextets {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right] as Hextets;
}

const dottedQuad = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

function ipv6Kind(withZone: string): SpecialAddressKind | null {
  const address = withZone.replace(/%.*$/, '');
  const h = hextets(address);
  const [h0, h1, h2, , , h5, h6, h7] = h;
  const zero = (from: number, to: number) => h.slice(from, to).every((group) => group === 0);
  if (zero(0, 7) && h7 === 1) return 'loopback';
  // An address that carries an IPv4 address is what that address is: the kernel (IPv4-mapped) or a
  // translator (NAT64, 6to4) would deliver to it.
  if (zero(0, 5) && h5 === 0xffff) return ipv4Kind(dottedQuad(h6, h7));
  if (h0 === 0x64 && h1 === 0xff9b && zero(2, 6)) return ipv4Kind(dottedQuad(h6, h7));
  if (h0 === 0x64 && h1 === 0xff9b && h2 === 1) return 'reserved'; // local-use NAT64: embedding varies
  if (h0 === 0x2002) return ipv4Kind(dottedQuad(h1, h2));
  if ((h0 & 0xfe00) === 0xfc00 || (h0 & 0xffc0) === 0xfec0) return 'private'; // unique local, old site-local
  if ((h0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((h0 & 0xff00) === 0xff00) return 'multicast';
  // Outside 2000::/3: ::, IPv4-compatible ::/96, the 100::/64 discard prefix, unassigned space.
  if ((h0 & 0xe000) !== 0x2000) return 'reserved';
  return IPV6_RESERVED_UNICAST.check(address, 'ipv6') ? 'reserved' : null;
}

/**
 * What kind of special-purpose address `address` is: loopback, private, link-local, multicast or
 * otherwise reserved; null for a public unicast address. Anything that is not an IP address counts
 * as reserved, so that a caller never lets it through by mistake.
 */
export function specialAddressKind(address: string): SpecialAddressKind | null {
  const family = isIP(address);
  if (family === 4) return ipv4Kind(address);
  if (family === 6) return ipv6Kind(address);
  return 'reserved';
}
