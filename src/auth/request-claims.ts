import { networkOf } from '../common/network-of.js';
import type { AccessTokens, ClaimsCheck } from './access-tokens.service.js';

const BEARER = /^\s*bearer\s+(\S+)\s*$/i;
const verified = new WeakMap<object, ClaimsCheck | null>();

/**
 * The bearer token's claims, verified once per request: the request limit counts a
 * caller by them before the auth guard asks the database about the session. Null when
 * the request carries no bearer token.
 */
export function claimsOf(request: { headers: Record<string, unknown> }, tokens: AccessTokens): ClaimsCheck | null {
  if (verified.has(request)) return verified.get(request)!;
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  const claims = token ? tokens.verify(token) : null;
  verified.set(request, claims);
  return claims;
}

/**
 * Who a request limit counts: the person, when the token's signature is good (before
 * the session is looked up), otherwise the network the request came from.
 */
export function limitedCaller(request: { headers: Record<string, unknown>; ip: string }, tokens: AccessTokens): string {
  const verified = claimsOf(request, tokens);
  return verified && 'claims' in verified ? `user:${verified.claims.userId}` : `ip:${networkOf(request.ip)}`;
}
