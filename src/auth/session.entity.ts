import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity.js';

/** One sign-in on one device: the family of refresh tokens that rotate from it. */
@Entity('sessions')
@Index('sessions_user_id_idx', ['userId', 'createdAt'])
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'sessions_user_id_fkey' })
  user?: User;

  @Column({ type: 'text', default: '' })
  userAgent: string;

  @Column({ type: 'text', default: '' })
  ip: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** logout, ended-by-user, password-changed, refresh-token-reused, suspended, role-changed */
  @Column({ type: 'text', nullable: true })
  endReason: string | null;
}
