import { Column, CreateDateColumn } from 'typeorm';

/** The columns threads and replies share: a Markdown body, votes, and the marks of edits and deletion. */
export abstract class PostColumns {
  /** Markdown as written; empty once deleted. */
  @Column({ type: 'text' })
  body: string;

  /** Sanitised HTML rendered from `body` on write. */
  @Column({ type: 'text' })
  bodyHtml: string;

  /** The body's first words as plain text, rendered with `bodyHtml`; only notifications read it. */
  @Column({ type: 'text', select: false })
  excerpt: string;

  /** Handles the body @mentions, rendered with `bodyHtml`; only notifications read them. */
  @Column({ type: 'text', array: true, select: false })
  mentions: string[];

  @Column({ type: 'integer', default: 0 })
  voteCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** Set when deleted: the content is then a tombstone. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deletedById: string | null;

  /** Set when moderators hide it: readers then see a notice, its author and moderators the content. */
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;
}

/** The columns both revision tables share: the earlier body, and who replaced it when. */
export abstract class RevisionColumns {
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'uuid' })
  editorId: string;

  /** When the edit that replaced this version was made. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
