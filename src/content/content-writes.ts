import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { rowsOf } from '../database/rows-of.js';
import { EventStore } from '../events/event-store.service.js';
import { ContentKinds, type ContentPlace, type PublicEvent } from './content-kinds.js';
import { redactDeleted, redactHidden } from './redaction.js';

export { CONTENT_TYPES, type ContentPlace, type ContentType } from './content-kinds.js';

/**
 * The writes of the post lifecycle, inside the caller's transaction: hiding, restoring
 * and deleting any kind of content, each with the public event readers' pages update
 * from and the redaction of stored copies. What differs by kind comes from its
 * registered `ContentKind`.
 */
@Injectable()
export class ContentWrites {
  constructor(
    private readonly kinds: ContentKinds,
    private readonly events: EventStore,
  ) {}

  /** Hides it (actorId null: hidden by the report threshold). False when already hidden. */
  async hide(manager: EntityManager, target: ContentPlace, actorId: string | null, reason: string): Promise<boolean> {
    const changed = await rowsOf(
      manager,
      `UPDATE ${this.kinds.of(target.type).table} SET hidden_at = now(), hidden_by_id = $2, hidden_reason = $3
        WHERE id = $1 AND hidden_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [target.id, actorId, reason],
    );
    if (changed.length === 0) return false;
    const event = await this.publicEvent(manager, target, 'hidden');
    await redactHidden(manager, this.kinds.of(target.type), target.id, event.payload);
    return true;
  }

  /** A moderator upholds what reports alone hid, so dismissing later reports no longer restores it. */
  async confirmHidden(manager: EntityManager, target: ContentPlace, actorId: string, reason: string): Promise<boolean> {
    const changed = await rowsOf(
      manager,
      `UPDATE ${this.kinds.of(target.type).table} SET hidden_by_id = $2, hidden_reason = $3
        WHERE id = $1 AND hidden_at IS NOT NULL AND hidden_by_id IS NULL RETURNING id`,
      [target.id, actorId, reason],
    );
    return changed.length > 0;
  }

  /** Shows it again. False when it was not hidden. */
  async restore(manager: EntityManager, target: ContentPlace): Promise<boolean> {
    const changed = await rowsOf(
      manager,
      `UPDATE ${this.kinds.of(target.type).table} SET hidden_at = NULL, hidden_by_id = NULL, hidden_reason = NULL
        WHERE id = $1 AND hidden_at IS NOT NULL RETURNING id`,
      [target.id],
    );
    return changed.length > 0;
  }

  /**
   * A tombstone in its place, for everyone, by its author or a moderator (whose audit
   * record keeps the words): counters follow, its history goes, stored copies of its words
   * are redacted, and its events are appended last. False when it was already deleted, so
   * a second delete (a double click, an author racing a moderator) changes nothing.
   */
  async delete(manager: EntityManager, target: ContentPlace, actorId: string): Promise<boolean> {
    const kind = this.kinds.of(target.type);
    const deletedEvents = await kind.tombstone(manager, target, actorId);
    if (!deletedEvents) return false;
    await redactDeleted(manager, kind, target.id);
    await this.events.appendMany(manager, deletedEvents);
    return true;
  }

  publicEvent(manager: EntityManager, target: ContentPlace, change: 'hidden' | 'restored'): Promise<PublicEvent> {
    return this.kinds.of(target.type).publicEvent(manager, target, change);
  }
}
