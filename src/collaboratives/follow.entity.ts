import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Collaborative } from './collaborative.entity.js';

export const FOLLOW_LEVELS = ['all', 'questions-and-practices', 'none'] as const;
export type FollowLevel = (typeof FOLLOW_LEVELS)[number];

@Entity('collaborative_follows')
@Index('collaborative_follows_user_id_idx', ['userId', 'createdAt'])
export class Follow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'collaborative_follows_pkey' })
  collaborativeId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'collaborative_follows_pkey' })
  userId: string;

  @ManyToOne(() => Collaborative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'collaborative_follows_collaborative_id_fkey' })
  collaborative?: Collaborative;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'collaborative_follows_user_id_fkey' })
  user?: User;

  /** Which new posts notify the follower: everything, only questions and practices, or nothing. */
  @Column({ type: 'enum', enum: FOLLOW_LEVELS, enumName: 'follow_level', default: 'all' })
  level: FollowLevel;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
