import type { JwtService } from '@nestjs/jwt';
import type { SessionsService } from '../auth/sessions.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { isEventId } from './event-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a socket's handshake token exactly as HTTP does (HS256 only, live session,
 * not suspended). Any failure is the same `unauthorized`, so probing learns nothing.
 */
export async function authenticateHandshake(token: unknown, jwt: JwtService, sessions: SessionsService): Promise<{ user: AuthUser; expiresAt: number } | null> {
  if (typeof token !== 'string' || token.length > 4096) return null;
  let payload: { sub?: unknown; sid?: unknown; exp?: unknown };
  try {
    payload = await jwt.verifyAsync(token, { algorithms: ['HS256'] });
  } catch {
    return null;
  }
  if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || !UUID.test(payload.sub) || !UUID.test(payload.sid)) return null;
  const caller = await sessions.resolveCaller(payload.sub, payload.sid);
  if (!caller || caller.suspended) return null;
  if (typeof payload.exp !== 'number') return null;
  return { user: { id: caller.id, role: caller.role, sessionId: caller.sessionId }, expiresAt: payload.exp * 1000 };
}

/** `lastEventId` as a decimal string, or null when absent; undefined when malformed. */
export function parseEventId(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (isEventId(value)) return value;
  return undefined;
}
