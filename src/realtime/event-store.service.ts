import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from './domain-events.js';

/** Advisory lock key that orders event appends; any constant both readers and writers agree on. */
const EVENT_APPEND_LOCK = 0x65766e74; // "evnt"
export const EVENTS_CHANNEL = 'forum_events';
const APPEND_CHUNK = 1000;

/**
 * Appends domain events inside the caller's transaction, so an event exists exactly
 * when its write committed.
 *
 * Sequence ids are handed out at insert but become visible at commit, and concurrent
 * transactions commit out of order: a reader could see 101, resume after it, and never
 * see 100. So each append first takes a transaction-scoped advisory lock, held until
 * commit: event-writing transactions commit one at a time, in id order, and the
 * committed ids always form a prefix. Call `append` as the last step of a transaction,
 * so the lock is held only for the commit itself.
 */
@Injectable()
export class EventStore {
  async append<T extends DomainEventType>(manager: EntityManager, event: DomainEvent<T>): Promise<void> {
    await this.appendMany(manager, [event]);
  }

  /** Many events, in order, with one lock and a few multi-row inserts: for writers that fan out. */
  async appendMany<T extends DomainEventType>(manager: EntityManager, events: Array<DomainEvent<T>>): Promise<void> {
    if (events.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_APPEND_LOCK]);
    for (let start = 0; start < events.length; start += APPEND_CHUNK) {
      const chunk = events.slice(start, start + APPEND_CHUNK);
      // unnest WITH ORDINALITY keeps the given order, so ids follow it.
      await manager.query(
        `INSERT INTO events (type, collaborative_id, thread_id, practice_id, user_id, payload)
         SELECT e.type, e.collaborative_id, e.thread_id, e.practice_id, e.user_id, e.payload::jsonb
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) WITH ORDINALITY
                AS e(type, collaborative_id, thread_id, practice_id, user_id, payload, position)
          ORDER BY e.position`,
        [
          chunk.map((event) => event.type),
          chunk.map((event) => event.collaborativeId ?? null),
          chunk.map((event) => event.threadId ?? null),
          chunk.map((event) => event.practiceId ?? null),
          chunk.map((event) => event.userId ?? null),
          chunk.map((event) => JSON.stringify(event.payload)),
        ],
      );
    }
    // Delivered to listeners at commit, never for a rolled-back transaction.
    await manager.query(`SELECT pg_notify($1, '')`, [EVENTS_CHANNEL]);
  }
}
