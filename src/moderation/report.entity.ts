import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { TARGET_TYPES, type TargetType } from '../content/target.js';
import { User } from '../users/user.entity.js';

export { TARGET_TYPES, type TargetType };

export const REPORT_REASONS = [
  'patient-identifiable-data',
  'inaccurate',
  'disrespectful',
  'spam',
  'confidential',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const RESOLUTIONS = ['dismiss', 'hide', 'delete', 'edit-request'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

@Entity('reports')
@Check('reports_resolved_check', `(status = 'open') = (resolved_at IS NULL)`)
// Partial indexes, made by the migration: one open report per person and target; the queue.
@Index('reports_one_open_key', { synchronize: false })
@Index('reports_open_idx', { synchronize: false })
export class Report {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'reports_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  reporterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'reports_reporter_id_fkey' })
  reporter?: User;

  @Column({ type: 'enum', enum: TARGET_TYPES, enumName: 'report_target_type' })
  targetType: TargetType;

  @Column({ type: 'uuid' })
  targetId: string;

  /** Where the target lives, for leads' queues; null for profiles and case studies outside any. */
  @Index('reports_collaborative_id_idx')
  @Column({ type: 'uuid', nullable: true })
  collaborativeId: string | null;

  @ManyToOne(() => Collaborative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'reports_collaborative_id_fkey' })
  collaborative?: Collaborative;

  /** Who wrote the target (the person themself for a profile). */
  @Column({ type: 'uuid', nullable: true })
  targetAuthorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_author_id', foreignKeyConstraintName: 'reports_target_author_id_fkey' })
  targetAuthor?: User;

  @Column({ type: 'enum', enum: REPORT_REASONS, enumName: 'report_reason' })
  reason: ReportReason;

  @Column({ type: 'text', default: '' })
  details: string;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'open' })
  status: ReportStatus;

  @Column({ type: 'text', nullable: true })
  resolution: Resolution | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by_id', foreignKeyConstraintName: 'reports_resolved_by_id_fkey' })
  resolvedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
