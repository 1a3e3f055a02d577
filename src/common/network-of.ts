import { normalizeIp } from '@nestjs/throttler';

/**
 * The network an address's limits count against. For IPv6 that is its /64: a home or
 * office is given a whole /64, so counting single addresses would let a caller take a
 * fresh one for every request. IPv4 (also written as IPv6, ::ffff:a.b.c.d) counts as is.
 */
export function networkOf(ip: string): string {
  return normalizeIp(ip, 64);
}
