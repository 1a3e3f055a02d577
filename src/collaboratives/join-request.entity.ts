import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { User } from '../users/user.entity.js';
import { Collaborative } from './collaborative.entity.js';

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

@Entity('join_requests')
@Index('join_requests_pending_key', ['collaborativeId', 'userId'], { unique: true, where: `status = 'pending'` })
@Index('join_requests_collaborative_id_idx', ['collaborativeId', 'createdAt', 'id'])
export class JoinRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'join_requests_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  collaborativeId: string;

  @ManyToOne(() => Collaborative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborative_id', foreignKeyConstraintName: 'join_requests_collaborative_id_fkey' })
  collaborative?: Collaborative;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'join_requests_user_id_fkey' })
  user?: User;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ type: 'enum', enum: JOIN_REQUEST_STATUSES, enumName: 'join_request_status', default: 'pending' })
  status: JoinRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'join_requests_decided_by_id_fkey' })
  decidedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
