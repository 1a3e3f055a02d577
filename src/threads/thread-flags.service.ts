import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import type { DomainEvent } from '../realtime/domain-events.js';
import { EventStore } from '../realtime/event-store.service.js';
import type { ThreadDetailDto } from './dto/thread.dto.js';
import { ThreadGuard } from './thread-guard.service.js';
import { rowsOf } from './thread-writes.js';
import { ThreadsService } from './threads.service.js';

type FlagEvent = DomainEvent<'thread.pinned'> | DomainEvent<'thread.locked'>;

/**
 * Pinning and locking: moderation, so only a lead of the thread's collaborative or a
 * site moderator. The moderation issue will add reasons and an audit trail on top.
 */
@Injectable()
export class ThreadFlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadGuard,
    private readonly threads: ThreadsService,
    private readonly events: EventStore,
  ) {}

  pin(user: AuthUser, threadId: string, isPinned: boolean): Promise<ThreadDetailDto> {
    return this.set(user, threadId, 'is_pinned', isPinned, (scope) => ({ type: 'thread.pinned', ...scope, payload: { threadId, isPinned } }));
  }

  /** A locked thread takes no new replies; everything else about it stays. */
  lock(user: AuthUser, threadId: string, isLocked: boolean): Promise<ThreadDetailDto> {
    return this.set(user, threadId, 'is_locked', isLocked, (scope) => ({ type: 'thread.locked', ...scope, payload: { threadId, isLocked } }));
  }

  private async set(
    user: AuthUser,
    threadId: string,
    column: 'is_pinned' | 'is_locked',
    value: boolean,
    event: (scope: { collaborativeId: string; threadId: string }) => FlagEvent,
  ): Promise<ThreadDetailDto> {
    const { thread } = await this.guard.moderate(user, threadId);
    await this.dataSource.transaction(async (manager) => {
      const changed = await rowsOf(manager, `UPDATE threads SET ${column} = $2 WHERE id = $1 AND ${column} <> $2 RETURNING id`, [threadId, value]);
      // Setting a flag it already has is a no-op, with no event.
      if (changed.length === 1) await this.events.append(manager, event({ collaborativeId: thread.collaborativeId, threadId }));
    });
    return this.threads.show(user, threadId, { countView: false });
  }
}
