import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { DomainEvent, DomainEventType } from './domain-events.js';
import { appendEvents } from './event-append.js';

/**
 * Appends domain events inside the caller's transaction, so an event exists exactly when
 * its write committed; appends are ordered by a lock held until commit (see
 * event-append.ts). Call `append` as the last step of a transaction, so the lock is held
 * only for the commit itself.
 */
@Injectable()
export class EventStore {
  async append<T extends DomainEventType>(manager: EntityManager, event: DomainEvent<T>): Promise<void> {
    await this.appendMany(manager, [event]);
  }

  /** Many events, in order, with one lock and a few multi-row inserts: for writers that fan out. */
  async appendMany<T extends DomainEventType>(manager: EntityManager, events: Array<DomainEvent<T>>): Promise<void> {
    await appendEvents((sql, params) => manager.query(sql, params), events);
  }
}
