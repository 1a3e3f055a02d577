import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { RevisionColumns } from './post-columns.js';
import { Reply } from './reply.entity.js';
import { Thread } from './thread.entity.js';

/**
 * A thread as it was before edit number `number`: the previous title, body and tags,
 * who made the edit that replaced them and when.
 */
@Entity('thread_revisions')
export class ThreadRevision extends RevisionColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'thread_revisions_pkey' })
  threadId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'thread_revisions_pkey' })
  number: number;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'thread_revisions_thread_id_fkey' })
  thread?: Thread;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'thread_revisions_editor_id_fkey' })
  editor?: User;
}

/** A reply as it was before edit number `number`. */
@Entity('reply_revisions')
export class ReplyRevision extends RevisionColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'reply_revisions_pkey' })
  replyId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'reply_revisions_pkey' })
  number: number;

  @ManyToOne(() => Reply, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reply_id', foreignKeyConstraintName: 'reply_revisions_reply_id_fkey' })
  reply?: Reply;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'reply_revisions_editor_id_fkey' })
  editor?: User;
}
