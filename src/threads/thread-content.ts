import type { EntityManager } from 'typeorm';

import type { ContentKind, ContentKinds, ContentPlace } from '../content/content-kinds.js';
import type { DomainEvent } from '../events/domain-events.js';
import { toReplyDto } from './dto/reply.dto.js';
import { toThreadDto } from './dto/thread.dto.js';
import type { RepliesService } from './replies.service.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';
import { tombstoneReply, tombstoneThread } from './thread-writes.js';
import type { ThreadsService } from './threads.service.js';

const scopeOf = (place: ContentPlace) => ({
  collaborativeId: place.collaborativeId,
  threadId: place.threadId,
  practiceId: place.practiceId,
});

const threadKind: Omit<ContentKind, 'view'> = {
  table: 'threads',
  targetSql: `SELECT t.id, t.collaborative_id, t.author_id, t.id AS thread_id, NULL::uuid AS practice_id, t.hidden_at, t.hidden_by_id, t.deleted_at,
         NULL::uuid[] AS draft_author_ids, jsonb_build_object('title', t.title, 'body', t.body) AS content
    FROM threads t WHERE t.id = $1`,
  goneMessage: 'This thread was deleted, or merged into another thread: act on that one.',
  storedEvents: ['thread.created', 'thread.updated', 'thread.hidden', 'thread.restored'],
  notificationTitles: {
    column: 'thread_id',
    hidden: 'Activity in a thread that moderators have hidden',
    deleted: 'Activity in a thread that was deleted',
  },
  async tombstone(manager, place, actorId) {
    if (!(await tombstoneThread(manager, place.id, actorId))) return null;
    return [
      {
        type: 'thread.deleted',
        collaborativeId: place.collaborativeId,
        threadId: place.id,
        payload: { threadId: place.id, collaborativeId: place.collaborativeId! },
      },
    ];
  },
  async publicEvent(manager, place, change) {
    const thread = await manager.findOneOrFail(Thread, { where: { id: place.id }, relations: { author: true } });
    return { type: `thread.${change}`, ...scopeOf(place), payload: toThreadDto(thread) };
  },
};

const replyKind: Omit<ContentKind, 'view'> = {
  table: 'replies',
  targetSql: `SELECT r.id, t.collaborative_id, r.author_id, r.thread_id, NULL::uuid AS practice_id, r.hidden_at, r.hidden_by_id, r.deleted_at,
                 NULL::uuid[] AS draft_author_ids, jsonb_build_object('threadTitle', t.title, 'body', r.body) AS content
            FROM replies r JOIN threads t ON t.id = r.thread_id WHERE r.id = $1`,
  goneMessage: 'This reply was deleted: there is nothing left to act on.',
  storedEvents: ['reply.created', 'reply.updated', 'reply.hidden', 'reply.restored'],
  async tombstone(manager: EntityManager, place, actorId) {
    const outcome = await tombstoneReply(manager, place.id, actorId);
    if (!outcome) return null;
    const scope = { collaborativeId: place.collaborativeId, threadId: place.threadId };
    const deleted: DomainEvent = {
      type: 'reply.deleted',
      ...scope,
      payload: { replyId: place.id, threadId: place.threadId! },
    };
    if (!outcome.wasAccepted) return [deleted];
    return [
      { type: 'thread.answer-accepted', ...scope, payload: { threadId: place.threadId!, acceptedReplyId: null } },
      deleted,
    ];
  },
  async publicEvent(manager, place, change) {
    const reply = await manager.findOneOrFail(Reply, {
      where: { id: place.id },
      relations: { author: true, thread: true },
    });
    return { type: `reply.${change}`, ...scopeOf(place), payload: toReplyDto(reply, reply.thread!.acceptedReplyId) };
  },
};

/** Threads and replies in the post lifecycle (hide, restore, delete), registered when the module starts. */
export function registerThreadContent(
  kinds: ContentKinds,
  services: { threads: ThreadsService; replies: RepliesService },
): void {
  kinds.register('thread', {
    ...threadKind,
    view: (user, id) => services.threads.show(user, id, { countView: false }),
  });
  kinds.register('reply', { ...replyKind, view: (user, id) => services.replies.show(user, id) });
}
