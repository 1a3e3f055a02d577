import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Thread } from './thread.entity.js';

/** Who has opened a thread at least once: a view is counted on the first visit only. */
@Entity('thread_views')
export class ThreadView {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_views_pkey' })
  threadId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_views_pkey' })
  userId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_views_thread_id_fkey' })
  thread?: Thread;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'thread_views_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
