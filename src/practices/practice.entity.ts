import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { Collaborative } from '../collaboratives/collaborative.entity.js';
import { type PublicUser, User } from '../users/user.entity.js';

export const THEMES = [
  'diagnostics',
  'elective-recovery',
  'unwarranted-variation',
  'workforce',
  'mental-health',
  'urgent-and-emergency-care',
  'population-health-and-inequalities',
  'digital',
  'finance-and-efficiency',
  'governance-and-leadership',
] as const;
export type Theme = (typeof THEMES)[number];

export const SECTIONS = ['challenge', 'approach', 'outcomes', 'lessons'] as const;
export type Section = (typeof SECTIONS)[number];

export interface OutcomeMeasure {
  label: string;
  before: number;
  after: number;
  unit: string;
}

export const PRACTICE_STATUSES = ['draft', 'published'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** A best-practice case study: the problem, what was done, what changed, what it took. */
@Entity('practices')
@Index('practices_newest_idx', { synchronize: false })
@Index('practices_endorsed_idx', { synchronize: false })
@Index('practices_discussed_idx', { synchronize: false })
@Index('practices_author_id_idx', ['authorId', 'createdAt'])
export class Practice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'practices_pkey' })
  id: string;

  @Index('practices_collaborative_id_idx')
  @Column({ type: 'uuid', nullable: true })
  collaborativeId: string | null;

  @ManyToOne(() => Collaborative, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'practices_collaborative_id_fkey' })
  collaborative?: Collaborative | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'practices_author_id_fkey' })
  author?: PublicUser;

  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) summary: string;
  @Column({ type: 'text', default: '' }) challenge: string;
  @Column({ type: 'text', default: '' }) challengeHtml: string;
  @Column({ type: 'text', default: '' }) approach: string;
  @Column({ type: 'text', default: '' }) approachHtml: string;
  @Column({ type: 'text', default: '' }) outcomes: string;
  @Column({ type: 'text', default: '' }) outcomesHtml: string;
  @Column({ type: 'text', default: '' }) lessons: string;
  @Column({ type: 'text', default: '' }) lessonsHtml: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  outcomeMeasures: OutcomeMeasure[];

  @Column({ type: 'text', array: true, default: () => "'{}'" }) sectors: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) themes: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) organisations: string[];
  @Column({ type: 'text', default: '' }) contact: string;

  @Column({ type: 'enum', enum: PRACTICE_STATUSES, enumName: 'practice_status', default: 'draft' })
  status: PracticeStatus;

  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  /** Publication, then each new comment: the "most recently discussed" order. */
  @Column({ type: 'timestamptz', nullable: true }) lastActivityAt: Date | null;
  @Column({ type: 'integer', default: 0 }) endorsementCount: number;
  @Column({ type: 'integer', default: 0 }) commentCount: number;
  @Column({ type: 'integer', default: 0 }) viewCount: number;

  /** Kept by a trigger while published; never written by the app. */
  @Index('practices_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) editedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true }) hiddenById: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'hidden_by_id', foreignKeyConstraintName: 'practices_hidden_by_id_fkey' })
  hiddenBy?: User | null;

  @Column({ type: 'text', nullable: true }) hiddenReason: string | null;
}
