import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SECTORS = [
  'acute',
  'mental-health',
  'community',
  'specialist',
  'ambulance',
  'primary-care',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

import { type Role, ROLES } from '../identity/role.js';

export { type Role, ROLES };

export const USER_STATUSES = ['active', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Trimmed and lower-cased before it is stored. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  /** Unique name for @mentions, e.g. `sarah-whitfield`; compared case-insensitively. */
  @Index('users_handle_key', { synchronize: false })
  @Column({ type: 'text' })
  handle: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  organisation: string;

  @Column({ type: 'text' })
  jobTitle: string;

  @Column({ type: 'enum', enum: SECTORS, enumName: 'user_sector' })
  sector: Sector;

  @Column({ type: 'text', default: '' })
  bio: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'user_role', default: 'member' })
  role: Role;

  @Column({ type: 'enum', enum: USER_STATUSES, enumName: 'user_status', default: 'active' })
  status: UserStatus;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedUntil: Date | null;

  @Column({ type: 'text', nullable: true })
  suspensionReason: string | null;

  /** When a code sent to the address first came back: until then the account cannot sign in. */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt: Date | null;

  /** Since a password reset handed the account to its address's owner, with posts from before confirmation to review. */
  @Column({ type: 'timestamptz', nullable: true })
  takeoverReviewSince: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Suspended now: a suspension with an end date in the past no longer counts. */
  isSuspended(now: Date): boolean {
    return this.status === 'suspended' && (this.suspendedUntil === null || this.suspendedUntil > now);
  }
}

/** What a public profile shows of a person: all a post's author is read with. */
export const PUBLIC_PROFILE_FIELDS = [
  'id',
  'displayName',
  'handle',
  'organisation',
  'jobTitle',
  'sector',
  'bio',
  'role',
  'createdAt',
] as const satisfies ReadonlyArray<keyof User>;
export type PublicUser = Pick<User, (typeof PUBLIC_PROFILE_FIELDS)[number]>;
