import { Module, type OnModuleInit } from '@nestjs/common';

import { AppConfig } from '../config/app-config.js';
import { MailAdminController } from './mail-admin.controller.js';
import { MailAdminService } from './mail-admin.service.js';
import { MailQueue } from './mail-queue.service.js';
import { MailSender } from './mail-sender.service.js';
import { MailTemplates } from './mail-templates.service.js';
import { MailTransport } from './mail-transport.js';
import { MailboxController } from './mailbox.controller.js';
import { MailboxService } from './mailbox.service.js';
import { MailboxTransport } from './mailbox-transport.js';
import { SmtpTransport } from './smtp-transport.js';
import { registerAccountTemplates } from './templates/account-templates.js';
import { ADDRESS_CONFIRMATION } from './templates/address-confirmation.js';

/**
 * The mail channel: templates, the transport MAIL_TRANSPORT names, and the pg-boss worker
 * that sends what features queue with `queueMail` (outbox/). Features register their
 * templates with MailTemplates when their module starts.
 */
@Module({
  controllers: [MailAdminController, MailboxController],
  providers: [
    MailTemplates,
    MailAdminService,
    MailboxService,
    MailSender,
    MailQueue,
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.mail.transport === 'smtp' ? new SmtpTransport(config.mail) : new MailboxTransport(),
    },
  ],
  exports: [MailTemplates, MailQueue],
})
export class MailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplates) {}

  onModuleInit(): void {
    this.templates.register('address-confirmation', ADDRESS_CONFIRMATION);
    registerAccountTemplates(this.templates);
  }
}
