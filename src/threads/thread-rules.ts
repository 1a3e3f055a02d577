import { ConflictException, ForbiddenException } from '@nestjs/common';

import type { CollaborativeAccess } from '../collaboratives/access.service.js';
import { moderatorsDeleteWithReason } from '../content/moderator-delete.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Thread } from './thread.entity.js';

/**
 * The rules that depend on the row (author, thread state), one per question. `may*`
 * answers for the client (`viewer` flags); `require*` refuses with the status and reason.
 * Whether the caller may see the thread at all is AccessService's (via ThreadGuard).
 */

type Content = { authorId: string; deletedAt: Date | null };
type What = 'thread' | 'reply';

const isArchived = (access: CollaborativeAccess) => access.collaborative.archivedAt !== null;
const isAuthor = (user: AuthUser, content: Content) => content.authorId === user.id;

export function requireOpenCollaborative(access: CollaborativeAccess): void {
  if (isArchived(access)) throw new ConflictException('This collaborative is archived and read-only.');
}

export function requireLive(content: Content, what: What): void {
  if (content.deletedAt) throw new ConflictException(`This ${what} was deleted.`);
}

export function requireUnlocked(thread: Thread): void {
  if (thread.isLocked) throw new ConflictException('This thread is locked: it takes no new replies.');
  if (thread.hiddenAt)
    throw new ConflictException('This thread is hidden by moderators pending review: it takes no new replies.');
}

/** Hidden content shows in full to its author and to those who moderate it; everyone else sees the notice. */
export function seesHidden(user: AuthUser, content: Content, access: CollaborativeAccess): boolean {
  return isAuthor(user, content) || access.canModerate;
}

export function mayEdit(user: AuthUser, content: Content, access: CollaborativeAccess): boolean {
  return isAuthor(user, content) && !content.deletedAt && !isArchived(access);
}

/** Only the author edits, and only live content in an open collaborative. */
export function requireMayEdit(user: AuthUser, content: Content, access: CollaborativeAccess, what: What): void {
  if (!isAuthor(user, content)) throw new ForbiddenException(`Only the author can edit this ${what}.`);
  requireLive(content, what);
  requireOpenCollaborative(access);
}

/** The author, while the collaborative is open. Moderators delete with a reason instead (`POST .../delete`), so it is audited and the author told why. */
export function mayDelete(user: AuthUser, content: Content, access: CollaborativeAccess): boolean {
  return !content.deletedAt && isAuthor(user, content) && !isArchived(access);
}

export function requireMayDelete(user: AuthUser, content: Content, access: CollaborativeAccess, what: What): void {
  if (!isAuthor(user, content)) throw new ForbiddenException(moderatorsDeleteWithReason(what, access.canModerate));
  requireOpenCollaborative(access);
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
export function requireNotOwn(user: AuthUser, content: Content, what: What): void {
  if (isAuthor(user, content)) throw new ForbiddenException(`You cannot vote for your own ${what}.`);
}
