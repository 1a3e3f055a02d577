import type { IncomingHttpHeaders } from 'node:http';

/**
 * The caller's address for a socket handshake, as `request.ip` gives it over HTTP, so the
 * live limits count the same callers as the request limits. With TRUST_PROXY Fastify
 * trusts every hop and takes the client-most (first) `X-Forwarded-For` entry; without it,
 * or when a request came without the header, the connection's own peer.
 */
export function handshakeAddress(
  handshake: { address: string; headers: IncomingHttpHeaders },
  trustProxy: boolean,
): string {
  if (!trustProxy) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')[0]!.trim();
  return forwarded || handshake.address;
}
