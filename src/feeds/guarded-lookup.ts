import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './is-private-address.js';

/** Resolves a host name to every address it has; `dns.lookup` by default, a stand-in in tests. */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolveHost: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Raised inside a lookup when a host resolves to an address Sitrep must not reach. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'EBLOCKED';
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address`);
  }
}

/** `[::1]` → `::1`: URL host names keep IPv6 brackets, resolvers do not want them. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Resolves `hostname` and returns the first blocked address among all of them, or undefined when
 * every address is public. Literal IP addresses are judged without a lookup.
 */
export async function findBlockedAddress(hostname: string, resolve: ResolveHost): Promise<string | undefined> {
  const host = bareHost(hostname);
  if (isIP(host)) return isPrivateAddress(host) ? host : undefined;
  const addresses = await resolve(host);
  return addresses.find((a) => isPrivateAddress(a.address))?.address;
}

/**
 * A `lookup` for node:http that resolves through `resolve` and, unless `allowPrivate`, refuses the
 * connection when any address of the host is private. It runs at connect time for every request,
 * so a host that changes its answer after the pre-flight check (DNS rebinding) is still refused.
 */
export function guardedLookup(resolve: ResolveHost, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const blocked = allowPrivate ? undefined : all.find((a) => isPrivateAddress(a.address));
        if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), '');
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable = all.filter((a) => !family || a.family === family);
        const first = usable[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, [...usable]);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
