import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { SerialRunner } from '../common/serial-runner.js';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '../collaboratives/access.service.js';
import { EVENT_COLUMNS, type EventRow } from '../realtime/envelope.js';
import { EventRelay } from '../realtime/event-relay.service.js';
import { EventStore } from '../realtime/event-store.service.js';
import { toNotificationDto } from './dto/notification.dto.js';
import { Notification } from './notification.entity.js';
import { NotificationRules, type NotificationDraft } from './notification-rules.js';

const CURSOR = 'notifications';
const WORKER_LOCK = 0x6e6f7466; // "notf"
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
      const created: Notification[] = [];
      for (const row of rows) created.push(...(await this.notify(manager, row)));
      if (rows.length > 0) {
        await manager.query(`UPDATE event_cursors SET event_id = $1, updated_at = now() WHERE name = $2`, [rows[rows.length - 1]!.id, CURSOR]);
      }
      // Last, so the event-append lock (which every posting transaction waits on) is held only for the commit.
      await this.events.appendAll(
        manager,
        created.map((notification) => ({ type: 'notification.created' as const, userId: notification.userId, payload: toNotificationDto(notification) })),
      );
      return rows.length;
    });
  }

  /** Writes the notifications one event causes, and returns them. */
  private async notify(manager: EntityManager, event: EventRow): Promise<Notification[]> {
    const drafts = await this.recipients(manager, await this.rules.draftsFor(event, manager));
    if (drafts.length === 0) return [];
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(
        drafts.map((draft) => ({
          userId: draft.userId,
          type: draft.type,
          actorId: draft.actorId,
          collaborativeId: draft.collaborativeId,
          threadId: draft.threadId ?? null,
          practiceId: draft.practiceId ?? null,
          eventId: String(event.id),
          data: { title: draft.title, ...(draft.excerpt ? { excerpt: draft.excerpt } : {}) },
        })),
      )
      .orIgnore()
      .returning('id')
      .execute();
    const ids = (inserted.raw as Array<{ id: string }>).map((row) => row.id);
    if (ids.length === 0) return [];
    const found = await manager.find(Notification, { where: { id: In(ids) }, relations: { actor: true } });
    const byId = new Map(found.map((notification) => [notification.id, notification]));
    return ids.map((id) => byId.get(id)!);
  }

  /**
   * One notification per person and type, never to the actor, and never about something
   * the recipient may not read (one access query per event, not one per recipient).
   */
  private async recipients(manager: EntityManager, drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
    const seen = new Set<string>();
    const unique = drafts.filter((draft) => {
      const key = `${draft.userId}:${draft.type}`;
      if (draft.userId === draft.actorId || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const byCollaborative = new Map<string | null, NotificationDraft[]>();
    for (const draft of unique) byCollaborative.set(draft.collaborativeId, [...(byCollaborative.get(draft.collaborativeId) ?? []), draft]);
    const allowed = new Set<NotificationDraft>();
    for (const [collaborativeId, group] of byCollaborative) {
      const userIds = [...new Set(group.map((draft) => draft.userId))];
      const readers = collaborativeId ? await this.access.readersAmong(userIds, collaborativeId, manager) : await this.existing(manager, userIds);
      for (const draft of group) if (readers.has(draft.userId)) allowed.add(draft);
    }
    return unique.filter((draft) => allowed.has(draft));
  }

  private async existing(manager: EntityManager, userIds: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [userIds]);
    return new Set(rows.map((row) => row.id));
  }
}
