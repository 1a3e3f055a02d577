import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type Deleted, type DomainEventType, isDeleted, type StoredPayload } from '../events/domain-events.js';
import type { StoredEvent } from '../events/stored-event.js';

/** A notification a rule wants to send; the worker drops the actor's own and unreadable ones. */
export interface NotificationDraft {
  userId: string;
  type: string;
  actorId: string | null;
  collaborativeId: string | null;
  threadId?: string | null;
  practiceId?: string | null;
  title: string;
  excerpt?: string;
}

/** What a rule for events of type T reads: never the redacted payload of deleted content (see `draftsFor`). */
export type RuleEvent<T extends DomainEventType> = Omit<StoredEvent<T>, 'payload'> & {
  payload: Exclude<StoredPayload<T>, Deleted>;
};

export type NotificationRule<T extends DomainEventType> = (
  event: RuleEvent<T>,
  manager: EntityManager,
) => Promise<NotificationDraft[]>;

type AnyRule = (event: StoredEvent, manager: EntityManager) => Promise<NotificationDraft[]>;

/**
 * Which events notify whom. Each module registers rules for its own event types, so the
 * notifications module never needs to know their tables.
 */
@Injectable()
export class NotificationRules {
  private readonly rules = new Map<string, AnyRule[]>();

  register<T extends DomainEventType>(eventType: T, rule: NotificationRule<T>): void {
    // Kept by type and run only for events of that type (`draftsFor`), which are not deleted.
    const run: AnyRule = (event, manager) => rule(event as unknown as RuleEvent<T>, manager);
    this.rules.set(eventType, [...(this.rules.get(eventType) ?? []), run]);
  }

  async draftsFor(event: StoredEvent, manager: EntityManager): Promise<NotificationDraft[]> {
    // Deleted before the worker reached it: its words are gone, and so is anything to say.
    if (isDeleted(event.payload)) return [];
    const rules = this.rules.get(event.type) ?? [];
    return (await Promise.all(rules.map((rule) => rule(event, manager)))).flat();
  }
}
