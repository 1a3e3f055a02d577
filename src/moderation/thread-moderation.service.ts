import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { appendAudit } from '../audit/audit-writes.js';
import { AccessService } from '../collaboratives/access.service.js';
import { rowsOf } from '../database/rows-of.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { ThreadDetailDto } from '../threads/dto/thread.dto.js';
import { ThreadsService } from '../threads/threads.service.js';
import { noticeAuthor } from './moderation-notices.js';
import { ModerationTargets, type Target } from './moderation-targets.service.js';
import { mergeThreads, moveThread } from './thread-writes.js';

type Flag = 'is_pinned' | 'is_locked';

/**
 * What moderators do to whole threads: pin, lock, move and merge. Leads of the thread's
 * collaborative and site moderators; moving and merging need the right on both sides.
 */
@Injectable()
export class ThreadModeration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: ModerationTargets,
    private readonly access: AccessService,
    private readonly threads: ThreadsService,
    private readonly events: EventStore,
  ) {}

  lock(user: AuthUser, id: string, reason: string, locked: boolean): Promise<ThreadDetailDto> {
    return this.flag(user, id, reason, 'is_locked', locked);
  }

  pin(user: AuthUser, id: string, reason: string, pinned: boolean): Promise<ThreadDetailDto> {
    return this.flag(user, id, reason, 'is_pinned', pinned);
  }

  async move(user: AuthUser, id: string, reason: string, collaborativeId: string): Promise<ThreadDetailDto> {
    const target = await this.targets.requireModerable(user, 'thread', id);
    const from = target.collaborativeId!;
    if (from === collaborativeId) throw new ConflictException('The thread is already in this collaborative.');
    const destination = await this.access.requireModerate(user, collaborativeId);
    if (destination.collaborative.archivedAt)
      throw new ConflictException('That collaborative is archived and read-only; choose another.');
    await this.dataSource.transaction(async (manager) => {
      if (!(await moveThread(manager, id, from, collaborativeId)))
        throw new ConflictException('The thread changed meanwhile; reload it and try again.');
      await this.audit(manager, user, target, 'thread.move', reason, { collaborativeId: from }, { collaborativeId });
      const payload = { threadId: id, fromCollaborativeId: from, toCollaborativeId: collaborativeId };
      // Readers of both collaboratives see it go and arrive.
      await this.events.append(manager, { type: 'thread.moved', collaborativeId: from, threadId: id, payload });
      await this.events.append(manager, { type: 'thread.moved', collaborativeId, payload });
      await noticeAuthor(manager, this.events, target, 'thread.move', reason, user.id);
    });
    return this.threads.show(user, id, { countView: false });
  }

  /** The duplicate's opening post and replies join the end of the other thread; the duplicate then points there. */
  async merge(user: AuthUser, id: string, reason: string, intoThreadId: string): Promise<ThreadDetailDto> {
    if (id === intoThreadId) throw new UnprocessableEntityException('intoThreadId must be another thread.');
    const source = await this.targets.requireModerable(user, 'thread', id);
    const into = await this.targets.requireModerable(user, 'thread', intoThreadId).catch((error: Error) => {
      if (error instanceof NotFoundException)
        throw new UnprocessableEntityException('intoThreadId must be a thread you can read.');
      throw error instanceof ConflictException
        ? new ConflictException('The thread to merge into was deleted or merged itself; merge into a live thread.')
        : error;
    });
    if (into.hiddenAt) throw new ConflictException('The thread to merge into is hidden; restore it first.');
    await this.dataSource.transaction(async (manager) => {
      const moved = await mergeThreads(manager, id, intoThreadId, user.id);
      if (moved === null)
        throw new ConflictException('One of the threads was deleted or merged meanwhile; reload and try again.');
      await this.audit(
        manager,
        user,
        source,
        'thread.merge',
        reason,
        { mergedIntoId: null },
        { mergedIntoId: intoThreadId, movedReplies: moved },
      );
      await this.events.append(manager, {
        type: 'thread.merged',
        collaborativeId: source.collaborativeId,
        threadId: id,
        payload: { threadId: id, mergedIntoId: intoThreadId },
      });
      await this.events.append(manager, {
        type: 'thread.merged',
        collaborativeId: into.collaborativeId,
        threadId: intoThreadId,
        payload: { threadId: id, mergedIntoId: intoThreadId },
      });
      await noticeAuthor(manager, this.events, source, 'thread.merge', reason, user.id);
    });
    return this.threads.show(user, intoThreadId, { countView: false });
  }

  private async flag(
    user: AuthUser,
    id: string,
    reason: string,
    column: Flag,
    value: boolean,
  ): Promise<ThreadDetailDto> {
    const target = await this.targets.requireModerable(user, 'thread', id);
    const field = column === 'is_pinned' ? 'isPinned' : 'isLocked';
    const action = `thread.${column === 'is_pinned' ? (value ? 'pin' : 'unpin') : value ? 'lock' : 'unlock'}`;
    await this.dataSource.transaction(async (manager) => {
      const changed = await rowsOf(
        manager,
        `UPDATE threads SET ${column} = $2 WHERE id = $1 AND ${column} <> $2 RETURNING id`,
        [id, value],
      );
      // Setting a flag it already has is a no-op: no record, no event.
      if (changed.length === 0) return;
      await this.audit(manager, user, target, action, reason, { [field]: !value }, { [field]: value });
      const scope = { collaborativeId: target.collaborativeId, threadId: id };
      await this.events.append(
        manager,
        column === 'is_pinned'
          ? { type: 'thread.pinned', ...scope, payload: { threadId: id, isPinned: value } }
          : { type: 'thread.locked', ...scope, payload: { threadId: id, isLocked: value } },
      );
      await noticeAuthor(manager, this.events, target, action, reason, user.id);
    });
    return this.threads.show(user, id, { countView: false });
  }

  private audit(
    manager: EntityManager,
    user: AuthUser,
    target: Target,
    action: string,
    reason: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) {
    return appendAudit(manager, {
      actorId: user.id,
      action,
      targetType: 'thread',
      targetId: target.id,
      targetAuthorId: target.authorId,
      collaborativeId: target.collaborativeId,
      reason,
      before,
      after,
    });
  }
}
