import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Thread } from './thread.entity.js';

/** Someone who wants to hear about new replies in a thread they neither started nor replied to. */
@Entity('thread_follows')
export class ThreadFollow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_follows_pkey' })
  threadId: string;

  @Index('thread_follows_user_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_follows_pkey' })
  userId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_follows_thread_id_fkey' })
  thread?: Thread;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'thread_follows_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
