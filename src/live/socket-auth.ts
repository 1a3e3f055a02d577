import type { AccessTokens } from '../auth/access-tokens.service.js';
import { isEventId } from '../events/event-id.js';
import type { AuthUser } from '../identity/auth-user.js';

/**
 * Checks a socket's handshake token as HTTP does (AccessTokens). Any failure is the same
 * `unauthorized`, so probing learns nothing.
 */
export async function authenticateHandshake(
  token: unknown,
  tokens: AccessTokens,
): Promise<{ user: AuthUser; expiresAt: number } | null> {
  if (typeof token !== 'string' || token.length > 4096) return null;
  const checked = await tokens.check(token);
  return 'refused' in checked ? null : checked;
}

/** `lastEventId` as a decimal string, or null when absent; undefined when malformed. */
export function parseEventId(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (isEventId(value)) return value;
  return undefined;
}
