import { Logger } from '@nestjs/common';

import { MailTransport, type OutgoingMail } from './mail-transport.js';

/**
 * The development mailbox: nothing leaves the machine. The message stays in mail_messages
 * (listed at GET /api/dev/mailbox and the web client's /dev/mailbox) and its link or code is
 * logged, so `npm start` alone shows every flow end to end.
 */
export class MailboxTransport extends MailTransport {
  readonly name = 'mailbox' as const;
  private readonly logger = new Logger('Mailbox');

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.log(`Mail to ${mail.to}: ${mail.subject}${mail.logged ? ` (${mail.logged})` : ''}`);
  }
}
