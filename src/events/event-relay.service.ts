import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';

import { SerialRunner } from '../common/serial-runner.js';
import { readRows } from '../database/read-rows.js';
import { EVENT_COLUMNS_TEXT_PAYLOAD, type EventRow, route, type RoutedEvent } from './envelope.js';
import { EVENTS_CHANNEL } from './event-append.js';

const BATCH = 500;
/** Polled anyway, in case a notification is lost while the listening connection reconnects. */
const FALLBACK_POLL_MS = 1000;

/**
 * Tails the events table on this instance and hands each committed event, in id order,
 * to the local sockets (through `events$`). Woken by LISTEN/NOTIFY at commit. Appends are
 * serialised (see EventStore), so reading `id > last` in order never skips an event.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly events$ = new Subject<RoutedEvent>();
  private readonly logger = new Logger('EventRelay');
  private lastId = '0';
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly runner = new SerialRunner(
    () => this.drain(),
    (error) => this.logger.warn(`Could not read events: ${error.message}`),
  );
  private stopped = false;
  private hasSocketHere: (userId: string) => boolean = () => true;

  constructor(private readonly dataSource: DataSource) {}

  /** The id of the last event handed to the sockets. Catch-up replays up to here, no further. */
  get position(): string {
    return this.lastId;
  }

  async onApplicationBootstrap(): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM events`);
    this.lastId = row.id;
    await this.listen();
    this.timer = setInterval(() => this.wake(), FALLBACK_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.runner.stop();
    this.events$.complete();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`Listening connection lost (${error.message}); polling until it is back`);
      this.listener = null;
      setTimeout(() => void this.listen(), FALLBACK_POLL_MS).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.listener = client;
      this.wake();
    } catch (error) {
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), FALLBACK_POLL_MS).unref();
    }
  }

  wake(): void {
    this.runner.wake();
  }

  /**
   * Tells the relay whose notifications someone on this instance would receive (the
   * gateway: a person with a socket here). Until it is set, every notification is handed on.
   */
  setAudience(hasSocketHere: (userId: string) => boolean): void {
    this.hasSocketHere = hasSocketHere;
  }

  /**
   * Notifications are most of the events (a new thread makes one per follower), and most
   * of their people are offline or connected to another instance: a notification is
   * parsed and handed on only if its person has a socket here when it is handed on (in
   * the same tick, so one who arrives later is within `position`, and their catch-up
   * replays it).
   */
  private async drain(): Promise<void> {
    for (;;) {
      const rows = await readRows<EventRow & { payload: string }>(
        this.dataSource,
        `SELECT ${EVENT_COLUMNS_TEXT_PAYLOAD} FROM events WHERE id > $1 ORDER BY id LIMIT $2`,
        [this.lastId, BATCH],
      );
      for (const row of rows) {
        this.lastId = String(row.id);
        if (row.type === 'notification.created' && !this.hasSocketHere(row.user_id!)) continue;
        this.events$.next(route({ ...row, payload: JSON.parse(row.payload) }));
      }
      if (rows.length < BATCH) return;
    }
  }
}
