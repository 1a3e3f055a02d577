import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { type PublicUser, User } from '../users/user.entity.js';
import { PostColumns } from './post-columns.js';
import { Reply } from './reply.entity.js';

export const THREAD_KINDS = ['question', 'discussion'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

/** What a deleted thread shows in place of its title (shared with case studies). */
export { TOMBSTONE_TITLE } from '../content/hidden-notice.js';

@Entity('threads')
@Check('threads_tags_max', 'cardinality(tags) <= 5')
// Keyset indexes, one per list order, partial on live threads; made by the migration
// because TypeORM cannot describe descending or partial indexes.
@Index('threads_collaborative_activity_idx', { synchronize: false })
@Index('threads_collaborative_new_idx', { synchronize: false })
@Index('threads_collaborative_top_idx', { synchronize: false })
@Index('threads_collaborative_unanswered_idx', { synchronize: false })
@Index('threads_activity_idx', { synchronize: false })
@Index('threads_tags_idx', { synchronize: false })
@Index('threads_accepted_reply_id_idx', { synchronize: false })
@Index('threads_live_collaborative_idx', { synchronize: false })
export class Thread extends PostColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'threads_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  collaborativeId: string;

  @ManyToOne(() => Collaborative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'threads_collaborative_id_fkey' })
  collaborative?: Collaborative;

  @Index('threads_author_id_idx')
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'threads_author_id_fkey' })
  /** Loaded with the post: only what a public profile shows. */
  author?: PublicUser;

  @Column({ type: 'enum', enum: THREAD_KINDS, enumName: 'thread_kind', default: 'question' })
  kind: ThreadKind;

  @Column({ type: 'text' })
  title: string;

  /** Lower-case slugs, at most five. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Live (not deleted) replies. */
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  /** Distinct signed-in readers other than the author (see viewer-state.ts). */
  @Column({ type: 'integer', default: 0 })
  viewCount: number;

  /** Last reply position handed out; replies are numbered 1, 2, 3… under this row's lock. */
  @Column({ type: 'integer', default: 0 })
  replySeq: number;

  @Column({ type: 'uuid', nullable: true })
  acceptedReplyId: string | null;

  @ManyToOne(() => Reply, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_reply_id', foreignKeyConstraintName: 'threads_accepted_reply_id_fkey' })
  acceptedReply?: Relation<Reply>;

  @Column({ type: 'boolean', default: false })
  isPinned: boolean;

  @Column({ type: 'boolean', default: false })
  isLocked: boolean;

  /** Creation or the latest reply. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deleted_by_id', foreignKeyConstraintName: 'threads_deleted_by_id_fkey' })
  deletedBy?: User;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hidden_by_id', foreignKeyConstraintName: 'threads_hidden_by_id_fkey' })
  hiddenBy?: User;

  /** Set when moderators merged this thread into another: clients follow it there. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Thread, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'threads_merged_into_id_fkey' })
  mergedInto?: Relation<Thread>;

  /** Filled by a trigger from title (A), tags (B) and body (C); never written by the app. */
  @Index('threads_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;
}
