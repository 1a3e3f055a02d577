import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { EventRow } from '../events/envelope.js';

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

export type NotificationRule = (event: EventRow, manager: EntityManager) => Promise<NotificationDraft[]>;

/**
 * Which events notify whom. Each module registers rules for its own event types, so the
 * notifications module never needs to know their tables.
 */
@Injectable()
export class NotificationRules {
  private readonly rules = new Map<string, NotificationRule[]>();

  register(eventType: string, rule: NotificationRule): void {
    this.rules.set(eventType, [...(this.rules.get(eventType) ?? []), rule]);
  }

  async draftsFor(event: EventRow, manager: EntityManager): Promise<NotificationDraft[]> {
    const rules = this.rules.get(event.type) ?? [];
    return (await Promise.all(rules.map((rule) => rule(event, manager)))).flat();
  }
}
