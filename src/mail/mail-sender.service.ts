import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { MailTemplateName } from '../outbox/mail-templates.js';
import type { RenderedMail } from './mail-template.js';
import { MailTemplates } from './mail-templates.service.js';
import { MailTransport } from './mail-transport.js';

interface PendingRow {
  message_id: string;
  to_address: string;
  category: string;
  template: string;
  data: Record<string, unknown> | null;
  attempts: number;
  created_at: Date;
}

const HOUR_MS = 3_600_000;
/** Longest wait between two attempts, whatever MAIL_RETRY_SECONDS says. */
export const MAX_RETRY_SECONDS = 3600;
const ERROR_LIMIT = 1000;

/** What one attempt came to: pg-boss retries `retry` (with backoff) and completes the others. */
export type AttemptOutcome = 'sent' | 'already-done' | 'gave-up' | 'retry';

/**
 * Sends one queued message, once per call. Everything that matters is recorded on its row:
 * the attempt count and last error for admins; `sent` with the time and transport; `failed`
 * once MAIL_GIVE_UP_HOURS have passed since it was queued (decided by the injectable clock).
 * Account mail loses its variables once an SMTP server has taken it: they may hold one-time codes.
 */
@Injectable()
export class MailSender {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: MailTemplates,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async attempt(id: string): Promise<AttemptOutcome> {
    const [row] = await this.dataSource.query<PendingRow[]>(
      `SELECT message_id, to_address, category, template, data, attempts, coalesce(retried_at, created_at) AS created_at
         FROM mail_messages WHERE id = $1 AND status = 'pending'`,
      [id],
    );
    if (!row) return 'already-done';
    const givesUpAt = row.created_at.getTime() + this.config.mail.giveUpHours * HOUR_MS;
    if (this.clock.nowMs() >= givesUpAt) {
      await this.giveUp(id, row.attempts > 0 ? null : 'Not sent in time');
      return 'gave-up';
    }
    const name = row.template as MailTemplateName;
    let rendered: RenderedMail;
    try {
      rendered = this.templates.render(name, row.data as never, {
        to: row.to_address,
        publicUrl: this.config.publicUrl,
      });
    } catch (error) {
      // A missing template or variable is a bug, not a passing fault: retrying cannot help.
      await this.giveUp(id, `Could not be rendered: ${(error as Error).message}`.slice(0, ERROR_LIMIT));
      return 'gave-up';
    }
    try {
      await this.transport.send({
        ...rendered,
        to: row.to_address,
        messageId: row.message_id,
        logged: this.transport.name === 'mailbox' ? this.templates.loggedLine(name, row.data) : undefined,
      });
    } catch (error) {
      return this.recordFailure(id, row.attempts + 1, error as Error, givesUpAt);
    }
    const forgetsData = this.transport.name === 'smtp' && row.category === 'account';
    await this.dataSource.query(
      `UPDATE mail_messages
          SET status = 'sent', sent_at = $2, transport = $3, attempts = attempts + 1, last_error = NULL,
              data = CASE WHEN $4 THEN NULL ELSE data END
        WHERE id = $1 AND status = 'pending'`,
      [id, this.clock.now(), this.transport.name, forgetsData],
    );
    return 'sent';
  }

  private async recordFailure(id: string, attempts: number, error: Error, givesUpAt: number): Promise<AttemptOutcome> {
    const message = String(error?.message ?? error).slice(0, ERROR_LIMIT);
    this.logger.warn(`Could not send mail ${id} (attempt ${attempts}): ${message}`);
    // The earliest next attempt, as pg-boss's backoff will have it (it adds jitter on top).
    const wait = Math.min(MAX_RETRY_SECONDS, this.config.mail.retrySeconds * 2 ** (attempts - 1));
    await this.dataSource.query(
      `UPDATE mail_messages SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1 AND status = 'pending'`,
      [id, attempts, message, new Date(this.clock.nowMs() + wait * 1000)],
    );
    if (this.clock.nowMs() + wait * 1000 < givesUpAt) return 'retry';
    await this.giveUp(id, null);
    return 'gave-up';
  }

  private async giveUp(id: string, reason: string | null): Promise<void> {
    this.logger.error(`Gave up on mail ${id}: ${reason ?? `not sent in ${this.config.mail.giveUpHours} hours`}`);
    await this.dataSource.query(
      `UPDATE mail_messages SET status = 'failed', last_error = coalesce($2, last_error) WHERE id = $1 AND status = 'pending'`,
      [id, reason],
    );
  }
}
