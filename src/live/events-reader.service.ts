import { GoneException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { readableSql } from '../collaboratives/read-rule.js';
import { problem } from '../common/problem-details.js';
import { EVENT_COLUMNS, type EventRow } from '../events/envelope.js';
import { type AuthUser, isSiteStaff } from '../identity/auth-user.js';

export const PRUNED_THROUGH = 'pruned-through';

/** What one reader subscribed to beyond their followed collaboratives. */
export interface ExtraSubjects {
  collaboratives?: string[];
  threads?: string[];
  practices?: string[];
}

/** Reads stored events back for catch-up, filtered to what the reader may see now. */
@Injectable()
export class EventsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws 410 (resync) when events after `afterId` may already have been pruned. */
  async requireRetained(afterId: string): Promise<void> {
    const [cursor] = await this.dataSource.query(`SELECT event_id FROM event_cursors WHERE name = $1`, [
      PRUNED_THROUGH,
    ]);
    if (BigInt(cursor?.event_id ?? 0) > BigInt(afterId)) {
      throw new GoneException(
        problem(
          410,
          'Events after this id are no longer kept. Reload from the REST API and continue from the newest id.',
          {
            type: '/problems/resync',
            title: 'Resync needed',
          },
        ),
      );
    }
  }

  async isRetained(afterId: string): Promise<boolean> {
    return this.requireRetained(afterId).then(
      () => true,
      () => false,
    );
  }

  async latestId(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM events`);
    return row.id;
  }

  /**
   * Events after `afterId`, in id order: the reader's own, and those of collaboratives
   * they follow (or subscribed to) and may read now, or of threads and practices they
   * subscribed to (already access-checked when subscribing).
   */
  async visibleAfter(
    user: AuthUser,
    afterId: string,
    limit: number,
    extra: ExtraSubjects = {},
    upTo?: string,
  ): Promise<EventRow[]> {
    const staff = isSiteStaff(user);
    const threads = extra.threads ?? [];
    const practices = extra.practices ?? [];
    // Each branch walks its own index in id order and stops at `limit`, instead of one scan
    // of every newer event filtered row by row; the outer query merges them.
    const window = `e.id > $2 AND ($6::bigint IS NULL OR e.id <= $6::bigint)`;
    const branches = [
      `(SELECT e.id FROM events e WHERE e.user_id = $1 AND ${window} ORDER BY e.id LIMIT $5)`,
      `(SELECT e.id FROM events e
         WHERE e.user_id IS NULL AND ${window}
           AND e.collaborative_id = ANY (ARRAY(
                 SELECT c.id FROM collaboratives c
                  WHERE (c.id IN (SELECT f.collaborative_id FROM collaborative_follows f WHERE f.user_id = $1) OR c.id = ANY($4::uuid[]))
                    AND ${readableSql('c.id', '$1', '$3')}))
         ORDER BY e.id LIMIT $5)`,
      ...(threads.length > 0 || practices.length > 0
        ? [
            `(SELECT e.id FROM events e WHERE e.user_id IS NULL AND ${window} AND (e.thread_id = ANY($7::uuid[]) OR e.practice_id = ANY($8::uuid[])) ORDER BY e.id LIMIT $5)`,
          ]
        : []),
    ];
    const params: unknown[] = [user.id, afterId, staff, extra.collaboratives ?? [], limit, upTo ?? null];
    if (branches.length === 3) params.push(threads, practices);
    return this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE id IN (${branches.join(' UNION ')}) ORDER BY id LIMIT $5`,
      params,
    );
  }
}
