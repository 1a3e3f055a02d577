import { Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { ContentKinds } from '../content/content-kinds.js';
import { rooms } from '../events/envelope.js';
import { LiveSubjects } from '../events/live-subjects.js';
import { NotificationRules } from '../notifications/notification-rules.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { EndorsementsService } from './endorsements.service.js';
import { PracticeAccess } from './practice-access.js';
import { registerPracticeContent } from './practice-content.js';
import { PracticeListsService } from './practice-lists.service.js';
import { registerPracticeNotifications } from './practice-notifications.js';
import { PracticeQuestionsService } from './practice-questions.service.js';
import { PracticesController } from './practices.controller.js';
import { PracticesSeeder } from './practices.seed.js';
import { PracticesService } from './practices.service.js';

/** The best-practice library: case studies, endorsements, comments, questions to the authors. */
@Module({
  imports: [CollaborativesModule, ThreadsModule],
  controllers: [PracticesController, CommentsController],
  providers: [
    PracticeAccess,
    PracticesService,
    PracticeListsService,
    EndorsementsService,
    CommentsService,
    PracticeQuestionsService,
    PracticesSeeder,
  ],
  exports: [PracticesService, PracticeAccess],
})
export class PracticesModule implements OnModuleInit {
  constructor(
    private readonly subjects: LiveSubjects,
    private readonly rules: NotificationRules,
    private readonly contentKinds: ContentKinds,
    private readonly loader: PracticeAccess,
    private readonly practices: PracticesService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    registerPracticeContent(this.contentKinds, { practices: this.practices, dataSource: this.dataSource });
    this.subjects.register('practiceId', async (user, id) => {
      const found = await this.loader.read(user, id).catch(() => null);
      return found ? { room: rooms.practice(id), collaborativeId: found.practice.collaborativeId } : null;
    });
    registerPracticeNotifications(this.rules);
  }
}
