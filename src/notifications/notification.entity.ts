import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity.js';

@Entity('notifications')
@Index('notifications_user_id_idx', { synchronize: false })
@Index('notifications_unread_idx', { synchronize: false })
@Index('notifications_thread_id_idx', { synchronize: false })
@Index('notifications_practice_id_idx', { synchronize: false })
@Index('notifications_event_user_key', ['eventId', 'userId', 'type'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notifications_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notifications_user_id_fkey' })
  user?: User;

  /** reply, answer-accepted, new-thread, new-practice, mention, join-request, moderation */
  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notifications_actor_id_fkey' })
  actor?: User | null;

  @Column({ type: 'uuid', nullable: true })
  collaborativeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  threadId: string | null;

  @Column({ type: 'uuid', nullable: true })
  practiceId: string | null;

  /** The event that caused it. */
  @Column({ type: 'bigint' })
  eventId: string;

  /** What the notification shows: a title and a short excerpt, never more than the recipient may read. */
  @Column({ type: 'jsonb' })
  data: { title: string; excerpt?: string; [key: string]: unknown };

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
