import { createHmac, timingSafeEqual } from 'node:crypto';

import { EMAIL_KINDS, type EmailKind } from '../notifications/email-kinds.js';

/** Kept apart from access tokens: a key of its own, derived from the server's secret. */
const PURPOSE = 'email-unsubscribe';

function signature(secret: string, userId: string, kind: EmailKind): Buffer {
  const key = createHmac('sha256', secret).update(PURPOSE).digest();
  // 128 bits of the MAC: plenty against forgery, and the token fits a path segment (100 characters).
  return createHmac('sha256', key).update(`${userId}:${kind}`).digest().subarray(0, 16);
}

/**
 * A one-click unsubscribe token for one person and one kind of email: `<user id>.<kind>.<HMAC>`.
 * It never expires (RFC 8058 links are followed long after the email came) and grants
 * nothing but turning that kind of email off.
 */
export function unsubscribeToken(secret: string, userId: string, kind: EmailKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind).toString('base64url')}`;
}

/** The person and kind a token names, or null when it is malformed or was not signed here. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: EmailKind } | null {
  const [userId, kind, mac, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !mac || !/^[0-9a-f-]{36}$/i.test(userId)) return null;
  if (!(EMAIL_KINDS as readonly string[]).includes(kind ?? '')) return null;
  const expected = signature(secret, userId, kind as EmailKind);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as EmailKind };
}
