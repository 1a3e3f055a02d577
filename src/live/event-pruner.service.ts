import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { PRUNED_THROUGH } from './events-reader.service.js';

const PRUNE_LOCK = 0x70727565; // "prue"

/** Deletes events past retention, on one instance at a time, and records how far it went. */
@Injectable()
export class EventPruner {
  private readonly logger = new Logger('EventPruner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Interval(60 * 60 * 1000)
  async scheduled(): Promise<void> {
    await this.prune().catch((error: Error) => this.logger.warn(`Pruning failed: ${error.message}`));
  }

  /** Returns how many events were deleted (0 when another instance holds the job). */
  async prune(olderThanDays = this.config.eventRetentionDays): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [PRUNE_LOCK]);
      if (!locked) return 0;
      const [horizon] = await manager.query(
        `WITH gone AS (DELETE FROM events WHERE created_at < $2::timestamptz - make_interval(days => $1) RETURNING id)
         SELECT count(*)::int AS deleted, max(id)::text AS through FROM gone`,
        [olderThanDays, this.clock.now()],
      );
      if (horizon.deleted > 0) {
        await manager.query(
          `UPDATE event_cursors SET event_id = GREATEST(event_id, $1::bigint), updated_at = now() WHERE name = $2`,
          [horizon.through, PRUNED_THROUGH],
        );
        this.logger.log(`Pruned ${horizon.deleted} events older than ${olderThanDays} days`);
      }
      return horizon.deleted as number;
    });
  }
}
