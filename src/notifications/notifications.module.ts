import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { EmailPreferencesController } from './email-preferences.controller.js';
import { EmailPreferences } from './email-preferences.service.js';
import { Notification } from './notification.entity.js';
import { NotificationRules } from './notification-rules.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsWorker } from './notifications.worker.js';

/** Per-person notifications, made from committed events by rules each module registers. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), CollaborativesModule],
  controllers: [NotificationsController, EmailPreferencesController],
  providers: [NotificationRules, NotificationsService, NotificationsWorker, EmailPreferences],
  exports: [NotificationRules, EmailPreferences],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly rules: NotificationRules) {}

  onModuleInit(): void {
    this.rules.register('join-request.decided', async (event) => {
      const { collaborativeName, status } = event.payload;
      return [
        {
          userId: event.user_id!,
          type: 'join-request',
          actorId: null,
          // The outcome concerns the requester even when they still may not read inside.
          collaborativeId: null,
          title: `Your request to join ${collaborativeName} was ${status}`,
        },
      ];
    });
  }
}
