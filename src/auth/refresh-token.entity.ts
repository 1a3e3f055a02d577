import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Session } from './session.entity.js';

/** A refresh token, stored only as its SHA-256. A used one stays to catch replays. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'refresh_tokens_pkey' })
  tokenHash: string;

  @Index('refresh_tokens_session_id_idx')
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'refresh_tokens_session_id_fkey' })
  session?: Session;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
