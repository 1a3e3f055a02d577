import type { EntityManager } from 'typeorm';

import { wordExcerpt } from '../common/word-excerpt.js';
import type { ContentKinds } from '../content/content-kinds.js';
import type { EventStore } from '../events/event-store.service.js';
import type { NotificationDraft, NotificationRules, RuleEvent } from '../notifications/notification-rules.js';
import type { Target } from './moderation-targets.service.js';
import { noticePlace } from './notice-place.js';

/** Tells the person whose content or account it was what moderators did, and why (not when they did it themself). */
export async function noticeAuthor(
  manager: EntityManager,
  events: EventStore,
  target: Target,
  action: string,
  reason: string,
  actorId: string | null,
): Promise<void> {
  if (!target.authorId || target.authorId === actorId) return;
  await events.append(manager, {
    type: 'moderation.notice',
    userId: target.authorId,
    payload: {
      action,
      targetType: target.type,
      targetId: target.id,
      threadId: target.threadId,
      practiceId: target.practiceId,
      reason,
      actorId,
    },
  });
}

const TITLES: Record<string, string> = {
  hide: 'Moderators hid your {kind}',
  'auto-hide': 'Your {kind} was hidden pending review after reports',
  restore: 'Moderators restored your {kind}',
  delete: 'Moderators deleted your {kind}',
  'edit-request': 'Moderators ask you to edit your {kind}',
  lock: 'Moderators locked your thread',
  unlock: 'Moderators unlocked your thread',
  pin: 'Moderators pinned your thread',
  unpin: 'Moderators unpinned your thread',
  move: 'Moderators moved your thread to another collaborative',
  merge: 'Moderators merged your thread into another',
  suspend: 'Your account was suspended',
  unsuspend: 'Your suspension was lifted',
};
const KINDS: Record<string, string> = {
  thread: 'thread',
  reply: 'reply',
  practice: 'case study',
  comment: 'comment',
  user: 'account',
};

/**
 * `moderation.notice` events become a `moderation` notification with the reason as its excerpt,
 * and a title that says which post: "Moderators locked your thread “Who pools rotas?”".
 */
async function onNotice(
  kinds: ContentKinds,
  event: RuleEvent<'moderation.notice'>,
  manager: EntityManager,
): Promise<NotificationDraft[]> {
  const notice = event.payload;
  const verb = notice.action.slice(notice.action.indexOf('.') + 1);
  const what = (TITLES[verb] ?? 'Moderators acted on your {kind}').replace(
    '{kind}',
    KINDS[notice.targetType] ?? 'post',
  );
  const place = await noticePlace(manager, kinds, notice, verb);
  const title = place ? `${what} “${place}”` : what;
  return [
    {
      userId: event.user_id!,
      type: 'moderation',
      actorId: notice.actorId,
      // It concerns the author even where they can no longer read (a thread moved away).
      collaborativeId: null,
      threadId: notice.threadId,
      practiceId: notice.practiceId,
      title,
      excerpt: wordExcerpt(`Reason: ${notice.reason}`, 300),
    },
  ];
}

export function registerModerationNotifications(rules: NotificationRules, kinds: ContentKinds): void {
  rules.register('moderation.notice', (event, manager) => onNotice(kinds, event, manager));
}
