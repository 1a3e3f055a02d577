import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';

import { AccessService } from '../collaboratives/access.service.js';
import { Clock } from '../common/clock.js';
import { SerialRunner } from '../common/serial-runner.js';
import { AppConfig } from '../config/app-config.js';
import type { DomainEvent } from '../events/domain-events.js';
import { EVENT_COLUMNS, type EventRow } from '../events/envelope.js';
import { EventRelay } from '../events/event-relay.service.js';
import { EventStore } from '../events/event-store.service.js';
import { storedEvent } from '../events/stored-event.js';
import type { User } from '../users/user.entity.js';
import { toNotificationDto } from './dto/notification.dto.js';
import { markNotificationEmails } from './notification-emails.js';
import { NotificationRules } from './notification-rules.js';
import {
  INSERT_NOTIFICATIONS_SQL,
  insertNotificationsParams,
  notificationData,
  NOTIFICATIONS_CURSOR,
  NOTIFICATIONS_WORKER_LOCK,
} from './notification-writes.js';

// Events read per transaction, and the notifications after which it commits early: the
// batch's notification events are appended last, and the append lock is held until commit.
const BATCH = 50;
const MAX_NOTIFICATIONS = 2000;

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
  private readonly runner = new SerialRunner(
    () => this.drain(),
    (error) => this.logger.warn(`Could not process events: ${error.message}`),
  );
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: EventRelay,
    private readonly rules: NotificationRules,
    private readonly access: AccessService,
    private readonly events: EventStore,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Start from now on a new database rather than notifying about history.
    await this.dataSource.query(
      `INSERT INTO event_cursors (name, event_id) SELECT $1, coalesce(max(id), 0) FROM events ON CONFLICT (name) DO NOTHING`,
      [NOTIFICATIONS_CURSOR],
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

  /**
   * One batch in one transaction. The notification events are appended together at the
   * very end: the append lock serialises every event writer in the forum until commit, so
   * it must be held for the commit only, not while a batch's notifications are worked out.
   */
  private processBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        NOTIFICATIONS_WORKER_LOCK,
      ]);
      if (!locked) return 0;
      const [cursor] = await manager.query(
        `SELECT event_id::text AS id FROM event_cursors WHERE name = $1 FOR UPDATE`,
        [NOTIFICATIONS_CURSOR],
      );
      const rows: EventRow[] = await manager.query(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE id > $1 ORDER BY id LIMIT $2`,
        [cursor.id, BATCH],
      );
      const created: Array<DomainEvent<'notification.created'>> = [];
      let done = 0;
      // Stop early once a batch has many notifications (a few new threads in a collaborative
      // with thousands of followers): the append at the end then stays short.
      while (done < rows.length && created.length < MAX_NOTIFICATIONS)
        created.push(...(await this.notify(manager, rows[done++]!)));
      if (done > 0) {
        await manager.query(`UPDATE event_cursors SET event_id = $1, updated_at = now() WHERE name = $2`, [
          rows[done - 1]!.id,
          NOTIFICATIONS_CURSOR,
        ]);
      }
      await this.events.appendMany(manager, created);
      return done < rows.length ? BATCH : rows.length;
    });
  }

  /**
   * The event's notifications, written with one statement per step whatever the number of
   * recipients (a new thread in a big collaborative notifies thousands). Returns their
   * events, in draft order.
   */
  private async notify(manager: EntityManager, event: EventRow): Promise<Array<DomainEvent<'notification.created'>>> {
    // Content deleted before this batch reached it gets no drafts (see `draftsFor`).
    const candidates = (await this.rules.draftsFor(storedEvent(event), manager)).filter(
      (draft) => draft.userId !== draft.actorId,
    );
    if (candidates.length === 0) return [];
    // Never a notification about something the recipient may not read.
    const readable = await this.access.mayReadEach(manager, candidates);
    const seen = new Set<string>();
    const drafts = candidates.filter((draft, index) => {
      const key = `${draft.userId}:${draft.type}`;
      if (seen.has(key) || !readable[index]) return false;
      seen.add(key);
      return true;
    });
    if (drafts.length === 0) return [];
    const inserted: Array<{ id: string; user_id: string; type: string; created_at: Date }> = await manager.query(
      INSERT_NOTIFICATIONS_SQL,
      insertNotificationsParams(String(event.id), drafts),
    );
    await markNotificationEmails(
      manager,
      inserted.map((row) => row.id),
      this.clock.now(),
      this.config.mail.graceMinutes,
    );
    const byKey = new Map(inserted.map((row) => [`${row.user_id}:${row.type}`, row]));
    const actorIds = [...new Set(drafts.map((draft) => draft.actorId).filter((id): id is string => id !== null))];
    const actors = new Map<string, string>();
    if (actorIds.length > 0) {
      const rows: Array<{ id: string; display_name: string }> = await manager.query(
        `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
        [actorIds],
      );
      rows.forEach((row) => actors.set(row.id, row.display_name));
    }
    return drafts.flatMap((draft) => {
      const row = byKey.get(`${draft.userId}:${draft.type}`);
      if (!row) return [];
      const payload = toNotificationDto({
        id: row.id,
        userId: draft.userId,
        type: draft.type,
        actorId: draft.actorId,
        actor: draft.actorId && actors.has(draft.actorId) ? ({ displayName: actors.get(draft.actorId) } as User) : null,
        collaborativeId: draft.collaborativeId,
        threadId: draft.threadId ?? null,
        practiceId: draft.practiceId ?? null,
        eventId: String(event.id),
        data: notificationData(draft),
        readAt: null,
        createdAt: row.created_at,
      });
      return [{ type: 'notification.created' as const, userId: draft.userId, payload }];
    });
  }
}
