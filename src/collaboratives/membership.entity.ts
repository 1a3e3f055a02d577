import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Collaborative } from './collaborative.entity.js';

export const MEMBERSHIP_ROLES = ['member', 'lead'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's membership of a collaborative; a lead moderates that collaborative only. */
@Entity('collaborative_members')
export class Membership {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'collaborative_members_pkey' })
  collaborativeId: string;

  @Index('collaborative_members_user_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'collaborative_members_pkey' })
  userId: string;

  @ManyToOne(() => Collaborative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'collaborative_members_collaborative_id_fkey' })
  collaborative?: Collaborative;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'collaborative_members_user_id_fkey' })
  user?: User;

  @Column({ type: 'enum', enum: MEMBERSHIP_ROLES, enumName: 'membership_role', default: 'member' })
  role: MembershipRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
