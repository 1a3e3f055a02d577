import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { appendAudit } from '../audit/audit-writes.js';
import { type ContentType, ContentWrites } from '../content/content-writes.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { type ItemView, ItemViews } from './item-views.js';
import { noticeAuthor } from './moderation-notices.js';
import { ModerationTargets, type Target } from './moderation-targets.service.js';

type ContentTarget = Target & { type: ContentType };

/**
 * Hiding, restoring and deleting threads, replies, case studies and comments. Each
 * change, its audit record, its public event and the author's notice commit together;
 * doing what is already so changes nothing and records nothing.
 */
@Injectable()
export class ContentModeration {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: ModerationTargets,
    private readonly events: EventStore,
    private readonly views: ItemViews,
    private readonly content: ContentWrites,
  ) {}

  async hide(user: AuthUser, type: ContentType, id: string, reason: string): Promise<ItemView> {
    const target = (await this.targets.requireModerable(user, type, id)) as ContentTarget;
    await this.dataSource.transaction((manager) => this.hideIn(manager, target, user.id, reason));
    return this.views.of(user, type, id);
  }

  async restore(user: AuthUser, type: ContentType, id: string, reason: string): Promise<ItemView> {
    const target = (await this.targets.requireModerable(user, type, id)) as ContentTarget;
    await this.dataSource.transaction((manager) => this.restoreIn(manager, target, user.id, reason));
    return this.views.of(user, type, id);
  }

  /** A tombstone for everyone; the words stay only in the audit record, and the author is told why. */
  async delete(user: AuthUser, type: ContentType, id: string, reason: string): Promise<void> {
    const target = (await this.targets.requireModerable(user, type, id)) as ContentTarget;
    await this.dataSource.transaction((manager) => this.deleteIn(manager, target, user.id, reason));
  }

  /** Inside a transaction; `actorId` null when the report threshold hid it. */
  async hideIn(
    manager: EntityManager,
    target: ContentTarget,
    actorId: string | null,
    reason: string,
  ): Promise<boolean> {
    const before = { hidden: target.hiddenAt !== null };
    if (!(await this.content.hide(manager, target, actorId, reason))) {
      if (!actorId || !(await this.content.confirmHidden(manager, target, actorId, reason))) return false;
      await this.audit(
        manager,
        target,
        actorId,
        `${target.type}.hide`,
        reason,
        { pendingReview: true },
        { pendingReview: false },
      );
      await noticeAuthor(manager, this.events, target, `${target.type}.hide`, reason, actorId);
      return true;
    }
    const action = `${target.type}.${actorId ? 'hide' : 'auto-hide'}`;
    await this.audit(manager, target, actorId, action, reason, before, { hidden: true });
    await this.events.append(manager, await this.content.publicEvent(manager, target, 'hidden'));
    await noticeAuthor(manager, this.events, target, action, reason, actorId);
    return true;
  }

  async restoreIn(manager: EntityManager, target: ContentTarget, actorId: string, reason: string): Promise<boolean> {
    if (!(await this.content.restore(manager, target))) return false;
    await this.audit(manager, target, actorId, `${target.type}.restore`, reason, { hidden: true }, { hidden: false });
    await this.events.append(manager, await this.content.publicEvent(manager, target, 'restored'));
    await noticeAuthor(manager, this.events, target, `${target.type}.restore`, reason, actorId);
    return true;
  }

  /** The audit record keeps the words that the tombstone removes (admins read them there). */
  async deleteIn(manager: EntityManager, target: ContentTarget, actorId: string, reason: string): Promise<boolean> {
    if (!(await this.content.delete(manager, target, actorId))) return false;
    await this.audit(
      manager,
      target,
      actorId,
      `${target.type}.delete`,
      reason,
      { deleted: false, ...target.content },
      { deleted: true },
    );
    await noticeAuthor(manager, this.events, target, `${target.type}.delete`, reason, actorId);
    return true;
  }

  private audit(
    manager: EntityManager,
    target: Target,
    actorId: string | null,
    action: string,
    reason: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) {
    return appendAudit(manager, {
      actorId,
      action,
      targetType: target.type,
      targetId: target.id,
      targetAuthorId: target.authorId,
      collaborativeId: target.collaborativeId,
      reason,
      before,
      after,
    });
  }
}
