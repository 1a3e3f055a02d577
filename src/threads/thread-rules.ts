import { ConflictException, ForbiddenException } from '@nestjs/common';

import type { CollaborativeAccess } from '../collaboratives/access.service.js';
import {
  type ContentShape,
  isArchived,
  isAuthor,
  requireLive,
  requireOpenCollaborative,
} from '../content/content-rules.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Thread } from './thread.entity.js';

/**
 * The rules only threads and replies have, one per question: `may*` answers for the client
 * (`viewer` flags); `require*` refuses with the status and reason. The rules every kind of
 * content shares (edit, delete, live, archived) are content/content-rules.ts's, re-exported
 * here so thread code asks one file. Whether the caller may see the thread at all is
 * AccessService's (via ThreadAccess).
 */
export {
  mayDelete,
  mayEdit,
  requireLive,
  requireMayDelete,
  requireMayEdit,
  requireOpenCollaborative,
  seesHidden,
} from '../content/content-rules.js';

type What = 'thread' | 'reply';

export function requireUnlocked(thread: Thread): void {
  if (thread.isLocked) throw new ConflictException('This thread is locked: it takes no new replies.');
  if (thread.hiddenAt)
    throw new ConflictException('This thread is hidden by moderators pending review: it takes no new replies.');
}

export function mayReply(thread: Thread, access: CollaborativeAccess): boolean {
  return access.canPost && !thread.deletedAt && !thread.isLocked && !thread.hiddenAt;
}

export function mayAcceptAnswer(user: AuthUser, thread: Thread, access: CollaborativeAccess): boolean {
  return (
    thread.kind === 'question' &&
    !thread.deletedAt &&
    !isArchived(access) &&
    (isAuthor(user, thread) || access.canModerate)
  );
}

/** The asker, or a lead or site moderator, marks the answer; only a question has one. */
export function requireMayAcceptAnswer(user: AuthUser, thread: Thread, access: CollaborativeAccess): void {
  requireLive(thread, 'thread');
  if (!isAuthor(user, thread) && !access.canModerate) {
    throw new ForbiddenException('Only the person who asked, or a moderator, can choose the accepted answer.');
  }
  if (thread.kind !== 'question')
    throw new ConflictException('Only a question has an accepted answer; this is a discussion.');
  requireOpenCollaborative(access);
}

/** Nobody votes for their own thread or reply. */
export function requireNotOwn(user: AuthUser, content: ContentShape, what: What): void {
  if (isAuthor(user, content)) throw new ForbiddenException(`You cannot vote for your own ${what}.`);
}
