import ipaddr from 'ipaddr.js';

/**
 * True for addresses a fetch on behalf of chat users or feeds must not reach: anything ipaddr.js
 * does not class as public unicast — loopback, private, link-local (cloud metadata), unspecified,
 * carrier-grade NAT, multicast, broadcast, reserved, documentation and benchmarking ranges,
 * unique-local, and IPv6 forms that embed an IPv4 address (6to4, Teredo, NAT64). IPv4 mapped into
 * IPv6 (`::ffff:a.b.c.d`) is judged as the IPv4 address inside. Anything that is not an IP
 * address at all counts as blocked.
 */
export function isPrivateAddress(address: string): boolean {
  const text = address.split('%')[0] ?? '';
  if (!ipaddr.isValid(text)) return true;
  let parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}
