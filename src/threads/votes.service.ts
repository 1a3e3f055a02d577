import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { VoteStateDto } from './dto/vote.dto.js';
import { ThreadAccess } from './thread-access.js';
import { requireLive, requireNotOwn } from './thread-rules.js';
import { changeVote, type VoteTarget } from './thread-writes.js';

/**
 * One vote per person per thread or reply, never for your own. Voting is taking part,
 * so it needs the right to post (and an open collaborative), not only to read.
 * PUT and DELETE are idempotent: repeating one changes nothing and sends no event.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadAccess,
    private readonly events: EventStore,
  ) {}

  async onThread(user: AuthUser, threadId: string, voted: boolean): Promise<VoteStateDto> {
    const { thread } = await this.guard.post(user, threadId);
    if (voted) {
      requireLive(thread, 'thread');
      requireNotOwn(user, thread, 'thread');
    }
    return this.change(user, 'thread', threadId, { threadId, collaborativeId: thread.collaborativeId }, voted);
  }

  async onReply(user: AuthUser, replyId: string, voted: boolean): Promise<VoteStateDto> {
    const { reply, thread } = await this.guard.postReply(user, replyId);
    if (voted) {
      requireLive(reply, 'reply');
      requireNotOwn(user, reply, 'reply');
    }
    return this.change(user, 'reply', replyId, { threadId: thread.id, collaborativeId: thread.collaborativeId }, voted);
  }

  private change(
    user: AuthUser,
    target: VoteTarget,
    id: string,
    scope: { threadId: string; collaborativeId: string },
    voted: boolean,
  ): Promise<VoteStateDto> {
    return this.dataSource.transaction(async (manager) => {
      const { changed, voteCount } = await changeVote(manager, target, id, user.id, voted);
      if (changed) {
        await this.events.append(manager, {
          type: 'votes.changed',
          ...scope,
          payload: { target, id, threadId: scope.threadId, voteCount },
        });
      }
      return { voted, voteCount };
    });
  }
}
