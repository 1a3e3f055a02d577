import { Module, type OnModuleInit } from '@nestjs/common';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { ContentKinds } from '../content/content-kinds.js';
import { rooms } from '../events/envelope.js';
import { LiveSubjects } from '../events/live-subjects.js';
import { NotificationRules } from '../notifications/notification-rules.js';
import { AnswersService } from './answers.service.js';
import { RepliesController } from './replies.controller.js';
import { RepliesService } from './replies.service.js';
import { RevisionsService } from './revisions.service.js';
import { ThreadAccess } from './thread-access.js';
import { ThreadActionsController } from './thread-actions.controller.js';
import { registerThreadContent } from './thread-content.js';
import { ThreadFollowsController } from './thread-follows.controller.js';
import { ThreadFollowsService } from './thread-follows.service.js';
import { ThreadListsService } from './thread-lists.service.js';
import { registerThreadNotifications } from './thread-notifications.js';
import { ThreadViewsService } from './thread-views.service.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsSeeder } from './threads.seed.js';
import { ThreadsService } from './threads.service.js';
import { VotesService } from './votes.service.js';

/** Threads, replies, accepted answers, votes and revisions. Exposes ThreadsService and RepliesService (moderation shows changed items through them). */
@Module({
  imports: [CollaborativesModule],
  controllers: [ThreadsController, RepliesController, ThreadActionsController, ThreadFollowsController],
  providers: [
    ThreadAccess,
    ThreadsService,
    ThreadListsService,
    ThreadViewsService,
    RepliesService,
    RevisionsService,
    VotesService,
    AnswersService,
    ThreadsSeeder,
    ThreadFollowsService,
  ],
  exports: [ThreadsService, RepliesService],
})
export class ThreadsModule implements OnModuleInit {
  constructor(
    private readonly subjects: LiveSubjects,
    private readonly rules: NotificationRules,
    private readonly contentKinds: ContentKinds,
    private readonly guard: ThreadAccess,
    private readonly threads: ThreadsService,
    private readonly replies: RepliesService,
  ) {}

  onModuleInit(): void {
    registerThreadContent(this.contentKinds, { threads: this.threads, replies: this.replies });
    // Subscribing to a thread's live room applies the same rule as reading it.
    this.subjects.register('threadId', async (user, id) => {
      const found = await this.guard.read(user, id).catch(() => null);
      return found ? { room: rooms.thread(id), collaborativeId: found.thread.collaborativeId } : null;
    });
    registerThreadNotifications(this.rules);
  }
}
