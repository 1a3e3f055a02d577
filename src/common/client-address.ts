import type { IncomingMessage } from 'node:http';

import proxyAddr from '@fastify/proxy-addr';

/**
 * Which proxies may say who the caller is through `X-Forwarded-For`: none (`false`), every
 * hop (`true`: only behind a proxy that replaces the header, since a caller can write its
 * own otherwise), or the proxies' addresses and ranges (`10.0.0.0/8`, `loopback`).
 */
export type TrustProxy = boolean | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whether an entry of TRUST_PROXY names an address, a range (CIDR) or one of proxy-addr's named ranges. */
export function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  try {
    proxyAddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

/** The trust function Fastify builds for the same setting. */
function trustOf(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  return proxyAddr.compile(trust);
}

/** The caller's address as Fastify's `request.ip` gives it, for a request Fastify did not parse (a socket handshake). */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trustOf(trust));
}
