import { Module, type OnModuleInit } from '@nestjs/common';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { ContentKinds } from '../content/content-kinds.js';
import { NotificationRules } from '../notifications/notification-rules.js';
import { PracticesModule } from '../practices/practices.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuditLogService } from './audit-log.service.js';
import { ContentModerationController } from './content-moderation.controller.js';
import { ContentModeration } from './content-moderation.service.js';
import { ItemViews } from './item-views.js';
import { ModerationController } from './moderation.controller.js';
import { registerModerationNotifications } from './moderation-notices.js';
import { ModerationTargets } from './moderation-targets.service.js';
import { QueueService } from './queue.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { ThreadModerationController } from './thread-moderation.controller.js';
import { ThreadModeration } from './thread-moderation.service.js';
import { UserModerationController } from './user-moderation.controller.js';

/** Reports, the review queue, moderators' actions, suspensions and the audit log. */
@Module({
  imports: [CollaborativesModule, ThreadsModule, PracticesModule, UsersModule],
  controllers: [
    ReportsController,
    ModerationController,
    ThreadModerationController,
    ContentModerationController,
    UserModerationController,
  ],
  providers: [
    ModerationTargets,
    ItemViews,
    ContentModeration,
    ThreadModeration,
    ReportsService,
    QueueService,
    AuditLogService,
  ],
})
export class ModerationModule implements OnModuleInit {
  constructor(
    private readonly rules: NotificationRules,
    private readonly kinds: ContentKinds,
  ) {}

  onModuleInit(): void {
    registerModerationNotifications(this.rules, this.kinds);
  }
}
