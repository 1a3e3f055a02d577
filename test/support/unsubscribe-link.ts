import { AppConfig } from '../../src/config/app-config.js';
import { unsubscribeToken } from '../../src/mail/unsubscribe-token.js';
import type { EmailKind } from '../../src/notifications/email-kinds.js';
import type { TestApp } from './test-app.js';

/** A one-click unsubscribe token as this forum signs it, for a fixture that needs a valid one. */
export function unsubscribeTokenFor(
  forum: TestApp,
  userId: string,
  kind: EmailKind = 'followed-collaboratives',
): string {
  return unsubscribeToken(forum.app.get(AppConfig).jwtSecret, userId, kind);
}

/** Every kind at once, for a valid PUT of the preferences. */
export const ALL_IMMEDIATE = {
  replies: 'immediate',
  mentions: 'immediate',
  'accepted-answers': 'immediate',
  'followed-collaboratives': 'immediate',
  'join-requests': 'immediate',
} as const;
