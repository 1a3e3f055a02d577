import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const COLLABORATIVE_TYPES = [
  'horizontal',
  'vertical',
  'mental-health',
  'community',
  'ambulance',
  'primary-secondary',
  'other',
] as const;
export type CollaborativeType = (typeof COLLABORATIVE_TYPES)[number];

export const VISIBILITIES = ['public', 'members'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

@Entity('collaboratives')
// Expression and descending indexes made by the migration; TypeORM cannot describe them.
@Index('collaboratives_name_idx', { synchronize: false })
@Index('collaboratives_activity_idx', { synchronize: false })
export class Collaborative {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Index('collaboratives_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  /** Markdown as written. */
  @Column({ type: 'text', default: '' })
  description: string;

  /** Sanitised HTML rendered from `description` on write. */
  @Column({ type: 'text', default: '' })
  descriptionHtml: string;

  @Column({ type: 'enum', enum: COLLABORATIVE_TYPES, enumName: 'collaborative_type' })
  type: CollaborativeType;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Column({ type: 'text', nullable: true })
  ics: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  organisations: string[];

  @Column({ type: 'enum', enum: VISIBILITIES, enumName: 'collaborative_visibility', default: 'public' })
  visibility: Visibility;

  @Column({ type: 'integer', default: 0 })
  followerCount: number;

  @Column({ type: 'integer', default: 0 })
  memberCount: number;

  @Column({ type: 'integer', default: 0 })
  threadCount: number;

  @Column({ type: 'integer', default: 0 })
  postCount: number;

  /** Filled by a trigger from name, description and organisations; never written by the app. */
  @Index('collaboratives_search_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
