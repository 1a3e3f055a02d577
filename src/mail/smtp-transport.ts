import nodemailer, { type Transporter } from 'nodemailer';

import type { MailConfig } from '../config/app-config.js';
import { MailTransport, type OutgoingMail } from './mail-transport.js';

/** The domain part of MAIL_FROM (`Name <a@b>` or `a@b`), which DKIM signs for. */
function fromDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

/**
 * nodemailer over SMTP. The URL carries the server and its TLS rules (in production
 * app-config adds requireTLS, so a server that does not offer STARTTLS is refused rather than
 * given the message in clear). Timeouts stay well under the job's time limit, so a hung server
 * fails the attempt instead of outliving it.
 */
export class SmtpTransport extends MailTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(private readonly config: MailConfig) {
    super();
    const url = new URL(config.smtpUrl!);
    url.searchParams.set('connectionTimeout', url.searchParams.get('connectionTimeout') ?? '10000');
    url.searchParams.set('greetingTimeout', url.searchParams.get('greetingTimeout') ?? '10000');
    url.searchParams.set('socketTimeout', url.searchParams.get('socketTimeout') ?? '30000');
    this.transporter = nodemailer.createTransport(url.toString());
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { dkim, from } = this.config;
    await this.transporter.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
      dkim: dkim && { domainName: fromDomain(from), keySelector: dkim.selector, privateKey: dkim.privateKey },
    });
  }

  override async close(): Promise<void> {
    this.transporter.close();
  }
}
