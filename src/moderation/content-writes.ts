import type { EntityManager } from 'typeorm';

import { toCommentDto } from '../practices/dto/comment.dto.js';
import { toPracticeDto } from '../practices/dto/practice.dto.js';
import { Practice } from '../practices/practice.entity.js';
import { PracticeComment } from '../practices/practice-relations.entities.js';
import { forgetPracticeRevisions } from '../practices/practice-writes.js';
import type { DomainEvent } from '../realtime/domain-events.js';
import type { EventStore } from '../realtime/event-store.service.js';
import { toReplyDto } from '../threads/dto/reply.dto.js';
import { toThreadDto } from '../threads/dto/thread.dto.js';
import { Reply } from '../threads/reply.entity.js';
import { Thread } from '../threads/thread.entity.js';
import { rowsOf, tombstoneReply, tombstoneThread } from '../threads/thread-writes.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import type { Target } from './moderation-targets.service.js';
import { redactDeleted, redactHidden } from './redaction.js';

export type ContentType = 'thread' | 'reply' | 'practice' | 'comment';
export const CONTENT_TYPES: readonly ContentType[] = ['thread', 'reply', 'practice', 'comment'];
const TABLES: Record<ContentType, string> = {
  thread: 'threads',
  reply: 'replies',
  practice: 'practices',
  comment: 'practice_comments',
};

/**
 * The writes moderation makes to content, inside the caller's transaction: hiding,
 * restoring and deleting, each with the public event readers' pages update from.
 */

/** Hides it (actorId null: hidden by the report threshold). False when already hidden. */
export async function hideContent(
  manager: EntityManager,
  target: Target & { type: ContentType },
  actorId: string | null,
  reason: string,
): Promise<boolean> {
  const changed = await rowsOf(
    manager,
    `UPDATE ${TABLES[target.type]} SET hidden_at = now(), hidden_by_id = $2, hidden_reason = $3 WHERE id = $1 AND hidden_at IS NULL AND deleted_at IS NULL RETURNING id`,
    [target.id, actorId, reason],
  );
  if (changed.length === 0) return false;
  const event = await publicEvent(manager, target, 'hidden');
  await redactHidden(manager, target, event.payload as object);
  return true;
}

/** A moderator upholds what reports alone hid, so dismissing later reports no longer restores it. */
export async function confirmHidden(
  manager: EntityManager,
  target: Target & { type: ContentType },
  actorId: string,
  reason: string,
): Promise<boolean> {
  const changed = await rowsOf(
    manager,
    `UPDATE ${TABLES[target.type]} SET hidden_by_id = $2, hidden_reason = $3 WHERE id = $1 AND hidden_at IS NOT NULL AND hidden_by_id IS NULL RETURNING id`,
    [target.id, actorId, reason],
  );
  return changed.length > 0;
}

/** Shows it again. False when it was not hidden. */
export async function restoreContent(manager: EntityManager, target: Target & { type: ContentType }): Promise<boolean> {
  const changed = await rowsOf(
    manager,
    `UPDATE ${TABLES[target.type]} SET hidden_at = NULL, hidden_by_id = NULL, hidden_reason = NULL WHERE id = $1 AND hidden_at IS NOT NULL RETURNING id`,
    [target.id],
  );
  return changed.length > 0;
}

/** Where a piece of content lives: all that deleting it needs to know. */
export type ContentPlace = Pick<Target, 'id' | 'collaborativeId' | 'threadId' | 'practiceId'> & { type: ContentType };

/**
 * A tombstone in its place, for everyone, by its author or a moderator (whose audit
 * record keeps the words): counters follow, its history goes, stored copies of its words
 * are redacted, and its events are appended last. False when it was already deleted, so
 * a second delete (a double click, an author racing a moderator) changes nothing.
 */
export async function deleteContent(
  manager: EntityManager,
  events: EventStore,
  target: ContentPlace,
  actorId: string,
): Promise<boolean> {
  const deletedEvents = await tombstone(manager, target, actorId);
  if (!deletedEvents) return false;
  await redactDeleted(manager, target);
  await events.appendMany(manager, deletedEvents);
  return true;
}

/** The content's tombstone write, answering the events that announce it (null: already deleted). */
async function tombstone(manager: EntityManager, target: ContentPlace, actorId: string): Promise<DomainEvent[] | null> {
  const scope = { collaborativeId: target.collaborativeId };
  if (target.type === 'thread') {
    if (!(await tombstoneThread(manager, target.id, actorId))) return null;
    return [
      {
        type: 'thread.deleted',
        ...scope,
        threadId: target.id,
        payload: { threadId: target.id, collaborativeId: target.collaborativeId! },
      },
    ];
  }
  if (target.type === 'reply') {
    const outcome = await tombstoneReply(manager, target.id, actorId);
    if (!outcome) return null;
    const threadScope = { ...scope, threadId: target.threadId };
    const deleted: DomainEvent = {
      type: 'reply.deleted',
      ...threadScope,
      payload: { replyId: target.id, threadId: target.threadId! },
    };
    if (!outcome.wasAccepted) return [deleted];
    return [
      {
        type: 'thread.answer-accepted',
        ...threadScope,
        payload: { threadId: target.threadId!, acceptedReplyId: null },
      },
      deleted,
    ];
  }
  if (target.type === 'practice') {
    const [practice] = await rowsOf<{ status: string }>(
      manager,
      `UPDATE practices SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING status::text`,
      [target.id],
    );
    if (!practice) return null;
    await forgetPracticeRevisions(manager, target.id);
    // A draft was never announced, so its deletion is not either.
    if (practice.status !== 'published') return [];
    return [
      {
        type: 'practice.deleted',
        ...scope,
        practiceId: target.id,
        payload: { practiceId: target.id, collaborativeId: target.collaborativeId },
      },
    ];
  }
  const changed = await rowsOf(
    manager,
    `UPDATE practice_comments SET deleted_at = now(), body = '', body_html = '' WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
    [target.id],
  );
  if (changed.length === 0) return null;
  await manager.query(`DELETE FROM practice_comment_revisions WHERE comment_id = $1`, [target.id]);
  await manager.query(`UPDATE practices SET comment_count = comment_count - 1 WHERE id = $1`, [target.practiceId]);
  return [
    {
      type: 'comment.deleted',
      ...scope,
      practiceId: target.practiceId,
      payload: { commentId: target.id, practiceId: target.practiceId! },
    },
  ];
}

/** The `<type>.hidden` or `<type>.restored` event, carrying the item as every reader now sees it. */
export async function publicEvent(
  manager: EntityManager,
  target: Target & { type: ContentType },
  change: 'hidden' | 'restored',
): Promise<DomainEvent> {
  const scope = { collaborativeId: target.collaborativeId, threadId: target.threadId, practiceId: target.practiceId };
  if (target.type === 'thread') {
    const thread = await manager.findOneOrFail(Thread, { where: { id: target.id }, relations: { author: true } });
    return { type: `thread.${change}`, ...scope, payload: toThreadDto(thread) };
  }
  if (target.type === 'reply') {
    const reply = await manager.findOneOrFail(Reply, {
      where: { id: target.id },
      relations: { author: true, thread: true },
    });
    return { type: `reply.${change}`, ...scope, payload: toReplyDto(reply, reply.thread!.acceptedReplyId) };
  }
  if (target.type === 'practice') {
    const practice = await manager.findOneOrFail(Practice, { where: { id: target.id }, relations: { author: true } });
    const ids: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM practice_coauthors WHERE practice_id = $1`,
      [target.id],
    );
    const coAuthors =
      ids.length > 0
        ? await manager.findBy(
            User,
            ids.map((row) => ({ id: row.user_id })),
          )
        : [];
    return {
      type: `practice.${change}`,
      ...scope,
      payload: toPracticeDto(
        practice,
        coAuthors.map((user) => toPublicProfile(user)),
      ),
    };
  }
  const comment = await manager.findOneOrFail(PracticeComment, {
    where: { id: target.id },
    relations: { author: true },
  });
  return { type: `comment.${change}`, ...scope, payload: toCommentDto(comment) };
}
