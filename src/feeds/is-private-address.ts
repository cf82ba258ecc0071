import { isIP } from 'node:net';

/** IPv4 ranges a public fetcher must never reach: `[first octets as a number, prefix length]`. */
const blockedV4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network", includes 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

function v4ToInt(address: string): number {
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function isBlockedV4(address: string): boolean {
  const ip = v4ToInt(address);
  return blockedV4.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(ip / size) === Math.floor(v4ToInt(base) / size);
  });
}

/** Expands an IPv6 address into eight 16-bit groups (handles `::` and an embedded IPv4 tail). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail?.[1]) {
    const n = v4ToInt(v4Tail[1]);
    text = text.slice(0, -v4Tail[1].length) + `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16) || 0);
}

function isBlockedV6(address: string): boolean {
  const g = v6Groups(address);
  const first = g[0] ?? 0;
  if (g.slice(0, 7).every((x) => x === 0) && ((g[7] ?? 0) === 0 || g[7] === 1)) return true; // :: and ::1
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address inside.
    const v4 = [(g[6] ?? 0) >> 8, (g[6] ?? 0) & 255, (g[7] ?? 0) >> 8, (g[7] ?? 0) & 255].join('.');
    return isBlockedV4(v4);
  }
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true; // ff00::/8 multicast
  return false;
}

/**
 * True for addresses a fetch on behalf of chat users or feeds must not reach: loopback, private,
 * link-local, unspecified, carrier-grade NAT, multicast, and IPv4 mapped into IPv6. Anything that
 * is not an IP address at all counts as blocked.
 */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return isBlockedV4(address);
  if (version === 6) return isBlockedV6(address);
  return true;
}
