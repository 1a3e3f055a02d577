import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One moderation action or role change. Append-only: a trigger refuses UPDATE, DELETE
 * and TRUNCATE, and no foreign keys, so deleting a person never rewrites history.
 */
@Entity('audit_log')
@Index('audit_log_created_idx', { synchronize: false })
@Index('audit_log_target_idx', ['targetType', 'targetId'])
export class AuditRecord {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'audit_log_pkey',
    generatedIdentity: 'ALWAYS',
  })
  id: string;

  @Index('audit_log_actor_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `reply.hide`, `thread.lock`, `user.suspend`, `user.role-change`, `report.dismiss`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  targetType: string;

  @Column({ type: 'uuid' })
  targetId: string;

  /** Whose content or account it was: the "author's history" of the queue. */
  @Index('audit_log_target_author_idx')
  @Column({ type: 'uuid', nullable: true })
  targetAuthorId: string | null;

  @Index('audit_log_collaborative_idx')
  @Column({ type: 'uuid', nullable: true })
  collaborativeId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The changed fields as they were, and as they became. */
  @Column({ type: 'jsonb', default: {} })
  before: Record<string, unknown>;

  @Column({ type: 'jsonb', default: {} })
  after: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
