import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, DomainEventType } from './domain-events.js';
import { EventRecord } from './event.entity.js';

/** Advisory lock key that orders event appends; any constant both readers and writers agree on. */
const EVENT_APPEND_LOCK = 0x65766e74; // "evnt"
export const EVENTS_CHANNEL = 'forum_events';

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
  append<T extends DomainEventType>(manager: EntityManager, event: DomainEvent<T>): Promise<void> {
    return this.appendAll(manager, [event]);
  }

  /** Several events in one insert, in the given order, taking the lock once. */
  async appendAll(manager: EntityManager, events: ReadonlyArray<DomainEvent<DomainEventType>>): Promise<void> {
    if (events.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [EVENT_APPEND_LOCK]);
    await manager.insert(
      EventRecord,
      events.map((event) => ({
        type: event.type,
        collaborativeId: event.collaborativeId ?? null,
        threadId: event.threadId ?? null,
        practiceId: event.practiceId ?? null,
        userId: event.userId ?? null,
        payload: event.payload as object,
      })),
    );
    // Delivered to listeners at commit, never for a rolled-back transaction.
    await manager.query(`SELECT pg_notify($1, '')`, [EVENTS_CHANNEL]);
  }
}
