import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AppConfig } from '../config/app-config.js';
import { CONTENT_TYPES, type ContentType } from '../content/content-writes.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../database/database-errors.js';
import { rowsOf } from '../database/rows-of.js';
import type { AuthUser } from '../identity/auth-user.js';
import { ContentModeration } from './content-moderation.service.js';
import type { CreateReportDto, ReportDto } from './dto/report.dto.js';
import { ModerationTargets, type Target } from './moderation-targets.service.js';
import { Report } from './report.entity.js';

/**
 * Reports from readers. Anyone who can read something can report it, once while their
 * report is open. Enough distinct reporters, or one report of patient-identifiable
 * data, hide the item at once until a moderator reviews it.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: ModerationTargets,
    private readonly content: ContentModeration,
    private readonly config: AppConfig,
  ) {}

  async report(user: AuthUser, dto: CreateReportDto): Promise<ReportDto> {
    const target = await this.targets.requireReadable(user, dto.targetType, dto.targetId);
    if (dto.targetType === 'user' && dto.targetId === user.id)
      throw new ConflictException('You cannot report your own profile.');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const report = await manager.save(
          manager.create(Report, {
            reporterId: user.id,
            targetType: dto.targetType,
            targetId: dto.targetId,
            collaborativeId: target.collaborativeId,
            targetAuthorId: target.authorId,
            reason: dto.reason,
            details: dto.details ?? '',
          }),
        );
        const hidden = await this.hideIfThresholdMet(manager, target, dto.reason);
        return toReportDto(report, hidden);
      });
    } catch (error) {
      if (hasSqlState(error, UNIQUE_VIOLATION)) {
        throw new ConflictException(
          'You have already reported this, and your report is still open. Moderators will review it.',
        );
      }
      throw error;
    }
  }

  /** Whether the item is hidden once this report is in. Profiles are never hidden: moderators suspend instead. */
  private async hideIfThresholdMet(manager: EntityManager, target: Target, reason: string): Promise<boolean> {
    if (!CONTENT_TYPES.includes(target.type as ContentType)) return false;
    if (target.hiddenAt) return true;
    // Serialises concurrent reports on one item, so the threshold is counted once.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`report:${target.id}`]);
    const [{ reporters }] = await rowsOf<{ reporters: number }>(
      manager,
      `SELECT count(DISTINCT reporter_id)::int AS reporters FROM reports WHERE target_type = $1 AND target_id = $2 AND status = 'open'`,
      [target.type, target.id],
    );
    const threshold = this.config.autoHideReports;
    if (reason !== 'patient-identifiable-data' && reporters < threshold) return false;
    const why =
      reason === 'patient-identifiable-data'
        ? 'Reported as containing patient-identifiable data; hidden pending review.'
        : `Reported by ${reporters} people; hidden pending review.`;
    await this.content.hideIn(manager, target as Target & { type: ContentType }, null, why);
    return true;
  }
}

export function toReportDto(report: Report, targetHidden: boolean): ReportDto {
  return {
    id: report.id,
    targetType: report.targetType,
    targetId: report.targetId,
    reason: report.reason,
    details: report.details,
    status: report.status,
    resolution: report.resolution,
    targetHidden,
    createdAt: report.createdAt.toISOString(),
  };
}
