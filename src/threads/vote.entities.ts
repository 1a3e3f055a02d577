import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';

/** One vote per person per thread; the primary key makes a second one impossible. */
@Entity('thread_votes')
export class ThreadVote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_votes_pkey' })
  threadId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_votes_pkey' })
  userId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_votes_thread_id_fkey' })
  thread?: Thread;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'thread_votes_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One vote per person per reply. */
@Entity('reply_votes')
export class ReplyVote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reply_votes_pkey' })
  replyId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reply_votes_pkey' })
  userId: string;

  @ManyToOne(() => Reply, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reply_id', foreignKeyConstraintName: 'reply_votes_reply_id_fkey' })
  reply?: Reply;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'reply_votes_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
