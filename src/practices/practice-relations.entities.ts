import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { Thread } from '../threads/thread.entity.js';
import { type PublicUser, User } from '../users/user.entity.js';
import { Practice } from './practice.entity.js';

@Entity('practice_coauthors')
export class PracticeCoauthor {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_coauthors_pkey' }) practiceId: string;
  @Index('practice_coauthors_user_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_coauthors_pkey' })
  userId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_coauthors_practice_id_fkey' })
  practice?: Practice;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'practice_coauthors_user_id_fkey' })
  user?: User;
}

/** "We tried this too" / "found useful", with the endorser's organisation at the time. */
@Entity('practice_endorsements')
@Index('practice_endorsements_list_idx', { synchronize: false })
export class PracticeEndorsement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_endorsements_pkey' }) practiceId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_endorsements_pkey' }) userId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_endorsements_practice_id_fkey' })
  practice?: Practice;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'practice_endorsements_user_id_fkey' })
  user?: User;

  @Column({ type: 'text', default: '' }) note: string;
  @Column({ type: 'text' }) organisation: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('practice_comments')
@Index('practice_comments_list_idx', ['practiceId', 'createdAt', 'id'])
export class PracticeComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'practice_comments_pkey' }) id: string;
  @Column({ type: 'uuid' }) practiceId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_comments_practice_id_fkey' })
  practice?: Practice;

  @Column({ type: 'uuid' }) authorId: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'practice_comments_author_id_fkey' })
  author?: PublicUser;

  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) bodyHtml: string;
  /** The body's first words as plain text and the handles it @mentions; only notifications read them. */
  @Column({ type: 'text', select: false }) excerpt: string;
  @Column({ type: 'text', array: true, select: false }) mentions: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) editedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true }) hiddenById: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hidden_by_id', foreignKeyConstraintName: 'practice_comments_hidden_by_id_fkey' })
  hiddenBy?: User | null;

  @Column({ type: 'text', nullable: true }) hiddenReason: string | null;
}

/** A case study as it was before edit `number` (the editable fields, as JSON). */
@Entity('practice_revisions')
export class PracticeRevision {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_revisions_pkey' }) practiceId: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'practice_revisions_pkey' }) number: number;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_revisions_practice_id_fkey' })
  practice?: Practice;

  @Column({ type: 'uuid' }) editorId: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'practice_revisions_editor_id_fkey' })
  editor?: User;

  @Column({ type: 'jsonb' }) snapshot: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('practice_comment_revisions')
export class PracticeCommentRevision {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_comment_revisions_pkey' }) commentId: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'practice_comment_revisions_pkey' }) number: number;

  @ManyToOne(() => PracticeComment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'practice_comment_revisions_comment_id_fkey' })
  comment?: PracticeComment;

  @Column({ type: 'uuid' }) editorId: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'practice_comment_revisions_editor_id_fkey' })
  editor?: User;

  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** A question thread opened from a case study ("ask the authors"). */
@Entity('practice_questions')
export class PracticeQuestion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_questions_pkey' }) practiceId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_questions_pkey' }) threadId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_questions_practice_id_fkey' })
  practice?: Practice;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'practice_questions_thread_id_fkey' })
  thread?: Thread;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Who has opened a published case study at least once: a view counts on the first visit only. */
@Entity('practice_views')
export class PracticeView {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_views_pkey' }) practiceId: string;
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_views_pkey' }) userId: string;

  @ManyToOne(() => Practice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'practice_id', foreignKeyConstraintName: 'practice_views_practice_id_fkey' })
  practice?: Practice;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'practice_views_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const PRACTICE_ENTITIES = [
  Practice,
  PracticeCoauthor,
  PracticeEndorsement,
  PracticeComment,
  PracticeRevision,
  PracticeCommentRevision,
  PracticeQuestion,
  PracticeView,
];
