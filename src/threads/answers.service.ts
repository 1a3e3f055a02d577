import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { ThreadDetailDto } from './dto/thread.dto.js';
import { ThreadAccess } from './thread-access.js';
import { requireMayAcceptAnswer } from './thread-rules.js';
import { setAcceptedReply } from './thread-writes.js';
import { ThreadsService } from './threads.service.js';

/** The accepted answer of a question: chosen by the asker, or a lead or moderator. */
@Injectable()
export class AnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guard: ThreadAccess,
    private readonly threads: ThreadsService,
    private readonly events: EventStore,
  ) {}

  /** Marks a reply of this thread as the answer (replacing any other); pass null to unmark. */
  async choose(user: AuthUser, threadId: string, replyId: string | null): Promise<ThreadDetailDto> {
    const { thread, access } = await this.guard.read(user, threadId);
    requireMayAcceptAnswer(user, thread, access);
    if (thread.acceptedReplyId !== replyId) {
      await this.dataSource.transaction(async (manager) => {
        if (!(await setAcceptedReply(manager, threadId, replyId))) {
          throw new UnprocessableEntityException('replyId must be a reply of this thread that has not been deleted.');
        }
        await this.events.append(manager, {
          type: 'thread.answer-accepted',
          collaborativeId: thread.collaborativeId,
          threadId,
          payload: { threadId, acceptedReplyId: replyId },
        });
      });
    }
    return this.threads.show(user, threadId, { countView: false });
  }
}
