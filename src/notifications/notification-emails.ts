import type { EntityManager } from 'typeorm';

import { ACCOUNT_NOTIFICATION_TYPES, DEFAULT_EMAIL_FREQUENCIES, EMAIL_KIND_OF_NOTIFICATION } from './email-kinds.js';

/**
 * Marks the notifications just written that their recipients want emailed at once, in the
 * worker's transaction, so each is emailed at most once and none is forgotten across a crash.
 * They wait out the grace window (`due_at`); the mail module then checks them again and
 * queues the email or skips it with the reason. Account mail (moderators' notices) is due at
 * once and ignores preferences.
 */
export async function markNotificationEmails(
  manager: EntityManager,
  notificationIds: readonly string[],
  now: Date,
  graceMinutes: number,
): Promise<void> {
  if (notificationIds.length === 0) return;
  const kinds = Object.entries(EMAIL_KIND_OF_NOTIFICATION);
  await manager.query(
    `INSERT INTO notification_emails (notification_id, user_id, kind, due_at)
     SELECT n.id, n.user_id, k.kind::email_kind,
            CASE WHEN n.type = ANY($5::text[]) THEN $2::timestamptz ELSE $2::timestamptz + make_interval(mins => $3) END
       FROM notifications n
       LEFT JOIN unnest($4::text[], $6::text[]) AS k(type, kind) ON k.type = n.type
       LEFT JOIN email_preferences p ON p.user_id = n.user_id AND p.kind = k.kind::email_kind
      WHERE n.id = ANY($1::uuid[])
        AND (n.type = ANY($5::text[])
             OR (k.kind IS NOT NULL AND coalesce(p.frequency::text, $7::jsonb->>k.kind) = 'immediate'))
     ON CONFLICT (notification_id) DO NOTHING`,
    [
      notificationIds,
      now,
      graceMinutes,
      kinds.map(([type]) => type),
      ACCOUNT_NOTIFICATION_TYPES,
      kinds.map(([, kind]) => kind),
      JSON.stringify(DEFAULT_EMAIL_FREQUENCIES),
    ],
  );
}
