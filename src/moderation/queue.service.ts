import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { appendAudit } from '../audit/audit-writes.js';
import { AccessService } from '../collaboratives/access.service.js';
import type { Page, PageQueryDto } from '../common/pagination.js';
import { CONTENT_TYPES, type ContentType } from '../content/content-writes.js';
import { Keyset } from '../database/keyset.js';
import { rowsOf } from '../database/rows-of.js';
import { EventStore } from '../events/event-store.service.js';
import type { AuthUser } from '../identity/auth-user.js';
import { toPublicProfile } from '../users/dto/profile.dto.js';
import { User } from '../users/user.entity.js';
import { ContentModeration } from './content-moderation.service.js';
import type { QueueItemDto, ResolutionDto, ResolveReportDto } from './dto/report.dto.js';
import { noticeAuthor } from './moderation-notices.js';
import { ModerationTargets, type Target } from './moderation-targets.service.js';
import { Report, type TargetType } from './report.entity.js';

type GroupRow = {
  target_type: TargetType;
  target_id: string;
  oldest: Date;
};

// One group per target, placed by its oldest open report.
const OLDEST_REPORT_FIRST = new Keyset(
  [
    { sql: 'g.oldest', kind: 'timestamp' },
    { sql: 'g.target_id', kind: 'uuid' },
  ],
  'ASC',
);

/**
 * The review queue: open reports grouped by what they are about, oldest first. Site
 * moderators and admins see every report; leads only those in collaboratives they lead.
 */
@Injectable()
export class QueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly targets: ModerationTargets,
    private readonly content: ContentModeration,
    private readonly events: EventStore,
  ) {}

  async list(user: AuthUser, query: PageQueryDto): Promise<Page<QueueItemDto>> {
    const scope = await this.scope(user);
    // Grouped in a subquery, so the cursor condition is a WHERE on whole groups.
    const { rows, nextCursor } = await OLDEST_REPORT_FIRST.fetchRows<GroupRow>(
      this.dataSource,
      {
        select: 'g.target_type, g.target_id, g.oldest',
        from: `(SELECT r.target_type, r.target_id, min(r.created_at) AS oldest
                  FROM reports r
                 WHERE r.status = 'open' AND (:scope::uuid[] IS NULL OR r.collaborative_id = ANY(:scope::uuid[]))
                 GROUP BY r.target_type, r.target_id) g`,
        where: 'TRUE',
        params: { scope },
      },
      query,
    );
    return { items: await Promise.all(rows.map((group) => this.item(group))), nextCursor };
  }

  /** Applies one decision to every open report on the report's item. */
  async resolve(user: AuthUser, reportId: string, dto: ResolveReportDto): Promise<ResolutionDto> {
    // Who may resolve at all is decided before the id is looked at, so the answer says nothing about it.
    const led = await this.access.moderatedCollaborativeIds(user);
    if (led !== null && led.length === 0)
      throw new ForbiddenException('Only site moderators and collaborative leads resolve reports.');
    const report = await this.dataSource.getRepository(Report).findOneBy({ id: reportId });
    if (!report) throw new NotFoundException('No report with this id.');
    const target = await this.moderableTarget(user, report);
    if (report.status !== 'open') throw new UnprocessableEntityException('This report is already resolved.');
    if (target.type === 'user' && (dto.action === 'hide' || dto.action === 'delete')) {
      throw new UnprocessableEntityException(
        'A profile cannot be hidden or deleted: dismiss the report, ask for an edit, or suspend the person.',
      );
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const resolved = await rowsOf<{ id: string }>(
        manager,
        `UPDATE reports SET status = 'resolved', resolution = $3, resolution_note = $4, resolved_by_id = $5, resolved_at = now()
          WHERE target_type = $1 AND target_id = $2 AND status = 'open' RETURNING id`,
        [target.type, target.id, dto.action, dto.note, user.id],
      );
      if (resolved.length === 0) return null;
      const content = target as Target & { type: ContentType };
      if (dto.action === 'hide') await this.content.hideIn(manager, content, user.id, dto.note);
      else if (dto.action === 'delete') await this.content.deleteIn(manager, content, user.id, dto.note);
      // Dismissing clears what reports alone hid; a moderator's own hiding stays.
      else if (
        dto.action === 'dismiss' &&
        target.hiddenAt &&
        !target.hiddenById &&
        CONTENT_TYPES.includes(target.type as ContentType)
      ) {
        await this.content.restoreIn(manager, content, user.id, dto.note);
      }
      await appendAudit(manager, {
        actorId: user.id,
        action: `report.${dto.action}`,
        targetType: target.type,
        targetId: target.id,
        targetAuthorId: target.authorId,
        collaborativeId: target.collaborativeId,
        reason: dto.note,
        before: { openReports: resolved.length },
        after: { openReports: 0, resolution: dto.action },
      });
      if (dto.action === 'edit-request')
        await noticeAuthor(manager, this.events, target, `${target.type}.edit-request`, dto.note, user.id);
      return resolved.length;
    });
    if (outcome === null) throw new UnprocessableEntityException('This report is already resolved.');
    const after = await this.targets.load(target.type, target.id);
    return {
      action: dto.action,
      resolvedReports: outcome,
      targetType: target.type,
      targetId: target.id,
      targetHidden: Boolean(after?.hiddenAt),
      targetDeleted: Boolean(after?.deletedAt),
      note: dto.note,
    };
  }

  /** Null for site staff (everything); otherwise the collaboratives the caller leads, 403 when none. */
  private async scope(user: AuthUser): Promise<string[] | null> {
    const led = await this.access.moderatedCollaborativeIds(user);
    if (led !== null && led.length === 0)
      throw new ForbiddenException('The review queue is for site moderators and collaborative leads.');
    return led;
  }

  /** A report someone may not moderate is answered like a missing one. */
  private async moderableTarget(user: AuthUser, report: Report): Promise<Target> {
    const target = await this.targets.load(report.targetType, report.targetId);
    const hidden = () => new NotFoundException('No report with this id.');
    if (!target) throw hidden();
    if (!(await this.targets.mayModerate(user, target))) throw hidden();
    return target;
  }

  private async item(group: GroupRow): Promise<QueueItemDto> {
    const target = await this.targets.load(group.target_type, group.target_id);
    const reports = await this.dataSource.getRepository(Report).find({
      where: { targetType: group.target_type, targetId: group.target_id, status: 'open' },
      relations: { reporter: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 100,
    });
    const author = target?.authorId
      ? await this.dataSource.getRepository(User).findOneBy({ id: target.authorId })
      : null;
    const history: Array<{
      action: string;
      target_type: string;
      target_id: string;
      reason: string | null;
      created_at: Date;
    }> = target?.authorId
      ? await this.dataSource.query(
          `SELECT action, target_type, target_id, reason, created_at FROM audit_log
            WHERE target_author_id = $1 AND action NOT LIKE 'report.%' AND action <> 'user.role-change'
            ORDER BY created_at DESC, id DESC LIMIT 10`,
          [target.authorId],
        )
      : [];
    return {
      targetType: group.target_type,
      targetId: group.target_id,
      collaborativeId: target?.collaborativeId ?? null,
      threadId: target?.threadId ?? null,
      practiceId: target?.practiceId ?? null,
      author: author ? toPublicProfile(author) : null,
      content: target?.content ?? {},
      hidden: Boolean(target?.hiddenAt),
      oldestReportAt: new Date(group.oldest).toISOString(),
      reports: reports.map((report) => ({
        id: report.id,
        reporter: toPublicProfile(report.reporter!),
        reason: report.reason,
        details: report.details,
        createdAt: report.createdAt.toISOString(),
      })),
      authorHistory: history.map((row) => ({
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        reason: row.reason,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  }
}
