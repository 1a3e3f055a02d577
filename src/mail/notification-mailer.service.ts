import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import { Clock } from '../common/clock.js';
import { londonDateTime } from '../common/london-time.js';
import { SerialRunner } from '../common/serial-runner.js';
import { AppConfig } from '../config/app-config.js';
import { EMAIL_KIND_LABELS, type EmailKind } from '../notifications/email-kinds.js';
import { EmailPreferences } from '../notifications/email-preferences.service.js';
import { queueMail } from '../outbox/queue-mail.js';
import { type NotificationFacts, notificationReach } from './notification-email-check.js';
import { unsubscribeToken } from './unsubscribe-token.js';

const BATCH = 50;

interface Due extends NotificationFacts {
  kind: EmailKind | null;
  data: { title: string; excerpt?: string };
  created_at: Date;
  email: string;
  display_name: string;
  confirmed: boolean;
  actor_name: string | null;
}

/**
 * Emails the notifications people want at once, when their grace window (MAIL_GRACE_MINUTES)
 * ends. Each is checked again then: read in the forum meanwhile, hidden, deleted, moved out of
 * the person's reach, or turned off since, and it is skipped with the reason; otherwise its
 * email is queued in the outbox (its key `notification:<id>:email`, so it is queued once) and
 * the mail worker sends it. Rows due are taken with SKIP LOCKED, so instances share the work.
 * It looks every MAIL_POLL_SECONDS, and at the clock's time of the next one due.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationMail');
  private readonly runner = new SerialRunner(
    () => this.drain(),
    (error) => this.logger.warn(`Could not email notifications: ${error.message}`),
  );
  private timer: NodeJS.Timeout | null = null;
  private cancelNext: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly preferences: EmailPreferences,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runner.wake(), this.config.mail.pollSeconds * 1000);
    this.timer.unref();
    this.runner.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.runner.stop();
    this.cancelNext?.();
  }

  async drain(): Promise<void> {
    while (!this.stopped && (await this.decideBatch()) === BATCH);
    if (!this.stopped) await this.wakeAtNextDue();
  }

  private async wakeAtNextDue(): Promise<void> {
    const [next]: Array<{ due_at: Date }> = await this.dataSource.query(
      `SELECT due_at FROM notification_emails WHERE status = 'waiting' ORDER BY due_at LIMIT 1`,
    );
    this.cancelNext?.();
    // Stopping meanwhile: arm nothing, or the timer would outlive the app.
    this.cancelNext = next && !this.stopped ? this.clock.at(next.due_at.getTime(), () => this.runner.wake()) : null;
  }

  private decideBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: Due[] = await manager.query(
        `SELECT n.id, n.type, n.user_id, n.read_at, n.thread_id, n.practice_id, n.collaborative_id,
                n.event_id::text AS event_id, n.data, n.created_at, e.kind,
                u.email, u.display_name, u.email_confirmed_at IS NOT NULL AS confirmed, a.display_name AS actor_name
           FROM notification_emails e
           JOIN notifications n ON n.id = e.notification_id
           JOIN users u ON u.id = n.user_id
           LEFT JOIN users a ON a.id = n.actor_id
          WHERE e.status = 'waiting' AND e.due_at <= $1
          ORDER BY e.due_at
          LIMIT $2
          FOR UPDATE OF e SKIP LOCKED`,
        [this.clock.now(), BATCH],
      );
      for (const row of due) await this.decide(manager, row);
      return due.length;
    });
  }

  private async decide(manager: EntityManager, row: Due): Promise<void> {
    const skip = (reason: string) =>
      manager.query(
        `UPDATE notification_emails SET status = 'skipped', reason = $2, decided_at = $3 WHERE notification_id = $1`,
        [row.id, reason, this.clock.now()],
      );
    if (!row.confirmed) return void (await skip('The address is not confirmed'));
    const account = row.kind === null;
    if (!account) {
      if (row.read_at) return void (await skip('Read in the forum during the grace window'));
      const chosen = await this.preferences.get(row.user_id, manager);
      if (chosen[row.kind!] !== 'immediate') return void (await skip(`Turned off: ${chosen[row.kind!]}`));
    }
    const reach = account ? null : await notificationReach(manager, this.access, row);
    if (reach?.reason) return void (await skip(reach.reason));
    const membersOnly = reach ? await this.membersOnly(manager, reach.collaborativeId) : null;
    const publicUrl = this.config.publicUrl.replace(/\/$/, '');
    const token = account ? null : unsubscribeToken(this.config.jwtSecret, row.user_id, row.kind!);
    await queueMail(manager, {
      to: row.email,
      template: 'notification-email',
      category: account ? 'account' : 'notification',
      recipientId: row.user_id,
      idempotencyKey: `notification:${row.id}:email`,
      data: {
        name: row.display_name,
        subject: membersOnly ? `Something new in ${membersOnly}` : row.data.title,
        title: membersOnly ? null : row.data.title,
        actor: membersOnly ? null : row.actor_name,
        when: membersOnly ? null : londonDateTime(row.created_at),
        excerpt: membersOnly ? null : (reach?.excerpt ?? row.data.excerpt ?? null),
        link: `${publicUrl}${this.linkPath(row)}`,
        unsubscribeUrl: token && `${publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
        oneClickUrl: token && `${publicUrl}/api/email-preferences/unsubscribe/${encodeURIComponent(token)}`,
        kindLabel: row.kind && EMAIL_KIND_LABELS[row.kind],
      },
    });
    await manager.query(
      `UPDATE notification_emails SET status = 'queued', decided_at = $2 WHERE notification_id = $1`,
      [row.id, this.clock.now()],
    );
  }

  /** The collaborative's name when only its members may read it (then the email names nothing inside). */
  private async membersOnly(manager: EntityManager, collaborativeId: string | null): Promise<string | null> {
    if (!collaborativeId) return null;
    const [row]: Array<{ name: string; visibility: string }> = await manager.query(
      `SELECT name, visibility FROM collaboratives WHERE id = $1`,
      [collaborativeId],
    );
    return row?.visibility === 'members' ? row.name : null;
  }

  private linkPath(row: Due): string {
    if (row.thread_id) return `/threads/${row.thread_id}`;
    if (row.practice_id) return `/practices/${row.practice_id}`;
    if (row.type === 'join-request') return '/account/join-requests';
    return '/notifications';
  }
}
