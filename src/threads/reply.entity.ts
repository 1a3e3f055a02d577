import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

import { type PublicUser, User } from '../users/user.entity.js';
import { PostColumns } from './post-columns.js';
import { Thread } from './thread.entity.js';

@Entity('replies')
// Oldest first within a thread: position is unique per thread, so it is the whole keyset.
@Index('replies_thread_position_key', ['threadId', 'position'], { unique: true })
@Index('replies_quoted_reply_id_idx', { synchronize: false })
export class Reply extends PostColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'replies_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'replies_thread_id_fkey' })
  thread?: Relation<Thread>;

  /** 1, 2, 3… in the order replies committed, handed out under the thread's row lock. */
  @Column({ type: 'integer' })
  position: number;

  @Index('replies_author_id_idx')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'replies_author_id_fkey' })
  /** Loaded with the post: only what a public profile shows. */
  author?: PublicUser;

  /** Another reply of the same thread that this one quotes. */
  @Column({ type: 'uuid', nullable: true })
  quotedReplyId: string | null;

  @ManyToOne(() => Reply, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'quoted_reply_id', foreignKeyConstraintName: 'replies_quoted_reply_id_fkey' })
  quotedReply?: Relation<Reply>;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deleted_by_id', foreignKeyConstraintName: 'replies_deleted_by_id_fkey' })
  deletedBy?: User;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hidden_by_id', foreignKeyConstraintName: 'replies_hidden_by_id_fkey' })
  hiddenBy?: User;

  /** Filled by a trigger from body (C); never written by the app. */
  @Index('replies_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;
}
