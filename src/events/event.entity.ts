import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('events')
// Partial indexes for catch-up, managed by their migration.
@Index('events_user_id_idx', { synchronize: false })
@Index('events_collaborative_id_idx', { synchronize: false })
@Index('events_content_id_idx', { synchronize: false })
export class EventRecord {
  /** bigint comes back from pg as a string; it is compared and sent as a string. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'events_pkey',
    generatedIdentity: 'ALWAYS',
  })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  collaborativeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  threadId: string | null;

  @Column({ type: 'uuid', nullable: true })
  practiceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Index('events_created_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
