import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { SerialRunner } from '../common/serial-runner.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessService } from '../collaboratives/access.service.js';
import { EVENT_COLUMNS, type EventRow } from '../realtime/envelope.js';
import { EventRelay } from '../realtime/event-relay.service.js';
import { EventStore } from '../realtime/event-store.service.js';
import { toNotificationDto } from './dto/notification.dto.js';
import { Notification } from './notification.entity.js';
import { NotificationRules, type NotificationDraft } from './notification-rules.js';

const CURSOR = 'notifications';
const WORKER_LOCK = 0x6e6f7466; // "notf"
// Small batches: appending notification events holds the event-append lock until commit.
const BATCH = 50;

/**
 * Turns committed events into notifications. A durable consumer: its position in the
 * event stream is stored with the notifications it writes, in one transaction, so each
 * event notifies exactly once even across crashes; one instance works at a time.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly runner = new SerialRunner(() => this.drain(), (error) => this.logger.warn(`Could not process events: ${error.message}`));
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: EventRelay,
    private readonly rules: NotificationRules,
    private readonly access: AccessService,
    private readonly events: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Start from now on a new database rather than notifying about history.
    await this.dataSource.query(
      `INSERT INTO event_cursors (name, event_id) SELECT $1, coalesce(max(id), 0) FROM events ON CONFLICT (name) DO NOTHING`,
      [CURSOR],
    );
    this.subscription = this.relay.events$.subscribe((event) => {
      if (event.envelope.type !== 'notification.created') this.wake();
    });
    this.timer = setInterval(() => this.wake(), 2000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    await this.runner.stop();
  }

  wake(): void {
    this.runner.wake();
  }


  /** Processes batches until caught up; returns at once if another instance holds the job. */
  async drain(): Promise<void> {
    while (!this.stopped && (await this.processBatch()) === BATCH);
  }

  private processBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [WORKER_LOCK]);
      if (!locked) return 0;
      const [cursor] = await manager.query(`SELECT event_id::text AS id FROM event_cursors WHERE name = $1 FOR UPDATE`, [CURSOR]);
      const rows: EventRow[] = await manager.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE id > $1 ORDER BY id LIMIT $2`, [cursor.id, BATCH]);
      for (const row of rows) await this.notify(manager, row);
      if (rows.length > 0) {
        await manager.query(`UPDATE event_cursors SET event_id = $1, updated_at = now() WHERE name = $2`, [rows[rows.length - 1]!.id, CURSOR]);
      }
      return rows.length;
    });
  }

  private async notify(manager: EntityManager, event: EventRow): Promise<void> {
    const drafts = await this.rules.draftsFor(event, manager);
    const seen = new Set<string>();
    for (const draft of drafts) {
      const key = `${draft.userId}:${draft.type}`;
      if (draft.userId === draft.actorId || seen.has(key) || !(await this.mayRead(manager, draft))) continue;
      seen.add(key);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(Notification)
        .values({
          userId: draft.userId,
          type: draft.type,
          actorId: draft.actorId,
          collaborativeId: draft.collaborativeId,
          threadId: draft.threadId ?? null,
          practiceId: draft.practiceId ?? null,
          eventId: String(event.id),
          data: { title: draft.title, ...(draft.excerpt ? { excerpt: draft.excerpt } : {}) },
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id = inserted.raw[0]?.id as string | undefined;
      if (!id) continue;
      const notification = await manager.findOneOrFail(Notification, { where: { id }, relations: { actor: true } });
      await this.events.append(manager, { type: 'notification.created', userId: draft.userId, payload: toNotificationDto(notification) });
    }
  }

  /** Never a notification about something the recipient may not read. */
  private async mayRead(manager: EntityManager, draft: NotificationDraft): Promise<boolean> {
    const [user] = await manager.query(`SELECT role, status FROM users WHERE id = $1`, [draft.userId]);
    if (!user) return false;
    if (!draft.collaborativeId) return true;
    const recipient: AuthUser = { id: draft.userId, role: user.role, sessionId: '' };
    return Boolean((await this.access.lookup(recipient, draft.collaborativeId))?.canRead);
  }
}
