import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { DomainEvent, DomainEventType } from '../events/domain-events.js';
import type { AuthUser } from '../identity/auth-user.js';
import type { Target } from './target.js';

export type ContentType = 'thread' | 'reply' | 'practice' | 'comment';
export const CONTENT_TYPES: readonly ContentType[] = ['thread', 'reply', 'practice', 'comment'];

/** Where a piece of content lives: all that deleting it needs to know. */
export type ContentPlace = Pick<Target, 'id' | 'collaborativeId' | 'threadId' | 'practiceId'> & { type: ContentType };

/** A hidden or restored item's public event: the item as every reader now sees it. */
export type PublicEvent = DomainEvent<`${ContentType}.${'hidden' | 'restored'}`>;

/**
 * What the post lifecycle needs from one kind of content. Every kind keeps `hidden_at`,
 * `hidden_by_id`, `hidden_reason` and `deleted_at` on its own table, so hiding and
 * restoring are the same statement for all; the tombstone and the events differ.
 */
export interface ContentKind {
  table: string;
  /**
   * One row for `$1` with the columns a moderation `Target` is made of: id, collaborative_id,
   * author_id, thread_id, practice_id, hidden_at, hidden_by_id, deleted_at, draft_author_ids
   * (those who alone may see it while it is a draft, or NULL) and content (what a moderator
   * reviews, as JSON).
   */
  targetSql: string;
  /** What acting on it once it is deleted is refused with (409). */
  goneMessage: string;
  /** Event types whose stored payload is this kind's public DTO, matched by its id: redacted once it is hidden or deleted. */
  storedEvents: readonly DomainEventType[];
  /**
   * For a kind whose notifications quote its title (threads, case studies): the notifications
   * column that names it, and the neutral titles they get once it is hidden or deleted. The
   * notifications of other kinds quote an excerpt only, which redaction drops.
   */
  notificationTitles?: { column: 'thread_id' | 'practice_id'; hidden: string; deleted: string };
  /** The item as `user` (who has just moderated it) now sees it, through its own module's view. */
  view(user: AuthUser, id: string): Promise<object>;
  /** Writes the tombstone (counters, history) and answers the events announcing it; null when already deleted. */
  tombstone(manager: EntityManager, place: ContentPlace, actorId: string): Promise<DomainEvent[] | null>;
  /** The `<type>.hidden` or `<type>.restored` event, carrying the item as every reader now sees it. */
  publicEvent(manager: EntityManager, place: ContentPlace, change: 'hidden' | 'restored'): Promise<PublicEvent>;
}

/**
 * The registry of content kinds: threads and practices register theirs when their module
 * starts, as they register live subjects and notification rules, so the lifecycle below
 * them never imports them.
 */
@Injectable()
export class ContentKinds {
  private readonly kinds = new Map<ContentType, ContentKind>();

  register(type: ContentType, kind: ContentKind): void {
    this.kinds.set(type, kind);
  }

  has(type: string): type is ContentType {
    return this.kinds.has(type as ContentType);
  }

  of(type: ContentType): ContentKind {
    const kind = this.kinds.get(type);
    if (!kind) throw new Error(`No content kind "${type}" is registered`);
    return kind;
  }
}
