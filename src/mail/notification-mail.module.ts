import { Module, type OnModuleInit } from '@nestjs/common';

import { CollaborativesModule } from '../collaboratives/collaboratives.module.js';
import { MailModule } from './mail.module.js';
import { MailTemplates } from './mail-templates.service.js';
import { NotificationMailer } from './notification-mailer.service.js';
import { NOTIFICATION_EMAIL } from './templates/notification-email.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/** Notification emails after their grace window, and one-click unsubscribing from them. */
@Module({
  imports: [MailModule, CollaborativesModule],
  controllers: [UnsubscribeController],
  providers: [NotificationMailer],
})
export class NotificationMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplates) {}

  onModuleInit(): void {
    this.templates.register('notification-email', NOTIFICATION_EMAIL);
  }
}
