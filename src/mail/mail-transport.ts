import type { RenderedMail } from './mail-template.js';

/** One message as it leaves: the rendered bodies and the headers that stay the same on every attempt. */
export interface OutgoingMail extends RenderedMail {
  to: string;
  /** The stable RFC 5322 Message-ID, so a resend after a crash is recognisable as the same message. */
  messageId: string;
  /** The link or code it carries, for the development mailbox's log line only. */
  logged?: string;
}

/** Where mail goes: an SMTP server, or the development mailbox. Throws when the message was not taken. */
export abstract class MailTransport {
  abstract readonly name: 'smtp' | 'mailbox';
  abstract send(mail: OutgoingMail): Promise<void>;
  async close(): Promise<void> {}
}
