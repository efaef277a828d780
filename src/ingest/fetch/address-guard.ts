// Fetching user-supplied URLs from a server is a classic SSRF hole: a feed URL (or a redirect, or a DNS
// name) pointing at 127.0.0.1, 10.x or the cloud metadata address 169.254.169.254 must be refused unless
// the user opts in. The check runs on the address actually connected to (a custom `lookup`), so DNS
// rebinding and redirects cannot slip past it.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

const PRIVATE = new BlockList();
// IPv4: "this network", private (RFC 1918), carrier-grade NAT, loopback, link-local, IETF, benchmarking, multicast and reserved.
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
// IPv6: unspecified, loopback, unique local, link-local, multicast. IPv4-mapped addresses are unwrapped
// and checked as IPv4 below (a ::ffff:0:0/96 rule here would make BlockList flag every IPv4 address).
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addAddress('::1', 'ipv6');
for (const [net, prefix] of [['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True for loopback, private, link-local and other non-public addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(address, 'ipv6');
  }
  return false;
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(readonly host: string, readonly address: string) {
    super(`refusing ${host} (${address}): private or loopback address (use --allow-private to permit)`);
  }
}

/** A DNS lookup for http.request that fails on private addresses unless they are allowed. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return (callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void)(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      const cb = callback as (e: Error | null, a: string | LookupAddress[], f?: number) => void;
      if (refused) return cb(new PrivateAddressError(hostname, refused.address), '', 0);
      if (options.all) return cb(null, list);
      cb(null, list[0].address, list[0].family);
    });
  };
}
